import { describe, expect, it } from "vitest";
import { networkInVaultRegion, storageInVaultRegion } from "../../../policies/rules";

describe("in the vault's region", () => {
    it("A1: storage", () => {
        expect(storageInVaultRegion("UK South", "uksouth")).toBeUndefined();
        expect(storageInVaultRegion("ukwest", "uksouth")).toMatch(/storage is in "ukwest" but the vault is in "uksouth" \(A1/);
    });

    it("A2: the failover network", () => {
        expect(networkInVaultRegion("westeurope", "West Europe")).toBeUndefined();
        expect(networkInVaultRegion("eastus", "westeurope")).toMatch(/\(A2/);
    });
});
