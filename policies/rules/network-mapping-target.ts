import { quoted } from "./display";

const VIRTUAL_NETWORK_ID = /^\/subscriptions\/[0-9a-fA-F-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+$/i;

/**
 * A network mapping targets a virtual network by its ARM id (asr-phase2 section 3.3): not
 * a subnet's id, since the replica's subnet is chosen by name (A9), nor a network's name.
 */
export function mappingTargetNetwork(recoveryNetworkId: string): string | undefined {
    return VIRTUAL_NETWORK_ID.test(recoveryNetworkId)
        ? undefined
        : `${quoted(recoveryNetworkId)} is not a virtual network's id, /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<network>; a replica's subnet follows from its source subnet's name (A9)`;
}
