import type { PolicyPackArgs } from "@pulumi/policy";
import type { FactPolicy } from "./lib/define";
import { failoverSubnetsHaveNsg } from "./failover-subnets-have-nsg";
import { networkInVaultRegionPolicy } from "./network-in-vault-region";
import { networkMappingVmmToAzure } from "./network-mapping-vmm-to-azure";
import { policyMappedBeforeProtection } from "./policy-mapped-before-protection";
import { premiumManagedDiskCopyFrequency } from "./premium-managed-disk-copy-frequency";
import { premiumStorageCopyFrequency } from "./premium-storage-copy-frequency";
import { premiumStorageHasLogAccount } from "./premium-storage-has-log-account";
import { replicaSubnetInTargetNetwork } from "./replica-subnet-in-target-network";
import { replicationLogStorageStandard } from "./replication-log-storage-standard";
import { replicationPolicyAppConsistentFrequency } from "./replication-policy-app-consistent-frequency";
import { replicationPolicyCopyFrequency } from "./replication-policy-copy-frequency";
import { replicationPolicyRetention } from "./replication-policy-retention";
import { replicationPolicyStorageInVaultRegion } from "./replication-policy-storage-in-vault-region";
import { replicationStorageFirewall } from "./replication-storage-firewall";
import { replicationStorageAccess } from "./replication-storage-access";
import { replicationStorageAdmitsHosts } from "./replication-storage-admits-hosts";
import { replicationStorageByReference } from "./replication-storage-by-reference";
import { replicationStorageGeoRedundant } from "./replication-storage-geo-redundant";
import { replicationStorageKind } from "./replication-storage-kind";
import { replicationStorageRedundancy } from "./replication-storage-redundancy";
import { replicationStorageSecureTransport } from "./replication-storage-secure-transport";
import { siteRecoveryDataProtected } from "./site-recovery-data-protected";
import { storageInVaultRegionPolicy } from "./storage-in-vault-region";
import { testFailoverNetworkIsolated } from "./test-failover-network-isolated";
import { vaultPrivateAccessIdentity } from "./vault-private-access-identity";
import { vaultRedundancySetAtCreationPolicy } from "./vault-redundancy-set-at-creation";

export const PACK_NAME = "asr-hyperv-prerequisites";

/**
 * Starts the pack afresh, as the engine's new analyzer process for each operation does:
 * the stack policies join what this operation's Analyze calls showed (lib/observed.ts).
 * Only an engine imitation that runs many operations in one process needs it.
 */
export { startRound as startOperation } from "./lib/observed";

/** The pack's policies, importable without starting the analyzer that `new PolicyPack` starts. */
export const policies: FactPolicy[] = [
    storageInVaultRegionPolicy,
    replicationPolicyStorageInVaultRegion,
    networkInVaultRegionPolicy,
    networkMappingVmmToAzure,
    replicationStorageRedundancy,
    replicationStorageGeoRedundant,
    premiumStorageHasLogAccount,
    replicationLogStorageStandard,
    replicationStorageKind,
    replicationStorageSecureTransport,
    replicationStorageByReference,
    replicationStorageAdmitsHosts,
    replicationStorageAccess,
    replicationStorageFirewall,
    testFailoverNetworkIsolated,
    failoverSubnetsHaveNsg,
    vaultRedundancySetAtCreationPolicy,
    vaultPrivateAccessIdentity,
    siteRecoveryDataProtected,
    replicationPolicyCopyFrequency,
    premiumStorageCopyFrequency,
    premiumManagedDiskCopyFrequency,
    replicationPolicyRetention,
    replicationPolicyAppConsistentFrequency,
    replicaSubnetInTargetNetwork,
    policyMappedBeforeProtection,
];

export const packArgs: PolicyPackArgs = {
    policies,
    displayName: "Hyper-V (VMM) to Azure Site Recovery prerequisites",
    description: "Checks the Azure side of Hyper-V (VMM) to Azure replication against the documented Site Recovery prerequisites.",
    provider: "azure",
    tags: ["azure", "site-recovery", "disaster-recovery", "hyper-v"],
};
