import type { ArmLister, ArmObject } from "./arm-client";
import { vaultPath, type VaultLocation } from "./names";

/**
 * The Site Recovery objects of a vault, as the four list operations give them
 * (ReplicationFabrics_List, ReplicationProtectionContainers_ListByReplicationFabrics,
 * ReplicationNetworks_ListByReplicationFabrics,
 * ReplicationProtectableItems_ListByReplicationProtectionContainers): from Azure, or
 * made up from names written in config.
 */
export interface SiteCatalog {
    /** Where the objects are, for messages. */
    readonly source: string;
    /** What to do about a name not found, where the catalog knows better than Azure's own advice. */
    readonly missingAdvice?: string;
    fabrics(): Promise<ArmObject[]>;
    protectionContainers(fabric: ArmObject): Promise<ArmObject[]>;
    replicationNetworks(fabric: ArmObject): Promise<ArmObject[]>;
    protectableItems(container: ArmObject): Promise<ArmObject[]>;
}

/** The vault's objects read from Azure through `list`. */
export function armCatalog(vault: VaultLocation, list: ArmLister): SiteCatalog {
    return {
        source: `vault ${vault.vaultName}`,
        fabrics: () => list(`${vaultPath(vault)}/replicationFabrics`),
        protectionContainers: (fabric) => list(`${fabric.id}/replicationProtectionContainers`),
        replicationNetworks: (fabric) => list(`${fabric.id}/replicationNetworks`),
        protectableItems: (container) => list(`${container.id}/replicationProtectableItems`),
    };
}
