import { describe, expect, it } from "vitest";
import { REPLICATION_STORAGE_SKUS, STANDARD_REDUNDANCIES, geoRedundantStorage, replicationStorageSku, standardSku } from "../../../policies/rules";

describe("replication storage SKUs", () => {
    it.each([
        ["Standard_LRS", true],
        ["Standard_GRS", true],
        ["Standard_RAGRS", true],
        ["Premium_LRS", true],
        ["Standard_ZRS", false],
        ["Standard_GZRS", false],
        ["Premium_ZRS", false],
    ])("A3: %s allowed is %s", (sku, ok) => expect(replicationStorageSku(sku) === undefined).toBe(ok));

    it("A3: the SKUs are the config's redundancies in Azure's words, and premium", () => {
        expect(STANDARD_REDUNDANCIES.map(standardSku)).toEqual(["Standard_GRS", "Standard_RAGRS", "Standard_LRS"]);
        expect(REPLICATION_STORAGE_SKUS).toEqual(["Standard_GRS", "Standard_RAGRS", "Standard_LRS", "Premium_LRS"]);
    });

    it("A3: a narrower allowed list is honoured", () => {
        expect(replicationStorageSku("Standard_LRS", ["Standard_GRS"])).toMatch(/allowed: Standard_GRS/);
    });

    it.each([
        ["Standard_GRS", true],
        ["Standard_RAGRS", true],
        ["Premium_LRS", true],
        ["Standard_LRS", false],
    ])("A4: %s geo-redundant enough is %s", (sku, ok) => expect(geoRedundantStorage(sku) === undefined).toBe(ok));
});
