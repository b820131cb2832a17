/** What a Site Recovery vault made by RecoveryVault looks like with its defaults. */
export const DEFAULT_VAULT = {
    sku: { name: "Standard" },
    identity: { type: "SystemAssigned" },
    properties: {
        publicNetworkAccess: "Enabled",
        redundancySettings: { standardTierStorageRedundancy: "GeoRedundant" },
        securitySettings: { softDeleteSettings: { softDeleteState: "Enabled" } },
    },
};

/** What every replication account looks like: page-blob capable (A7) and secure by default. */
export const SECURE_PAGE_BLOB_ACCOUNT = {
    kind: "StorageV2",
    isHnsEnabled: false,
    minimumTlsVersion: "TLS1_2",
    enableHttpsTrafficOnly: true,
    allowBlobPublicAccess: false,
    allowCrossTenantReplication: false,
    // Site Recovery writes to cache and log accounts with shared keys: stated, so no organisation-wide default turns it off.
    allowSharedKeyAccess: true,
};

/** A HyperVReplicaAzure policy's settings with the portal's defaults (R6). */
export const PORTAL_POLICY_INPUT = {
    instanceType: "HyperVReplicaAzure",
    replicationInterval: 300,
    recoveryPointHistoryDuration: 2,
    applicationConsistentSnapshotFrequencyInHours: 1,
};
