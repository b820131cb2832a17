import { cite } from "./facts";
import { type Ipv4Range, overlapsWithin, parseCidr, rangeContains } from "./cidr";

export interface SubnetPlan {
    name: string;
    addressPrefix: string;
}

/**
 * Subnets Azure keeps for its own services (gateways, firewall, Bastion, Route Server):
 * VMs can't be placed in them and a network security group breaks several, so a
 * failover network doesn't declare them.
 */
export const RESERVED_SUBNET_NAMES = [
    "GatewaySubnet",
    "AzureFirewallSubnet",
    "AzureFirewallManagementSubnet",
    "AzureBastionSubnet",
    "RouteServerSubnet",
] as const;

/** Azure's smallest subnet (it keeps five addresses of each). */
export const SMALLEST_SUBNET_PREFIX = 29;

function parseAll(blocks: readonly string[], what: string, problems: string[]): Ipv4Range[] {
    return blocks.flatMap((block) => {
        const parsed = parseCidr(block);
        if (typeof parsed === "string") {
            problems.push(`${what}: ${parsed}`);
            return [];
        }
        return [parsed];
    });
}

/**
 * The failover network's layout: valid blocks, subnets inside the address space and
 * apart from each other, subnet names unique. Names matter because a replica joins the
 * subnet whose name matches its source subnet (A9).
 */
export function subnetLayout(addressSpace: readonly string[], subnets: readonly SubnetPlan[]): string[] {
    const problems: string[] = [];
    if (addressSpace.length === 0) {
        problems.push("address space is empty; give at least one CIDR block");
    }
    const spaces = parseAll(addressSpace, "address space", problems);
    problems.push(...overlapsWithin(spaces).map((overlap) => `address space: ${overlap}`));

    const seen = new Set<string>();
    const ranges: Ipv4Range[] = [];
    for (const subnet of subnets) {
        const key = subnet.name.toLowerCase();
        if (RESERVED_SUBNET_NAMES.some((reserved) => reserved.toLowerCase() === key)) {
            problems.push(`subnet name "${subnet.name}" is reserved for Azure services; failed-over VMs can't join it`);
        }
        if (seen.has(key)) {
            problems.push(`subnet name "${subnet.name}" is used twice; replicas pick their subnet by name (${cite("A9")})`);
        }
        seen.add(key);
        const parsed = parseCidr(subnet.addressPrefix);
        if (typeof parsed === "string") {
            problems.push(`subnet "${subnet.name}": ${parsed}`);
            continue;
        }
        if (parsed.prefix > SMALLEST_SUBNET_PREFIX) {
            problems.push(`subnet "${subnet.name}": ${parsed.text} is smaller than Azure's smallest subnet, /${SMALLEST_SUBNET_PREFIX}`);
        }
        if (spaces.length > 0 && !spaces.some((space) => rangeContains(space, parsed))) {
            problems.push(`subnet "${subnet.name}": ${parsed.text} is outside the address space ${addressSpace.join(", ")}`);
        }
        ranges.push(parsed);
    }
    problems.push(...overlapsWithin(ranges).map((overlap) => `subnets: ${overlap}`));
    return problems;
}
