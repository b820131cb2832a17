import { definePolicy } from "./lib/define";
import { peek, peekString, UNKNOWN } from "./lib/known";
import { siteOf } from "./lib/site";
import { BLOB_GROUP } from "./rules/private-replication";
import { firewallAdmitsHosts } from "./rules/storage-firewall";

export const replicationStorageAdmitsHosts = definePolicy(["A15"], {
    name: "replication-storage-admits-hosts",
    summary:
        "A storage account of a vault whose firewall denies by default admits the Hyper-V hosts, which upload replication data to its blob endpoint themselves: their egress addresses in ipRules, or a blob private endpoint.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Add the public egress addresses of the Hyper-V hosts (or their proxy) to networkRuleSet.ipRules, or create a private endpoint (group blob) for the account in a network the hosts reach over VPN or ExpressRoute; or set defaultAction: Allow.",
    validateStack: (args, reportViolation) => {
        const site = siteOf(args.resources);
        const judged = new Set<string>();
        for (const vault of site.vaults) {
            for (const { node, via } of site.storageOf(vault)) {
                const rules = peek(node.props, "networkRuleSet");
                const ipRules = peek(rules, "ipRules");
                if (judged.has(node.resource.urn) || rules === undefined || rules === UNKNOWN || ipRules === UNKNOWN) {
                    continue;
                }
                judged.add(node.resource.urn);
                const problem = firewallAdmitsHosts(peekString(rules, "defaultAction"), Array.isArray(ipRules) ? ipRules.length : 0, site.privateEndpointsTo(node, BLOB_GROUP).length > 0);
                if (problem !== undefined) {
                    reportViolation(`storage account ${node.resource.name} (${via}) of vault ${vault.name ?? vault.resource.name}: ${problem}`, node.resource.urn);
                }
            }
        }
    },
});
