import { cite } from "./facts";

import { parseCidr } from "./cidr";
import { quoted } from "./display";
import type { Problem } from "./problem";

/** The bypass that lets trusted Microsoft services, Site Recovery among them, through a storage firewall (A11). */
export const TRUSTED_SERVICES_BYPASS = "AzureServices";

export interface StorageNetworkRules {
    defaultAction?: string | undefined;
    bypass?: string | undefined;
}

/**
 * A11: a storage firewall that denies by default must still let trusted Microsoft
 * services (Site Recovery among them) through. `bypass` is Azure's comma-separated list.
 */
export function firewallAllowsTrustedServices(rules: StorageNetworkRules | undefined): string | undefined {
    if (rules?.defaultAction !== "Deny") {
        return undefined;
    }
    const bypass = (rules.bypass ?? TRUSTED_SERVICES_BYPASS).split(",").map((entry) => entry.trim());
    return bypass.includes(TRUSTED_SERVICES_BYPASS)
        ? undefined
        : `network rules deny by default and bypass "${rules.bypass}" leaves out AzureServices (${cite("A11")})`;
}

const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"].map((block) => parseCidr(block));
const SUBNET_ID = /^\/subscriptions\/[0-9a-fA-F-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/;

/**
 * What Azure's storage firewall accepts: public IPv4 addresses or ranges of /30 or wider
 * (private ranges and /31, /32 ranges are refused), and subnet resource ids. Each problem
 * is placed in the firewall's arguments (`ipRules[3]`).
 */
export function firewallEntryProblems(ipRules: readonly string[], subnetIds: readonly string[]): Problem[] {
    const problems: Problem[] = [];
    ipRules.forEach((rule, index) => {
        const at = ["ipRules", index];
        const range = parseCidr(rule, "optional");
        if (typeof range === "string") {
            problems.push({ at, message: `IP rule ${range}` });
        } else if (rule.includes("/") && range.prefix > 30) {
            problems.push({ at, message: `IP rule ${quoted(rule)}: storage firewalls take ranges of /30 or wider, or a single address without a prefix` });
        } else if (PRIVATE_RANGES.some((block) => typeof block !== "string" && block.first <= range.first && range.last <= block.last)) {
            problems.push({ at, message: `IP rule ${quoted(rule)} is a private address; storage firewalls take public addresses (use subnetIds for virtual networks)` });
        }
    });
    subnetIds.forEach((id, index) => {
        if (!SUBNET_ID.test(id)) {
            problems.push({
                at: ["subnetIds", index],
                message: `subnet id ${quoted(id)} is not /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<network>/subnets/<subnet>`,
            });
        }
    });
    return problems;
}

/** The same problems as text, as a component reports them. */
export function firewallEntries(ipRules: readonly string[], subnetIds: readonly string[]): string[] {
    return firewallEntryProblems(ipRules, subnetIds).map((problem) => problem.message);
}

/**
 * A15: a firewall that denies by default must admit the Hyper-V hosts, which upload to the
 * blob endpoint themselves: through their egress addresses in `ipRules`, or a blob private
 * endpoint on the account.
 */
export function firewallAdmitsHosts(defaultAction: string | undefined, ipRuleCount: number, blobPrivateEndpoint: boolean): string | undefined {
    if (defaultAction !== "Deny" || ipRuleCount > 0 || blobPrivateEndpoint) {
        return undefined;
    }
    return `network rules deny by default and admit no address of the Hyper-V hosts (ipRules is empty) and the account has no blob private endpoint: the hosts can't upload replication data (${cite("A15")})`;
}
