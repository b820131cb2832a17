import * as network from "@pulumi/azure-native/network";
import * as recoveryservices from "@pulumi/azure-native/recoveryservices";
import * as storage from "@pulumi/azure-native/storage";
import { describe, expect, it } from "vitest";
import { analyze } from "./support/fixtures";
import { record } from "../support/record";

/**
 * Stacks written the way another team would: azure-native resources made directly, with
 * the role tags the pack documents, and a replication policy that lists its accounts.
 */
interface Choices {
    vaultRegion: string;
    storageRegion: string;
    networkRegion: string;
    dataSku: string;
    dataKind: string;
    logAccount: boolean;
    tls: string;
    bypass: string;
    vaultRedundancy: string | undefined;
    vaultAccess: string;
    vaultIdentity: boolean;
    copySeconds: number;
    retentionHours: number;
    snapshotHours: number;
    testAddressSpace: string;
    peered: boolean;
}

const COMPLIANT: Choices = {
    vaultRegion: "westeurope",
    storageRegion: "westeurope",
    networkRegion: "westeurope",
    dataSku: "Standard_GRS",
    dataKind: "StorageV2",
    logAccount: false,
    tls: "TLS1_2",
    bypass: "AzureServices",
    vaultRedundancy: "GeoRedundant",
    vaultAccess: "Enabled",
    vaultIdentity: true,
    copySeconds: 300,
    retentionHours: 2,
    snapshotHours: 1,
    testAddressSpace: "10.99.0.0/16",
    peered: false,
};

const tags = (role: string) => ({ "asr-hyperv:role": role, "asr-hyperv:vault": "team-vault" });

function teamStack(c: Choices): () => void {
    return () => {
        new recoveryservices.Vault("team-vault", {
            vaultName: "team-vault",
            resourceGroupName: "team-rg",
            location: c.vaultRegion,
            sku: { name: "Standard" },
            ...(c.vaultIdentity ? { identity: { type: "SystemAssigned" } } : {}),
            properties: {
                publicNetworkAccess: c.vaultAccess,
                ...(c.vaultRedundancy ? { redundancySettings: { standardTierStorageRedundancy: c.vaultRedundancy } } : {}),
            },
        }, { protect: true });
        const data = new storage.StorageAccount("team-replicas", {
            accountName: "teamreplicas",
            resourceGroupName: "team-rg",
            location: c.storageRegion,
            kind: c.dataKind,
            sku: { name: c.dataSku },
            minimumTlsVersion: c.tls,
            allowBlobPublicAccess: false,
            // The Hyper-V hosts' egress address, so they can upload (A15).
            networkRuleSet: { defaultAction: "Deny", bypass: c.bypass, ipRules: [{ iPAddressOrRange: "203.0.113.10" }] },
            tags: tags("replication-storage"),
        }, { protect: true });
        if (c.logAccount) {
            new storage.StorageAccount("team-logs", {
                accountName: "teamlogs",
                resourceGroupName: "team-rg",
                location: c.storageRegion,
                kind: "StorageV2",
                sku: { name: "Standard_LRS" },
                minimumTlsVersion: "TLS1_2",
                allowBlobPublicAccess: false,
                tags: tags("replication-log-storage"),
            }, { protect: true });
        }
        new network.VirtualNetwork("team-failover", {
            virtualNetworkName: "team-failover",
            resourceGroupName: "team-rg",
            location: c.networkRegion,
            addressSpace: { addressPrefixes: ["10.50.0.0/16"] },
            tags: tags("failover-network"),
        });
        new network.VirtualNetwork("team-test", {
            virtualNetworkName: "team-test",
            resourceGroupName: "team-rg",
            location: c.networkRegion,
            addressSpace: { addressPrefixes: [c.testAddressSpace] },
            tags: tags("test-failover-network"),
        });
        if (c.peered) {
            new network.VirtualNetworkPeering("team-test-to-hub", {
                virtualNetworkName: "team-test",
                resourceGroupName: "team-rg",
                remoteVirtualNetwork: { id: "/subscriptions/x/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/hub" },
            });
        }
        new recoveryservices.ReplicationPolicy("team-policy", {
            policyName: "team-policy",
            resourceName: "team-vault",
            resourceGroupName: "team-rg",
            properties: {
                providerSpecificInput: {
                    instanceType: "HyperVReplicaAzure",
                    replicationInterval: c.copySeconds,
                    recoveryPointHistoryDuration: c.retentionHours,
                    applicationConsistentSnapshotFrequencyInHours: c.snapshotHours,
                    storageAccounts: [data.id],
                },
            },
        });
    };
}

async function judge(c: Choices) {
    const recording = await record(teamStack(c), { preview: true });
    return (await analyze(recording.resources, { outputs: recording.outputs })).violations;
}

describe("a stack written by hand, without our components", () => {
    it("passes when compliant", async () => {
        expect(await judge(COMPLIANT)).toEqual([]);
    });

    it.each<[string, Partial<Choices>, string, RegExp]>([
        ["storage in another region", { storageRegion: "northeurope" }, "storage-in-vault-region", /storage account team-replicas .* of vault team-vault: storage is in "northeurope"/],
        ["a listed account in another region", { storageRegion: "northeurope" }, "replication-policy-storage-in-vault-region", /replication policy team-policy of vault team-vault lists storage account team-replicas/],
        ["a network in another region", { networkRegion: "eastus" }, "network-in-vault-region", /virtual network team-failover .* network is in "eastus"/],
        ["ZRS storage", { dataSku: "Standard_ZRS" }, "replication-storage-redundancy", /team-replicas: storage SKU "Standard_ZRS" is not allowed/],
        ["LRS storage", { dataSku: "Standard_LRS" }, "replication-storage-geo-redundant", /team-replicas: .*not geo-redundant/],
        ["premium without a log account", { dataSku: "Premium_LRS" }, "premium-storage-has-log-account", /vault team-vault \(premium: team-replicas\)/],
        ["a block-blob account", { dataKind: "BlockBlobStorage" }, "replication-storage-kind", /team-replicas: storage kind "BlockBlobStorage"/],
        ["TLS 1.0", { tls: "TLS1_0" }, "replication-storage-secure-transport", /team-replicas: minimumTlsVersion is TLS1_0/],
        ["a firewall shutting out Site Recovery", { bypass: "None" }, "replication-storage-firewall", /team-replicas: network rules deny/],
        ["a vault without stated redundancy", { vaultRedundancy: undefined }, "vault-redundancy-set-at-creation", /team-vault: .*not set/],
        ["a private vault without identity", { vaultAccess: "Disabled", vaultIdentity: false }, "vault-private-access-identity", /team-vault: public network access is Disabled/],
        ["a one-minute copy frequency", { copySeconds: 60 }, "replication-policy-copy-frequency", /team-policy: copy frequency 60 s/],
        ["30 s to premium storage", { copySeconds: 30, dataSku: "Premium_LRS", logAccount: true }, "premium-storage-copy-frequency", /replication policy team-policy with premium account\(s\) team-replicas/],
        ["three days of retention", { retentionHours: 72 }, "replication-policy-retention", /team-policy: recovery point retention 72 h/],
        ["snapshots rarer than retention", { snapshotHours: 4 }, "replication-policy-app-consistent-frequency", /team-policy: app-consistent snapshot frequency 4 h is above/],
        ["an overlapping test network", { testAddressSpace: "10.50.0.0/24" }, "test-failover-network-isolated", /test network team-test of vault team-vault: .*overlaps/],
        ["a peered test network", { peered: true }, "test-failover-network-isolated", /connected through peering team-test-to-hub/],
    ])("catches %s", async (_, change, policyName, message) => {
        const found = await judge({ ...COMPLIANT, ...change });
        expect(found.filter((violation) => violation.policyName === policyName)).toContainEqual(expect.objectContaining({ message: expect.stringMatching(message) }));
    });
});
