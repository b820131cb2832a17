import type { ArmObject } from "./arm-client";
import type { SiteCatalog } from "./catalog";
import { vaultPath, type SiteRequest, type VaultLocation, type VmRequest } from "./names";

/** What an offline plan shows where Azure would answer with a name registration created. */
export function placeholder(kind: string, friendlyName: string): string {
    return `<${kind} of ${friendlyName}>`;
}

function object(id: string, name: string, friendlyName: string, properties: Record<string, unknown> = {}): ArmObject {
    return { id, name, properties: { friendlyName, ...properties } };
}

/** The OS disk, by the name asked for or a placeholder, then the other disks asked for. */
function disksOf(vm: VmRequest): [string, string][] {
    const osDisk = vm.osDisk ?? placeholder("OS disk", vm.name);
    return [[osDisk, "OperatingSystem"], ...(vm.disks ?? []).filter((disk) => disk !== osDisk).map((disk): [string, string] => [disk, "DataDisk"])];
}

/**
 * Every object `request` names, with placeholder ARM names and the disks asked for (and an OS disk
 * placeholder where none is named): what an offline plan resolves against, where there is no vault to ask.
 * Nothing is checked, so it never stands in for discovery in a deployment.
 */
export function placeholderCatalog(vault: VaultLocation, request: SiteRequest): SiteCatalog {
    const fabricName = placeholder("fabric", request.vmmServer);
    const fabricId = `${vaultPath(vault)}/replicationFabrics/${fabricName}`;
    const vmsByContainer = new Map(request.clouds.map((cloud) => [placeholder("container", cloud.name), cloud.vms ?? []]));
    return {
        source: "the offline plan's placeholders",
        fabrics: async () => [object(fabricId, fabricName, request.vmmServer)],
        protectionContainers: async () =>
            request.clouds.map((cloud) => {
                const name = placeholder("container", cloud.name);
                return object(`${fabricId}/replicationProtectionContainers/${name}`, name, cloud.name);
            }),
        replicationNetworks: async () =>
            (request.vmNetworks ?? []).map((network) => {
                const name = placeholder("network", network);
                return object(`${fabricId}/replicationNetworks/${name}`, name, network);
            }),
        protectableItems: async (container) =>
            (vmsByContainer.get(container.name) ?? []).map((vm) => {
                const name = placeholder("protectable item", vm.name);
                return object(`${container.id}/replicationProtectableItems/${name}`, name, vm.name, {
                    customDetails: {
                        diskDetails: disksOf(vm).map(([vhdName, vhdType]) => ({ vhdName, vhdId: placeholder("disk", vhdName), vhdType })),
                    },
                });
            }),
    };
}
