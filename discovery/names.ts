/** The vault whose Site Recovery objects are looked up. */
export interface VaultLocation {
    subscriptionId: string;
    resourceGroupName: string;
    vaultName: string;
}

/** ARM path of the vault, the prefix of every Site Recovery object's id. */
export function vaultPath(vault: VaultLocation): string {
    const segment = encodeURIComponent;
    return `/subscriptions/${segment(vault.subscriptionId)}/resourceGroups/${segment(vault.resourceGroupName)}/providers/Microsoft.RecoveryServices/vaults/${segment(vault.vaultName)}`;
}

/** A VM to protect, by the names VMM shows. */
export interface VmRequest {
    /** The VM's name in VMM. */
    name: string;
    /** VHD names (`web01-data.vhdx`) of the disks to replicate; each must be one of the VM's. Default: none asked for. */
    disks?: string[];
    /** VHD name of the OS disk, where known before asking: an offline plan's placeholder disks follow it. Default: not known. */
    osDisk?: string;
}

/** A VMM cloud and the VMs of it to protect. */
export interface CloudRequest {
    /** The cloud's name in VMM. */
    name: string;
    /** The VMs to protect. Default: none. */
    vms?: VmRequest[];
}

/** What to find, by the names a DR engineer sees in VMM. */
export interface SiteRequest {
    /** The VMM server's FQDN, the name it registered with. */
    vmmServer: string;
    /** The clouds whose protection containers, and VMs whose protectable items, are wanted. */
    clouds: CloudRequest[];
    /** The VMM VM networks whose replication networks are wanted. Default: none. */
    vmNetworks?: string[];
}

/** One disk of a protectable VM. */
export interface DiscoveredDisk {
    /** The VHD's name, as VMM shows it. */
    vhdName: string;
    /** The VHD id ProtectedVm takes (`vhdId`, `diskId`). */
    vhdId: string;
    /** Whether Site Recovery reports it as the OS disk (`vhdType` "OperatingSystem"). */
    operatingSystem: boolean;
    /** Size in MB, where reported. */
    maxSizeMB?: number;
}

/** A VM's protectable item: what ProtectedVm needs. */
export interface DiscoveredVm {
    vmName: string;
    protectableItemName: string;
    protectableItemId: string;
    /** The Hyper-V VM id (`customDetails.sourceItemId`), where reported. */
    hyperVVmId?: string;
    /** The guest OS type Site Recovery detected (`customDetails.osDetails.osType`), where reported. */
    osType?: string;
    /** Every disk of the VM, by VHD name. */
    disks: Record<string, DiscoveredDisk>;
}

/** A cloud's protection container and the requested VMs of it. */
export interface DiscoveredCloud {
    cloudName: string;
    /** `cloud_<guid>`: CloudProtection's and ProtectedVm's `protectionContainerName`. */
    containerName: string;
    containerId: string;
    /** The requested VMs, by the names they were asked for. */
    vms: Record<string, DiscoveredVm>;
}

/** A VM network's replication network: what VmmNetworkMapping needs. */
export interface DiscoveredNetwork {
    vmNetworkName: string;
    /** A GUID: VmmNetworkMapping's `networkName`. */
    networkName: string;
    networkId: string;
}

/** The ARM names registration created for the requested server, clouds, networks and VMs. */
export interface SiteRecoveryNames {
    vmmServer: string;
    /** 64 hex characters: the `fabricName` of every phase-2 component. */
    fabricName: string;
    /** RecoveryPlan's `primaryFabricId`. */
    fabricId: string;
    /** The requested clouds, by the names they were asked for. */
    clouds: Record<string, DiscoveredCloud>;
    /** The requested VM networks, by the names they were asked for. */
    vmNetworks: Record<string, DiscoveredNetwork>;
}
