import { StoragePerformance } from "./choices";
import { cite } from "./facts";
import { DEFAULT_REPLICA_STORAGE, ReplicaStorage } from "./replication-choices";

/**
 * What holds the replicas when config or a caller leaves it open: a premium account holds
 * replicas only as a storage account (managed disks are made premium by their disk type),
 * so premium performance means storage-account replicas; otherwise managed disks, the
 * portal's default (asr-phase2 section 3.4).
 */
export function replicaStorageFor(performance: StoragePerformance, asked?: ReplicaStorage): ReplicaStorage {
    return asked ?? (performance === StoragePerformance.Premium ? ReplicaStorage.StorageAccount : DEFAULT_REPLICA_STORAGE);
}

/** Whether the standard account holds the replication logs: for managed-disk replicas, and beside premium data (A6). */
export function standardAccountHoldsLogs(performance: StoragePerformance, replicas: ReplicaStorage): boolean {
    return performance === StoragePerformance.Premium || replicas === ReplicaStorage.ManagedDisks;
}

/** Why `performance` can't go with `replicas`, or undefined: a premium account would hold nothing with managed-disk replicas (A5, A6). */
export function replicaStorageProblem(performance: StoragePerformance, replicas: ReplicaStorage): string | undefined {
    return performance === StoragePerformance.Premium && replicas === ReplicaStorage.ManagedDisks
        ? `ManagedDisks keeps replicas on managed disks, so a premium account would hold nothing and Site Recovery's log account must be standard (${cite("A6")}); choose premium replica disks with a VM's diskType Premium_LRS, or set replicas StorageAccount for premium storage-account replicas (${cite("A5")})`
        : undefined;
}

/** Why a replica disk type can't be set with `replicas`, or undefined: only managed-disk replicas have one. */
export function replicaDiskTypeProblem(replicas: ReplicaStorage, diskType: string | undefined): string | undefined {
    return diskType !== undefined && replicas === ReplicaStorage.StorageAccount
        ? "sets a replica disk type, which only managed-disk replicas have; leave it out with replicas in a storage account"
        : undefined;
}
