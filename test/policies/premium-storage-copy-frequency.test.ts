import { describe, expect, it } from "vitest";
import { UNKNOWN, account, replicationPolicy, resource, vault, violations } from "./support/fixtures";

const policy = "premium-storage-copy-frequency";

describe(policy, () => {
    const premium = account("prm", { sku: { name: "Premium_LRS" } });
    const log = account("log", {}, "replication-log-storage");

    it("passes 30 s to standard storage and 5 min to premium", async () => {
        const standard = account("std");
        expect(await violations([vault("rsv-std"), standard, replicationPolicy("p", { replicationInterval: 30 }, { vault: "rsv-std", accounts: [standard] })], { policy })).toEqual([]);
        expect(await violations([vault(), premium, log, replicationPolicy("p", { replicationInterval: 300 }, { accounts: [premium] })], { policy })).toEqual([]);
    });

    it("fails 30 s with a listed premium account (R2)", async () => {
        const listed = replicationPolicy("fast", { replicationInterval: 30 }, { accounts: [premium] });
        expect(await violations([vault(), premium, log, listed], { policy })).toEqual([
            expect.objectContaining({ urn: listed.urn, message: expect.stringMatching(/replication policy fast with premium account\(s\) prm: .*R2/) }),
        ]);
    });

    it("fails 30 s when the vault's tagged storage is premium, even if the policy lists nothing", async () => {
        expect(await violations([vault(), premium, log, replicationPolicy("fast", { replicationInterval: 30 })], { policy })).toHaveLength(1);
    });

    it("judges only the accounts a policy lists, when it lists any", async () => {
        const standard = account("std");
        const listed = replicationPolicy("fast", { replicationInterval: 30 }, { accounts: [standard] });
        expect(await violations([vault(), premium, log, standard, listed], { policy })).toEqual([]);
    });

    it("reads a deployed policy's outputs too: providerSpecificDetails, and the vault from its id", async () => {
        const premiumId = "/subscriptions/s/resourceGroups/rg-dr/providers/Microsoft.Storage/storageAccounts/prm";
        const deployed = resource("azure-native:recoveryservices:ReplicationPolicy", "fast", {
            name: "fast",
            id: "/subscriptions/s/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/vaults/rsv-dr/replicationPolicies/fast",
            properties: { providerSpecificDetails: { instanceType: "HyperVReplicaAzure", replicationInterval: 30, activeStorageAccountId: premiumId } },
        });
        const found = await violations([vault(), account("prm", { sku: { name: "Premium_LRS" }, id: premiumId }), log, deployed], { policy });
        expect(found).toEqual([expect.objectContaining({ urn: deployed.urn, message: expect.stringMatching(/premium account\(s\) prm/) })]);
    });

    it("does not fall back to the vault's storage while the accounts a policy lists are unknown", async () => {
        const fromElsewhere = resource("azure-native:recoveryservices:ReplicationPolicy", "fast", {
            resourceName: "rsv-dr",
            properties: { providerSpecificInput: { instanceType: "HyperVReplicaAzure", replicationInterval: 30, storageAccounts: [UNKNOWN] } },
        });
        expect(await violations([vault(), premium, log, fromElsewhere], { policy })).toEqual([]);
    });
});
