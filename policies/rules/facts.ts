/**
 * The documented facts this project enforces, with their sources (articles of
 * MicrosoftDocs/azure-docs under articles/site-recovery unless named). Messages and
 * policy descriptions cite them by id, so a reader can go from a violation to the
 * documentation that requires it.
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
        source: "vmm-to-azure-walkthrough-prerequisites.md; hyper-v-azure-support-matrix.md (2018, 2020)",
    },
    A4: {
        text: "Geo-redundant storage is recommended: replicated data survives a regional outage",
        source: "vmm-to-azure-walkthrough-prerequisites.md",
    },
    A5: {
        text: "Standard or premium storage may hold replicated data",
        source: "vmm-to-azure-walkthrough-prerequisites.md",
    },
    A6: {
        text: "Premium replicated data needs a standard storage account for the replication logs",
        source: "vmm-to-azure-walkthrough-prerequisites.md; vmm-to-azure-walkthrough-source-target.md",
    },
    A7: {
        text: "Replicated disks are page blobs: general-purpose storage kinds only, no BlobStorage, BlockBlobStorage or FileStorage, no hierarchical namespace",
        source: "hyper-v-azure-support-matrix.md (2018, 2020)",
    },
    A8: {
        text: "Storage accounts used by Site Recovery can't move across resource groups or subscriptions, and the target account can't change once replication is enabled",
        source: "vmm-to-azure-walkthrough-prepare-azure.md; hyper-v-azure-support-matrix.md (2020)",
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
        source: "hyper-v-azure-support-matrix.md (2020); hybrid-how-to-enable-replication-private-endpoints.md",
    },
    A12: {
        text: "Vault storage redundancy is locked once anything is protected: set it when the vault is created",
        source: "reliability/migrate-recovery-services-vault.md; terraform-provider-azurerm #8709, #25228",
    },
    A13: {
        text: "Without private endpoints (group AzureSiteRecovery, which need a vault managed identity) the VMM provider reaches the vault over the internet",
        source: "hybrid-how-to-enable-replication-private-endpoints.md",
    },
    R1: {
        text: "Copy frequency is 30 seconds, 5 minutes or 15 minutes (replicationInterval 30, 300, 900)",
        source: "vmm-to-azure-walkthrough-replication.md; azurerm; Az.RecoveryServices help",
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
        text: "App-consistent snapshot frequency is 0 to 12 hours and not above the retention (service error 150261)",
        source: "vmm-to-azure-walkthrough-replication.md; azurerm #19505",
    },
} as const;

export type FactId = keyof typeof FACTS;

/** "A1: Storage for replicated data is in ..." for messages. */
export function cite(id: FactId): string {
    return `${id}: ${FACTS[id].text}`;
}
