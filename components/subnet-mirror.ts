import { formatIpv4, parseCidr, type SubnetPlan } from "../policies/rules";

/** One subnet named "default": the first /24 of the address space, or all of it when smaller. */
export function defaultSubnets(addressSpace: readonly string[]): SubnetPlan[] {
    const space = parseCidr(addressSpace[0] ?? "");
    if (typeof space === "string") {
        return [];
    }
    return [{ name: "default", addressPrefix: `${formatIpv4(space.first)}/${Math.max(space.prefix, 24)}` }];
}

/**
 * The failover subnets' names at the same offsets in the test address space, so a
 * replica finds the subnet of its name in both networks (A9). Returns why it can't
 * when the two spaces differ in size or a subnet lies outside the first block.
 */
export function mirrorSubnets(
    failoverSpace: readonly string[],
    failoverSubnets: readonly SubnetPlan[],
    testSpace: readonly string[],
): SubnetPlan[] | string {
    const from = parseCidr(failoverSpace[0] ?? "");
    const to = parseCidr(testSpace[0] ?? "");
    if (typeof from === "string" || typeof to === "string" || from.prefix !== to.prefix) {
        return `${testSpace[0]} is not the size of ${failoverSpace[0]}, so the failover subnets can't be mirrored; list the test subnets`;
    }
    const mirrored: SubnetPlan[] = [];
    for (const subnet of failoverSubnets) {
        const block = parseCidr(subnet.addressPrefix);
        if (typeof block === "string" || block.first < from.first || block.last > from.last) {
            return `subnet "${subnet.name}" is not in ${failoverSpace[0]}, so it can't be mirrored; list the test subnets`;
        }
        mirrored.push({ name: subnet.name, addressPrefix: `${formatIpv4(to.first + (block.first - from.first))}/${block.prefix}` });
    }
    return mirrored;
}
