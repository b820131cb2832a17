import { definePolicy } from "./lib/define";
import { knownString } from "./lib/known";
import { storageOf, vaults } from "./lib/membership";
import { storageInVaultRegion } from "./rules/vault-region";

export const storageInVaultRegionPolicy = definePolicy(["A1"], {
    name: "storage-in-vault-region",
    summary: "Storage accounts tagged for a vault (asr-hyperv:role and asr-hyperv:vault) are in that vault's region.",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps:
        "Create the storage account in the vault's region. An account can't move regions, and Site Recovery can't use one from another region: create a new one there and point replication at it before any VM is protected (A8).",
    validateStack: (args, reportViolation) => {
        const all = vaults(args.resources);
        for (const vault of all) {
            for (const { resource, via } of storageOf(vault, args.resources, all).filter((member) => member.kind === "tag")) {
                const location = knownString(() => resource.props.location);
                const problem = location === undefined || vault.location === undefined ? undefined : storageInVaultRegion(location, vault.location);
                if (problem !== undefined) {
                    reportViolation(`storage account ${resource.name} (${via}) of vault ${vault.name ?? vault.resource.name}: ${problem}`, resource.urn);
                }
            }
        }
    },
});
