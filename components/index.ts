export { StandardRedundancy, StoragePerformance, VaultPublicNetworkAccess, VaultRedundancy } from "../policies/rules/choices";
export * from "./vault";
export * from "./replication-storage";
export * from "./failover-network";
export * from "../policies/rules/role-tags";
