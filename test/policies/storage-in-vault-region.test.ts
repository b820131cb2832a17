import { describe, expect, it } from "vitest";
import { UNKNOWN, account, resource, siteRecoveryTags, TYPES, vault, violations } from "./support/fixtures";

const policy = "storage-in-vault-region";

describe(policy, () => {
    it("passes storage in the vault's region, however the region is spelled", async () => {
        expect(await violations([vault(), account("st", { location: "West Europe" })], { policy })).toEqual([]);
    });

    it("fails a tagged account in another region, naming account, vault and regions (A1)", async () => {
        const far = account("st", { location: "northeurope" });
        expect(await violations([vault(), far], { policy })).toEqual([
            expect.objectContaining({
                enforcementLevel: "mandatory",
                urn: far.urn,
                message: expect.stringMatching(/storage account st \(tagged asr-hyperv:role=replication-storage\) of vault rsv-dr: storage is in "northeurope" but the vault is in "westeurope".*A1/),
            }),
        ]);
    });

    it("passes two vaults in two regions, each with its own storage", async () => {
        const stack = [
            vault("rsv-weu", "westeurope"),
            vault("rsv-neu", "northeurope"),
            account("stweu", { location: "westeurope" }, "replication-storage", "rsv-weu"),
            account("stneu", { location: "northeurope" }, "replication-storage", "rsv-neu"),
        ];
        expect(await violations(stack, { policy })).toEqual([]);
    });

    it("never flags untagged accounts, or accounts of a vault not in the stack", async () => {
        const untagged = resource(TYPES.account, "diag", { location: "eastus", sku: { name: "Standard_LRS" } });
        const elsewhere = account("other", { location: "eastus" }, "replication-storage", "rsv-other");
        expect(await violations([vault(), untagged, elsewhere], { policy })).toEqual([]);
    });

    it("does not judge a location unknown during preview", async () => {
        expect(await violations([vault(), account("st", { location: UNKNOWN })], { policy })).toEqual([]);
        expect(await violations([vault("rsv-dr", UNKNOWN), account("st", { location: "eastus" })], { policy })).toEqual([]);
    });

    it("tells apart two vaults of one name in different resource groups by a qualified tag", async () => {
        const weu = vault("vault-weu", "westeurope", { vaultName: "rsv-dr", resourceGroupName: "rg-weu" });
        const neu = vault("vault-neu", "northeurope", { vaultName: "rsv-dr", resourceGroupName: "rg-neu" });
        const stack = [
            weu,
            neu,
            account("stweu", { tags: siteRecoveryTags("replication-storage", "rg-weu/rsv-dr") }),
            account("stneu", { location: "northeurope", tags: siteRecoveryTags("replication-storage", "rg-neu/rsv-dr") }),
        ];
        expect(await violations(stack, { policy })).toEqual([]);
    });

    it("judges tagged storage in another resource group than its vault", async () => {
        const stack = [vault("rsv-dr", "westeurope", { resourceGroupName: "rg-vault" }), account("st", { location: "northeurope", resourceGroupName: "rg-storage" })];
        expect(await violations(stack, { policy })).toHaveLength(1);
    });
});
