import { formatIpv4, parseCidr, quoted, rangeContains, type Ipv4Range, type SubnetPlan } from "../policies/rules";

/** One subnet named "default": the first /24 of the address space, or all of it when smaller. */
export function defaultSubnets(addressSpace: readonly string[]): SubnetPlan[] {
    const space = parseCidr(addressSpace[0] ?? "");
    if (typeof space === "string") {
        return [];
    }
    return [{ name: "default", addressPrefix: `${formatIpv4(space.first)}/${Math.max(space.prefix, 24)}` }];
}

function parsed(blocks: readonly string[]): Ipv4Range[] | undefined {
    const ranges = blocks.map((block) => parseCidr(block));
    return ranges.every((range): range is Ipv4Range => typeof range !== "string") ? ranges : undefined;
}

/**
 * The failover subnets' names at the same offsets in the test address space, so a
 * replica finds the subnet of its name in both networks (A9): a subnet at offset x of
 * the failover space's n-th block lands at offset x of the test space's n-th block, which
 * may be as large or larger (a smaller one holds the subnets that fit). Returns why it
 * can't, naming the subnet that doesn't fit.
 */
export function mirrorSubnets(
    failoverSpace: readonly string[],
    failoverSubnets: readonly SubnetPlan[],
    testSpace: readonly string[],
): SubnetPlan[] | string {
    const from = parsed(failoverSpace);
    const to = parsed(testSpace);
    if (from === undefined || to === undefined) {
        return "the address spaces are not all CIDR blocks, so the failover subnets can't be mirrored";
    }
    const mirrored: SubnetPlan[] = [];
    for (const subnet of failoverSubnets) {
        const block = parseCidr(subnet.addressPrefix);
        const index = typeof block === "string" ? -1 : from.findIndex((space) => rangeContains(space, block));
        if (typeof block === "string" || index < 0) {
            return `subnet ${quoted(subnet.name)} is not in the failover address space, so it can't be mirrored; list the test subnets`;
        }
        const source = from[index]!;
        const target = to[index];
        const offset = block.first - source.first;
        if (target === undefined || offset + (block.last - block.first) > target.last - target.first) {
            const why = target === undefined ? `the test address space has no block ${index + 1}` : `it would not fit in ${target.text}`;
            return (
                `subnet ${quoted(subnet.name)} (${block.text}, in ${source.text}) can't be mirrored at the same offset: ${why}; ` +
                `give a test block as large as ${source.text}, or list the test subnets`
            );
        }
        mirrored.push({ name: subnet.name, addressPrefix: `${formatIpv4(target.first + offset)}/${block.prefix}` });
    }
    return mirrored;
}
