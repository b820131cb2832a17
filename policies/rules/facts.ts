/**
 * The documented facts of Hyper-V (VMM) to Azure replication (../shared/reference/
 * asr-hyperv-facts.md), brought up to date by the 2026 re-check (asr-phase2.md), with
 * their sources: articles of MicrosoftDocs/azure-docs under articles/site-recovery unless
 * named, with the edition where it matters. Messages and policy descriptions cite them by
 * id, so a reader can go from a violation to the documentation that requires it; the
 * P and V facts are about the on-premises side and the VMs, which no Azure resource shows.
 */
export const FACTS = {
    A1: {
        text: "Storage for replicated data is in the same region as the Recovery Services vault",
        source: "vmm-to-azure-walkthrough-prerequisites.md; hyper-v-azure-common-questions.md",
    },
    A2: {
        text: "The Azure network that failed-over VMs join is in the same region as the vault",
        source: "vmm-to-azure-walkthrough-prerequisites.md; vmm-to-azure-walkthrough-prepare-azure.md",
    },
    A3: {
        text: "Replication storage is LRS, GRS or RA-GRS; ZRS and GZRS are not supported",
        source: "vmm-to-azure-walkthrough-prerequisites.md; hyper-v-azure-support-matrix.md (2018, 2020, 2026)",
    },
    A4: {
        text: "Geo-redundant storage is recommended: replicated data survives a regional outage",
        source: "vmm-to-azure-walkthrough-prerequisites.md",
    },
    A5: {
        text: "Standard or premium storage may hold replicated data; the portal's default now replicates to managed disks, with a storage account for the replication logs",
        source: "vmm-to-azure-walkthrough-prerequisites.md; hyper-v-azure-tutorial.md (2026)",
    },
    A6: {
        text: "Premium replicated data needs a standard storage account for the replication logs",
        source: "vmm-to-azure-walkthrough-prerequisites.md; vmm-to-azure-walkthrough-source-target.md; hyper-v-azure-common-questions.md (2024)",
    },
    A7: {
        text: "Replicated disks are page blobs: general-purpose storage kinds only, no BlobStorage, BlockBlobStorage or FileStorage, no hierarchical namespace",
        source: "hyper-v-azure-support-matrix.md (2018, 2020, 2026)",
    },
    A8: {
        text: "Storage accounts used by Site Recovery can't move across resource groups or subscriptions, and the target account can't change once replication is enabled",
        source: "vmm-to-azure-walkthrough-prepare-azure.md; hyper-v-azure-support-matrix.md (2020, 2026)",
    },
    A9: {
        text: "A replica joins the target subnet whose name matches its source subnet, else the first subnet",
        source: "vmm-to-azure-walkthrough-network.md; vmm-to-azure-walkthrough-network-mapping.md",
    },
    A10: {
        text: "Test failover is best run into an isolated network",
        source: "vmm-to-azure-walkthrough-test-failover.md",
    },
    A11: {
        text: "A firewall on the replication storage account must allow trusted Microsoft services",
        source: "hyper-v-azure-support-matrix.md (2020, 2026); hybrid-how-to-enable-replication-private-endpoints.md",
    },
    A12: {
        text: "Vault storage redundancy locks when the first server registers with the vault: set it when the vault is created",
        source: "terraform-provider-azurerm PR #8813 (StorageModelModifyError), #8709, #25228; reliability/migrate-recovery-services-vault.md",
    },
    A13: {
        text: "Without private endpoints (group AzureSiteRecovery, which need a vault managed identity) the VMM provider reaches the vault over the internet",
        source: "hybrid-how-to-enable-replication-private-endpoints.md",
    },
    R1: {
        text: "Copy frequency is 30 seconds, 5 minutes or 15 minutes (replicationInterval 30, 300, 900); the FAQ lists only 30 s and 5 min, and whether the service takes 900 for Azure targets is unverified",
        source: "vmm-to-azure-walkthrough-replication.md; hyper-v-azure-common-questions.md (2024); Az.RecoveryServices help (900); azurerm (30, 300)",
    },
    R2: {
        text: "A 30-second copy frequency is not supported with premium storage",
        source: "vmm-to-azure-walkthrough-replication.md; hyper-v-azure-common-questions.md",
    },
    R3: {
        text: "Recovery point retention (recoveryPointHistoryDuration) is 0 to 24 hours",
        source: "terraform-provider-azurerm recoveryservices",
    },
    R4: {
        text: "App-consistent snapshot frequency is 0 to 12 hours and not above the recovery point retention",
        source: "vmm-to-azure-walkthrough-replication.md; terraform-provider-azurerm recoveryservices",
    },
    R5: {
        text: "Initial replication starts at once or at a scheduled time (onlineReplicationStartTime)",
        source: "vmm-to-azure-walkthrough-replication.md",
    },
    R6: {
        text: "The portal's defaults: copy every 5 minutes, keep recovery points 2 hours, app-consistent snapshots every hour, start replication at once",
        source: "hyper-v-vmm-azure-tutorial.md (2020, 2026)",
    },
    R7: {
        text: "A replication policy's storageAccounts lists the accounts VMs in the cloud may replicate to; with managed-disk replicas it is optional",
        source: "azure-rest-api-specs recoveryservicessiterecovery examples; azure-native HyperVReplicaAzurePolicyInput; hyper-v-azure-tutorial.md (2026)",
    },
    P1: {
        text: "VMM servers run System Center VMM 2012 R2, 2016, 2019 or 2022 (not 2022 server core); VMM 2025 is not listed",
        source: "hyper-v-azure-support-matrix.md (2026)",
    },
    P2: {
        text: "Each VMM server has a private cloud with host groups, a logical network associated with the cloud and a VM network linked to it, and the VMs are connected to that VM network",
        source: "vmm-to-azure-walkthrough-prerequisites.md; hyper-v-prepare-on-premises-tutorial.md (2018); hyper-v-azure-architecture.md (2019)",
    },
    P3: {
        text: "The VMM server and hosts reach Site Recovery over HTTPS 443 (login.microsoftonline.com, *.hypervrecoverymanager.windowsazure.com, *.blob.core.windows.net, *.servicebus.windows.net, *.backup.windowsazure.com, time servers); an authenticating proxy is not supported",
        source: "hyper-v-azure-architecture.md (2019); hyper-v-azure-support-matrix.md (2026); includes/site-recovery-URLS.md",
    },
    P4: {
        text: "Hyper-V hosts run Windows Server 2012 R2, 2016, 2019 or 2022 (server core included) with the latest updates, .NET Framework 4.6.2 or later and, on 2012 R2, KB 2961977; no Azure Backup or other backup or DR tool on the same host",
        source: "hyper-v-azure-support-matrix.md (2026); hyper-v-azure-common-questions.md (2024); vmm-to-azure-walkthrough-prerequisites.md",
    },
    P5: {
        text: "Every host is in a host group of a protected VMM cloud, and all nodes of a cluster register with the same vault",
        source: "vmm-to-azure-walkthrough-prerequisites.md; hyper-v-azure-common-questions.md (2024)",
    },
    P6: {
        text: "Hosts send outbound HTTPS 443 directly or through a non-authenticating proxy; over a VPN only with private endpoints",
        source: "hyper-v-azure-support-matrix.md (2026); hyper-v-azure-common-questions.md (2024)",
    },
    P7: {
        text: "Windows Server 2019 hosts need VMM 2019 and Windows Server 2016 hosts VMM 2016; the older rule against mixing 2016 and 2012 R2 hosts in one cloud is gone",
        source: "hyper-v-azure-support-matrix.md (2020, 2026)",
    },
    V1: {
        text: "A VM name is 1-63 letters, digits and hyphens, starting and ending with a letter or digit; the target VM name can fix it",
        source: "hyper-v-azure-support-matrix.md (2026)",
    },
    V2: {
        text: "The guest OS is one Azure supports, 64-bit (32-bit only Windows Server 2008), not Nano Server",
        source: "hyper-v-azure-support-matrix.md (2026)",
    },
    V3: {
        text: "One basic OS disk of up to 2 TB (generation 1) or 4 TB (generation 2); over 2 TB needs a provider later than 2.0.9214.0 and managed-disk replication",
        source: "hyper-v-azure-support-matrix.md (2026); hyper-v-azure-common-questions.md (2024)",
    },
    V4: {
        text: "At most 16 data disks, each up to 32 TB with that provider and managed-disk replication, else up to 4,095 GB",
        source: "hyper-v-azure-support-matrix.md (2026)",
    },
    V5: {
        text: "Not supported: shared VHD or cluster disks, FC disks, BitLocker, encrypted disks, 4K-native sector disks, guest SMB 3.0 storage, Storage Spaces, hot add or remove; striped volumes and dynamic disks need app-consistent frequency 0",
        source: "hyper-v-azure-support-matrix.md (2026); hyper-v-azure-common-questions.md (2024)",
    },
    V6: {
        text: "Generation 2 VMs fail over as generation 1 and are converted back at failback; UEFI Secure Boot is not supported",
        source: "hyper-v-azure-support-matrix.md (2026); hyper-v-azure-common-questions.md (2024)",
    },
    V7: {
        text: "Guest networking: NIC teaming and IPv6 are not supported (with VMM); static IP addresses (Windows and Linux) and several NICs are",
        source: "hyper-v-azure-support-matrix.md (2026)",
    },
    A15: {
        text: "The Hyper-V hosts upload replication data to the storage account's blob endpoint themselves: a storage firewall must admit their egress addresses, or the account needs a blob private endpoint; the trusted-services bypass (A11) covers only Azure's side",
        source: "hyper-v-azure-common-questions.md (2024); hyper-v-azure-architecture.md; asr-phase2.md section 8",
    },
    A16: {
        text: "With Site Recovery private endpoints (created before any server registers), the vault's managed identity needs Contributor and Storage Blob Data Contributor on every standard cache, log and target account, and Storage Blob Data Owner on premium ones, before replication is enabled",
        source: "hybrid-how-to-enable-replication-private-endpoints.md (2023)",
    },
    A17: {
        text: "A CanNotDelete lock is inherited by every child resource: on the vault it blocks changing or removing replication policies, mappings and protected items; deleting a protected item or container mapping through azure-native purges replication",
        source: "azure-resource-manager/management/lock-resources.md; asr-phase2.md section 4 (pulumi-azure-native provider Delete)",
    },
    A14: {
        text: "Hyper-V to Azure can't target South Central India (indiasouthcentral) or North East US 5 (northeastus5)",
        source: "includes/hyper-v-to-azure-region-limitations.md (2026)",
    },
} as const;

export type FactId = keyof typeof FACTS;

export const FACT_IDS = Object.keys(FACTS) as FactId[];

/** "A1: Storage for replicated data is in ..." for messages. */
export function cite(id: FactId): string {
    return `${id}: ${FACTS[id].text}`;
}

/**
 * Where a fact is enforced outside the policy pack (a config check, a component's
 * guarantee), and the test that proves it: `title` names a test in `file` as written there
 * (for `it.each`, with its case filled in), or the `describe` block that holds the tests.
 */
export interface Enforcement {
    facts: readonly FactId[];
    where: string;
    test: { file: string; title: string };
}
