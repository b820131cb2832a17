import type { ArmObject } from "./arm-client";
import type { SiteCatalog } from "./catalog";
import { vaultPath, type SiteRecoveryNames, type SiteRequest, type VaultLocation } from "./names";
import { resolveSite } from "./site-recovery";

/** A VM's protectable item, as Get-AzRecoveryServicesAsrProtectableItem shows it. */
export interface ConfiguredVm {
    /** The protectable item's `Name` (a GUID). */
    protectableItemName: string;
    /** The Hyper-V VM id (`FabricObjectId`). Default: none. */
    hyperVVmId?: string;
    /** The detected guest OS type. Default: none. */
    osType?: string;
    /** VHD id by VHD name (`Disks`). Default: none. */
    disks?: Record<string, string>;
    /** VHD name of the OS disk, one of `disks`. Default: none. */
    osDisk?: string;
}

/** A cloud's protection container, as Get-AzRecoveryServicesAsrProtectionContainer shows it. */
export interface ConfiguredCloud {
    /** The container's `Name` (`cloud_<guid>`). */
    containerName: string;
    /** Protectable items by VM name. Default: none. */
    vms?: Record<string, ConfiguredVm>;
}

/** The ARM names of a registered VMM server, written down after looking them up once (PowerShell, or discovery's output). */
export interface ConfiguredSiteNames {
    /** The fabric's `Name` (64 hex characters), from Get-AzRecoveryServicesAsrFabric -FriendlyName <VMM server FQDN>. */
    fabricName: string;
    /** Containers by cloud name. */
    clouds: Record<string, ConfiguredCloud>;
    /** Replication network `Name` (a GUID) by VM network name, from Get-AzRecoveryServicesAsrNetwork. Default: none. */
    vmNetworks?: Record<string, string>;
}

function object(id: string, name: string, properties: Record<string, unknown>): ArmObject {
    return { id, name, properties };
}

/** The objects `names` describe, shaped as the list operations return them, for resolveSite. */
export function configuredCatalog(vault: VaultLocation, vmmServer: string, names: ConfiguredSiteNames): SiteCatalog {
    const fabricId = `${vaultPath(vault)}/replicationFabrics/${names.fabricName}`;
    const cloudsByContainer = new Map(Object.values(names.clouds).map((cloud) => [cloud.containerName, cloud]));
    return {
        source: "the configured Site Recovery names",
        missingAdvice: "add it, as Get-AzRecoveryServicesAsrProtectionContainer, -Network and -ProtectableItem show it, or let discovery find it",
        fabrics: async () => [object(fabricId, names.fabricName, { friendlyName: vmmServer })],
        protectionContainers: async () =>
            Object.entries(names.clouds).map(([cloud, { containerName }]) =>
                object(`${fabricId}/replicationProtectionContainers/${containerName}`, containerName, { friendlyName: cloud }),
            ),
        replicationNetworks: async () =>
            Object.entries(names.vmNetworks ?? {}).map(([network, networkName]) =>
                object(`${fabricId}/replicationNetworks/${networkName}`, networkName, { friendlyName: network }),
            ),
        protectableItems: async (container) =>
            Object.entries(cloudsByContainer.get(container.name)?.vms ?? {}).map(([vm, item]) =>
                object(`${container.id}/replicationProtectableItems/${item.protectableItemName}`, item.protectableItemName, {
                    friendlyName: vm,
                    customDetails: {
                        sourceItemId: item.hyperVVmId,
                        osDetails: { osType: item.osType },
                        diskDetails: Object.entries(item.disks ?? {}).map(([vhdName, vhdId]) => ({
                            vhdName,
                            vhdId,
                            vhdType: vhdName === item.osDisk ? "OperatingSystem" : "DataDisk",
                        })),
                    },
                }),
            ),
    };
}

/**
 * The ARM names for `request` from names written in config: no network at all, and the
 * same checks and messages as discovery through Azure (a cloud, VM, disk or VM network the
 * request names but the config doesn't is reported with a did-you-mean).
 */
export function configuredSite(vault: VaultLocation, request: SiteRequest, names: ConfiguredSiteNames): Promise<SiteRecoveryNames> {
    return resolveSite(request, configuredCatalog(vault, request.vmmServer, names));
}
