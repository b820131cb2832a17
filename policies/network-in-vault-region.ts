import { definePolicy } from "./lib/define";
import { knownString } from "./lib/known";
import { networksOf, vaults } from "./lib/membership";
import { networkInVaultRegion } from "./rules/vault-region";

export const networkInVaultRegionPolicy = definePolicy(["A2"], {
    name: "network-in-vault-region",
    summary:
        "Virtual networks that failed-over VMs join (tagged for a vault, or the target of its network mapping) are in the vault's region.",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps: "Create the failover (and test failover) virtual network in the vault's region, and map VMM networks to it.",
    validateStack: (args, reportViolation) => {
        const all = vaults(args.resources);
        for (const vault of all) {
            for (const { resource, via } of networksOf(vault, args.resources, all)) {
                const location = knownString(() => resource.props.location);
                const problem = location === undefined || vault.location === undefined ? undefined : networkInVaultRegion(location, vault.location);
                if (problem !== undefined) {
                    reportViolation(`virtual network ${resource.name} (${via}) of vault ${vault.name ?? vault.resource.name}: ${problem}`, resource.urn);
                }
            }
        }
    },
});
