import { definePolicy } from "./lib/define";
import { peekString } from "./lib/known";
import { siteOf } from "./lib/site";
import { networkInVaultRegion } from "./rules/vault-region";

export const networkInVaultRegionPolicy = definePolicy(["A2"], {
    name: "network-in-vault-region",
    summary:
        "Virtual networks that failed-over VMs join (tagged for a vault, the target of its VMM-to-Azure network mapping or of its protected items) are in the vault's region.",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps: "Create the failover (and test failover) virtual network in the vault's region, and map VMM networks to it.",
    validateStack: (args, reportViolation) => {
        const site = siteOf(args.resources);
        for (const vault of site.vaults) {
            for (const { node, via } of site.networksOf(vault)) {
                const location = peekString(node.props, "location");
                const problem = location === undefined || vault.location === undefined ? undefined : networkInVaultRegion(location, vault.location);
                if (problem !== undefined) {
                    reportViolation(`virtual network ${node.resource.name} (${via}) of vault ${vault.name ?? vault.resource.name}: ${problem}`, node.resource.urn);
                }
            }
        }
    },
});
