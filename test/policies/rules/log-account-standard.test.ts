import { describe, expect, it } from "vitest";
import { logAccountIsStandard } from "../../../policies/rules/log-account-standard";

describe("logAccountIsStandard (A6)", () => {
    it.each(["Standard_LRS", "Standard_GRS", "Standard_RAGRS"])("takes %s", (sku) => {
        expect(logAccountIsStandard(sku)).toBeUndefined();
    });

    it("refuses a premium account", () => {
        expect(logAccountIsStandard("Premium_LRS")).toMatch(/^the replication log account is premium \("Premium_LRS"\); the logs need a standard account \(A6: /);
    });
});
