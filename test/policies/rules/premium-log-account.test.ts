import { describe, expect, it } from "vitest";
import { premiumHasLogAccount } from "../../../policies/rules";

describe("A6: premium data has a standard log account", () => {
    it.each<[string[], boolean]>([
        [["Standard_GRS"], true],
        [["Premium_LRS", "Standard_LRS"], true],
        [["Premium_LRS"], false],
        [[], true],
    ])("accounts %j pass is %s", (skus, ok) => expect(premiumHasLogAccount(skus) === undefined).toBe(ok));
});
