import type { Enforcement } from "../policies/rules/facts";

const VAULT = "test/components/vault.test.ts";
const STORAGE = "test/components/replication-storage.test.ts";
const NETWORK = "test/components/failover-network.test.ts";

/** The facts the components guarantee whatever their caller passes, and the tests that prove it. */
export const COMPONENT_FACTS: readonly Enforcement[] = [
    {
        facts: ["A12", "A13"],
        where: "RecoveryVault: states its storage redundancy at creation (GeoRedundant by default), has a system-assigned identity for private endpoints, and is public by default so the VMM provider can register",
        test: { file: VAULT, title: "creates a protected Standard vault, geo-redundant, soft delete on, system identity, reachable by the VMM provider" },
    },
    {
        facts: ["A12", "A13"],
        where: "RecoveryVault: refuses a storage redundancy or public network access outside the allowed values",
        test: { file: VAULT, title: "refuses choices outside the config's vocabulary, as callers in other languages might pass" },
    },
    {
        facts: ["A1"],
        where: "ReplicationStorage: refuses a region other than the vault's",
        test: { file: STORAGE, title: "refuses a region other than the vault's (A1), naming the argument, against the component" },
    },
    {
        facts: ["A3"],
        where: "ReplicationStorage: refuses a redundancy Site Recovery doesn't support",
        test: { file: STORAGE, title: "refuses a redundancy Site Recovery doesn't support (A3), in the words of its argument" },
    },
    {
        facts: ["A4", "A7"],
        where: "ReplicationStorage: a Standard_GRS StorageV2 account without hierarchical namespace by default",
        test: { file: STORAGE, title: "by default creates one protected, geo-redundant, secure StorageV2 account: the log account of managed-disk replicas" },
    },
    {
        facts: ["A5", "A6"],
        where: "ReplicationStorage: Premium performance puts data on a premium account and keeps a standard one for the logs",
        test: { file: STORAGE, title: "with premium performance adds a premium data account and keeps a standard one for logs (A6)" },
    },
    {
        facts: ["A8"],
        where: "ReplicationStorage: account names derived stably, so no later run replaces an account replication targets",
        test: { file: STORAGE, title: "names accounts from organization, project, stack, component and role: stable, and distinct per component" },
    },
    {
        facts: ["A11"],
        where: "ReplicationStorage: a firewall always lets trusted Microsoft services through",
        test: { file: STORAGE, title: "with a firewall denies by default and always lets trusted Microsoft services through (A11)" },
    },
    {
        facts: ["R7"],
        where: "ReplicationStorage: outputs replicationStorageAccountIds, the ids a replication policy lists in storageAccounts",
        test: { file: "test/components/index.test.ts", title: "exposes what the stack exports as outputs" },
    },
    {
        facts: ["A2", "A10"],
        where: "FailoverNetwork: refuses a region other than the vault's, and a test network overlapping the failover network",
        test: { file: NETWORK, title: "refuses a region other than the vault's (A2), a bad layout, and an overlapping test network (A10), naming the argument" },
    },
    {
        facts: ["A9", "A10"],
        where: "FailoverNetwork: the test network mirrors the failover subnets' names and is never peered",
        test: { file: NETWORK, title: "adds an isolated test network that mirrors the subnet names (A9, A10) and is never peered" },
    },
    {
        facts: ["A16"],
        where: "PrivateReplication: the vault identity's roles on each account, by SKU",
        test: {
            file: "test/components/private-replication.test.ts",
            title: "gives the vault's identity Contributor and Storage Blob Data Contributor on a standard account, Storage Blob Data Owner on a premium one (A16)",
        },
    },
    {
        facts: ["A13"],
        where: "PrivateReplication: a Site Recovery private endpoint on the vault, with its DNS zone",
        test: { file: "test/components/private-replication.test.ts", title: "connects an AzureSiteRecovery endpoint to the vault, with its DNS zone linked to the subnet's network" },
    },
    {
        facts: ["A15"],
        where: "PrivateReplication: blob private endpoints, the hosts' path to a firewalled account",
        test: {
            file: "test/components/private-replication.test.ts",
            title: "with blobPrivateEndpoints adds a blob endpoint per account, in the blob DNS zone, so a firewall may admit no public address (A15)",
        },
    },
    {
        facts: ["A17"],
        where: "RecoveryVault: no delete lock on the vault; ReplicationStorage: locks on the accounts",
        test: { file: "test/components/vault.test.ts", title: "takes no delete lock, which its replication objects would inherit (A17), and says why to callers who pass one" },
    },
    {
        facts: ["R1", "R6"],
        where: "HyperVReplicationPolicy: the portal's defaults, copy frequencies R1 allows",
        test: { file: "test/components/hyperv-replication-policy.test.ts", title: "creates a HyperVReplicaAzure policy with the portal's defaults: 5 min, 2 h, 1 h, start at once (R6)" },
    },
    {
        facts: ["R2"],
        where: "HyperVReplicationPolicy: no 30-second copies onto premium storage",
        test: { file: "test/components/hyperv-replication-policy.test.ts", title: "refuses 30-second copies onto premium storage (R2)" },
    },
    {
        facts: ["R3", "R4"],
        where: "HyperVReplicationPolicy: retention and app-consistent frequency",
        test: { file: "test/components/hyperv-replication-policy.test.ts", title: "refuses a retention outside 0-24 h (R3) and app-consistent snapshots above it (R4), each by its argument" },
    },
    {
        facts: ["A9"],
        where: "ProtectedVm: the target subnet named like the source subnet, else the first",
        test: { file: "test/components/protected-vm.test.ts", title: "joins the target subnet named like its source subnet, else the first (A9)" },
    },
    {
        facts: ["V1"],
        where: "ProtectedVm: a target VM name Azure can take",
        test: { file: "test/components/protected-vm.test.ts", title: "refuses a VM name Azure can't take (V1), pointing at targetVmName, against the component" },
    },
];
