import { describe, expect, it } from "vitest";
import { UNKNOWN, account, resource, TYPES, violations } from "./support/fixtures";

const policy = "replication-storage-redundancy";

describe(policy, () => {
    it.each(["Standard_GRS", "Standard_RAGRS", "Standard_LRS", "Premium_LRS"])("passes %s", async (sku) => {
        expect(await violations([account("st", { sku: { name: sku } })], { policy })).toEqual([]);
    });

    it.each(["Standard_ZRS", "Standard_GZRS", "Standard_RAGZRS", "Premium_ZRS"])("fails %s as mandatory, naming the account and citing A3", async (sku) => {
        const found = await violations([account("st", { sku: { name: sku } })], { policy });
        expect(found).toEqual([
            expect.objectContaining({ enforcementLevel: "mandatory", urn: expect.stringContaining("::st"), message: expect.stringMatching(/^st: storage SKU ".*" is not allowed.*A3/) }),
        ]);
    });

    it("never flags an account that is not tagged for Site Recovery", async () => {
        const unrelated = resource(TYPES.account, "logs", { kind: "StorageV2", sku: { name: "Standard_ZRS" }, location: "westeurope" });
        expect(await violations([unrelated], { policy })).toEqual([]);
    });

    it("does not judge a SKU unknown during preview", async () => {
        expect(await violations([account("st", { sku: UNKNOWN })], { policy })).toEqual([]);
        expect(await violations([account("st", { sku: { name: UNKNOWN } })], { policy })).toEqual([]);
    });

    it("takes a narrower list of SKUs from the pack config", async () => {
        const config = { [policy]: { allowedSkus: ["Standard_GRS"] } };
        const found = await violations([account("st", { sku: { name: "Standard_LRS" } })], { policy, config });
        expect(found[0]?.message).toMatch(/allowed: Standard_GRS/);
    });
});
