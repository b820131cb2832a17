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
        test: { file: STORAGE, title: "by default creates one protected, geo-redundant, secure StorageV2 account" },
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
];
