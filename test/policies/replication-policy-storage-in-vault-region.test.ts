import { describe, expect, it } from "vitest";
import { UNKNOWN, replicationPolicy, resource, TYPES, vault, violations } from "./support/fixtures";

const policy = "replication-policy-storage-in-vault-region";

const untaggedAccount = (name: string, location: string, id?: string) =>
    resource(TYPES.account, name, { name, location, sku: { name: "Standard_GRS" }, kind: "StorageV2", ...(id ? { id } : {}) });

describe(policy, () => {
    it("fails an account the policy lists (by dependency, id unknown) in another region (A1)", async () => {
        const far = untaggedAccount("stfar", "eastus");
        const listed = replicationPolicy("hyperv-5min", { replicationInterval: 300 }, { accounts: [far] });
        expect(await violations([vault(), far, listed], { policy })).toEqual([
            expect.objectContaining({
                urn: listed.urn,
                message: expect.stringMatching(/replication policy hyperv-5min of vault rsv-dr lists storage account stfar: storage is in "eastus"/),
            }),
        ]);
    });

    it("matches accounts listed by known id too", async () => {
        const id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stfar";
        const far = untaggedAccount("stfar", "eastus", id);
        const listed = resource(TYPES.policy, "p", {
            resourceName: "rsv-dr",
            properties: { providerSpecificInput: { instanceType: "HyperVReplicaAzure", storageAccounts: [id] } },
        });
        expect(await violations([vault(), far, listed], { policy })).toHaveLength(1);
    });

    it("passes listed accounts in the vault's region, and a policy whose accounts are all unknown", async () => {
        const near = untaggedAccount("stnear", "westeurope");
        const unknownList = resource(TYPES.policy, "q", {
            resourceName: "rsv-dr",
            properties: { providerSpecificInput: { instanceType: "HyperVReplicaAzure", storageAccounts: UNKNOWN } },
        });
        expect(await violations([vault(), near, replicationPolicy("p", {}, { accounts: [near] }), unknownList], { policy })).toEqual([]);
    });
});
