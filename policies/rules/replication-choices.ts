/**
 * The choices phase-2 components offer (replication policies and protected VMs), each
 * with its default, in the words component arguments use. `as const` objects are the form
 * Pulumi's multi-language schema turns into enums. Their home is choices.ts, beside the
 * phase-1 choices; they live here until that file is free to edit.
 */

/** R6: the portal copies every 5 minutes (R1 allows 30, 300, 900 seconds). */
export const DEFAULT_COPY_FREQUENCY_SECONDS = 300;
/** R6: the portal keeps recovery points for 2 hours (R3: 0-24). */
export const DEFAULT_RECOVERY_POINT_RETENTION_HOURS = 2;
/** R6: the portal takes an app-consistent snapshot every hour (R4: 0-12, 0 = off). */
export const DEFAULT_APP_CONSISTENT_FREQUENCY_HOURS = 1;

/**
 * What holds a protected VM's replicas (asr-phase2 section 3.4): managed disks with a
 * storage account for the replication logs (the portal's default since unmanaged disks
 * were retired as failover targets), or a storage account (the seed's mode).
 */
export const ReplicaStorage = { ManagedDisks: "ManagedDisks", StorageAccount: "StorageAccount" } as const;
export type ReplicaStorage = (typeof ReplicaStorage)[keyof typeof ReplicaStorage];
export const DEFAULT_REPLICA_STORAGE: ReplicaStorage = ReplicaStorage.ManagedDisks;

/**
 * Managed disk types a Hyper-V replica may have: azure-native's DiskAccountType also lists
 * PremiumV2, Ultra and ZRS types shared with other scenarios, which Terraform's Hyper-V
 * resource and the older API reference don't allow (asr-phase2 section 3.4).
 */
export const ReplicaDiskType = { Standard_LRS: "Standard_LRS", StandardSSD_LRS: "StandardSSD_LRS", Premium_LRS: "Premium_LRS" } as const;
export type ReplicaDiskType = (typeof ReplicaDiskType)[keyof typeof ReplicaDiskType];
/** Standard HDD: the cheapest; replicas are read only at failover. */
export const DEFAULT_REPLICA_DISK_TYPE: ReplicaDiskType = ReplicaDiskType.Standard_LRS;

/** The guest OS family Site Recovery prepares the failed-over VM for. */
export const GuestOsType = { Windows: "Windows", Linux: "Linux" } as const;
export type GuestOsType = (typeof GuestOsType)[keyof typeof GuestOsType];

/** Windows Server licensing of the failed-over VM; WindowsServer is Azure Hybrid Benefit. */
export const ReplicaLicenseType = { NotSpecified: "NotSpecified", NoLicenseType: "NoLicenseType", WindowsServer: "WindowsServer" } as const;
export type ReplicaLicenseType = (typeof ReplicaLicenseType)[keyof typeof ReplicaLicenseType];
