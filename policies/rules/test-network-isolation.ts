import { cite } from "./facts";
import { type Ipv4Range, parseCidr, rangesOverlap } from "./cidr";

function ranges(blocks: readonly string[]): Ipv4Range[] {
    return blocks.map((block) => parseCidr(block)).filter((range): range is Ipv4Range => typeof range !== "string");
}

/**
 * A10: the test-failover network stays apart from the failover network. Overlapping
 * address spaces would make the two indistinguishable to anything routed between
 * them later, and a test network that is peered or connected is not isolated.
 */
export function isolatedTestNetwork(
    failoverAddressSpace: readonly string[],
    testAddressSpace: readonly string[],
    connections: readonly string[] = [],
): string[] {
    const problems: string[] = [];
    const failovers = ranges(failoverAddressSpace);
    // One finding per test block, so a thousand alike blocks make a thousand lines, not a million.
    for (const test of ranges(testAddressSpace)) {
        const failover = failovers.find((block) => rangesOverlap(test, block));
        if (failover !== undefined) {
            problems.push(`test network ${test.text} overlaps failover network ${failover.text} (${cite("A10")})`);
        }
    }
    for (const connection of connections) {
        problems.push(`test network is connected through ${connection}; keep it isolated (${cite("A10")})`);
    }
    return problems;
}
