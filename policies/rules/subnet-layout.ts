import { cite } from "./facts";
import { type Ipv4Range, overlapsWithin, parseCidr, rangeContains } from "./cidr";
import { listed, quoted } from "./display";
import type { Problem } from "./problem";

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

const RESERVED = new Set<string>(RESERVED_SUBNET_NAMES.map((name) => name.toLowerCase()));

/** Azure's smallest subnet (it keeps five addresses of each). */
export const SMALLEST_SUBNET_PREFIX = 29;

function parseAll(blocks: readonly string[], at: (index: number) => Problem["at"], problems: Problem[]): (Ipv4Range | undefined)[] {
    return blocks.map((block, index) => {
        const parsed = parseCidr(block);
        if (typeof parsed === "string") {
            problems.push({ at: at(index), message: parsed });
            return undefined;
        }
        return parsed;
    });
}

/**
 * The failover network's layout: valid blocks, subnets inside the address space and
 * apart from each other, subnet names unique. Names matter because a replica joins the
 * subnet whose name matches its source subnet (A9). Each problem is placed in the
 * network's arguments (`subnets[3].addressPrefix`); linear in the number of subnets but
 * for sorting, so a thousand alike subnets cost no more than a thousand different ones.
 */
export function subnetLayoutProblems(addressSpace: readonly string[], subnets: readonly SubnetPlan[]): Problem[] {
    const problems: Problem[] = [];
    if (addressSpace.length === 0) {
        problems.push({ at: ["addressSpace"], message: "is empty; give at least one CIDR block, e.g. 10.50.0.0/16" });
    }
    const spaces = parseAll(addressSpace, (index) => ["addressSpace", index], problems);
    for (const { index, overlaps } of overlapsWithin(spaces)) {
        problems.push({ at: ["addressSpace", index], message: `${spaces[index]!.text} overlaps addressSpace[${overlaps}], ${spaces[overlaps]!.text}` });
    }
    const parsedSpaces = spaces.filter((space): space is Ipv4Range => space !== undefined);

    const firstOfName = new Map<string, number>();
    const ranges = parseAll(
        subnets.map((subnet) => subnet.addressPrefix),
        (index) => ["subnets", index, "addressPrefix"],
        problems,
    );
    subnets.forEach((subnet, index) => {
        const key = subnet.name.toLowerCase();
        const at = ["subnets", index, "name"];
        if (RESERVED.has(key)) {
            problems.push({ at, message: `${quoted(subnet.name)} is reserved for Azure services; failed-over VMs can't join it` });
        }
        const first = firstOfName.get(key);
        if (first !== undefined) {
            problems.push({ at, message: `${quoted(subnet.name)} is the name of subnets[${first}] too (names ignore case); replicas pick their subnet by name (${cite("A9")})` });
        } else {
            firstOfName.set(key, index);
        }
        const range = ranges[index];
        if (range === undefined) {
            return;
        }
        if (range.prefix > SMALLEST_SUBNET_PREFIX) {
            problems.push({ at: ["subnets", index, "addressPrefix"], message: `${range.text} is smaller than Azure's smallest subnet, /${SMALLEST_SUBNET_PREFIX}` });
        }
        if (parsedSpaces.length > 0 && !parsedSpaces.some((space) => rangeContains(space, range))) {
            problems.push({
                at: ["subnets", index, "addressPrefix"],
                message: `${range.text} is outside the address space ${listed(parsedSpaces.map((space) => space.text))}`,
            });
        }
    });
    for (const { index, overlaps } of overlapsWithin(ranges)) {
        problems.push({ at: ["subnets", index, "addressPrefix"], message: `${ranges[index]!.text} overlaps subnets[${overlaps}], ${ranges[overlaps]!.text}` });
    }
    return problems;
}

/** The same problems as text, as a component reports them: `subnet "web": 10.60.1.0/24 is outside ...`. */
export function subnetLayout(addressSpace: readonly string[], subnets: readonly SubnetPlan[]): string[] {
    return subnetLayoutProblems(addressSpace, subnets).map(({ at, message }) => {
        const [list, index, field] = at;
        if (list === "subnets" && typeof index === "number") {
            const name = quoted(subnets[index]!.name);
            return field === "name" ? `subnet name ${message}` : `subnet ${name}: ${message}`;
        }
        return at.length === 1 ? `address space ${message}` : `address space: ${message}`;
    });
}
