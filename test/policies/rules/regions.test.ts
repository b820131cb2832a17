import { describe, expect, it } from "vitest";
import { normalizeRegion, sameRegion } from "../../../policies/rules";

describe("regions", () => {
    it.each([
        ["West Europe", "westeurope"],
        ["westeurope", "westeurope"],
        ["WESTUS2", "westus2"],
        ["south-central-us", "southcentralus"],
        ["atlantis", undefined],
    ])("%s is %s", (given, expected) => expect(normalizeRegion(given)).toBe(expected));

    it("compares display names and names", () => {
        expect(sameRegion("North Europe", "northeurope")).toBe(true);
        expect(sameRegion("northeurope", "westeurope")).toBe(false);
    });
});
