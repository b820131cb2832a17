import { definePolicy } from "./lib/define";
import { peekString } from "./lib/known";
import { siteOf } from "./lib/site";
import { storageInVaultRegion } from "./rules/vault-region";

export const storageInVaultRegionPolicy = definePolicy(["A1"], {
    name: "storage-in-vault-region",
    summary:
        "Storage accounts of a vault (tagged asr-hyperv:role and asr-hyperv:vault, or targeted by its protected items) are in that vault's region.",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps:
        "Create the storage account in the vault's region. An account can't move regions, and Site Recovery can't use one from another region: create a new one there and point replication at it before any VM is protected (A8).",
    validateStack: (args, reportViolation) => {
        const site = siteOf(args.resources);
        for (const vault of site.vaults) {
            // What a replication policy lists is reported on the policy, by replication-policy-storage-in-vault-region.
            for (const { node, via } of site.storageOf(vault).filter((member) => member.by !== "replication policy")) {
                const location = peekString(node.props, "location");
                const problem = location === undefined || vault.location === undefined ? undefined : storageInVaultRegion(location, vault.location);
                if (problem !== undefined) {
                    reportViolation(`storage account ${node.resource.name} (${via}) of vault ${vault.name ?? vault.resource.name}: ${problem}`, node.resource.urn);
                }
            }
        }
    },
});
