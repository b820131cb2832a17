import { sameAzureName } from "./azure-names";
import { cite } from "./facts";
import { listed, quoted } from "./display";

/**
 * A9: the subnet of the target network a replica joins: the one named like its source
 * subnet (Azure names ignore case), else the first. Undefined when the network has no
 * subnets to choose from.
 */
export function replicaSubnet(targetSubnets: readonly string[], sourceSubnet?: string): string | undefined {
    return targetSubnets.find((subnet) => sameAzureName(subnet, sourceSubnet)) ?? targetSubnets[0];
}

/** A9: why `subnet` can't be the one a replica joins in a network of `targetSubnets`, or undefined. */
export function replicaSubnetInNetwork(subnet: string, targetSubnets: readonly string[]): string | undefined {
    return targetSubnets.length === 0 || targetSubnets.some((name) => sameAzureName(name, subnet))
        ? undefined
        : `${quoted(subnet)} is not a subnet of the target network (subnets: ${listed(targetSubnets)}) (${cite("A9")})`;
}
