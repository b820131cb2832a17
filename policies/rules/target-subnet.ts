import { sameAzureName } from "./azure-names";
import { cite } from "./facts";
import { quoted } from "./display";
import { replicaSubnetInNetwork } from "./replica-subnet";

const SUBNET_ID = /\/virtualNetworks\/([^/]+)\/subnets\/([^/]+)$/i;

/**
 * A9: why the target subnet a protected item names is not one of its target network's, or
 * undefined. `subnet` is `targetAzureSubnetId` as sent: a subnet's name, as PowerShell sends
 * it, or a subnet's id; `network` the target network's name, when known; `subnets` its
 * subnets' names.
 */
export function targetSubnetInNetwork(subnet: string, network: string | undefined, subnets: readonly string[]): string | undefined {
    const id = SUBNET_ID.exec(subnet);
    if (id === null) {
        return replicaSubnetInNetwork(subnet, subnets);
    }
    return network !== undefined && !sameAzureName(id[1], network)
        ? `${quoted(subnet)} is a subnet of virtual network ${quoted(id[1]!)}, not of the target network ${quoted(network)} (${cite("A9")})`
        : replicaSubnetInNetwork(id[2]!, subnets);
}
