import { describe, expect, it } from "vitest";
import { vaultRedundancySetAtCreation } from "../../../policies/rules";

describe("A12: vault redundancy set at creation", () => {
    it("must be stated and allowed", () => {
        expect(vaultRedundancySetAtCreation("GeoRedundant")).toBeUndefined();
        expect(vaultRedundancySetAtCreation(undefined)).toMatch(/not set \(A12/);
        expect(vaultRedundancySetAtCreation("ZoneRedundant")).toMatch(/not allowed/);
        expect(vaultRedundancySetAtCreation("ZoneRedundant", ["ZoneRedundant"])).toBeUndefined();
    });
});
