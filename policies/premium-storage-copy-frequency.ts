import { definePolicy } from "./lib/define";
import { knownNumber } from "./lib/known";
import { isHyperVPolicy, listedAccounts, listsNoAccounts, ownerVault, storageOf, vaults } from "./lib/membership";
import { providerSpecific, skuName } from "./lib/readers";
import { copyFrequencyFitsStorage } from "./rules/premium-copy-frequency";
import { isPremiumSku } from "./rules/storage-sku";

export const premiumStorageCopyFrequency = definePolicy(["R2"], {
    name: "premium-storage-copy-frequency",
    summary:
        "A replication policy copying every 30 seconds is not used with premium storage: no account it lists is premium, or, when it lists none, no account tagged for its vault.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "Set replicationInterval to 300 or 900 seconds, or replicate to standard storage.",
    validateStack: (args, reportViolation) => {
        const all = vaults(args.resources);
        for (const policy of args.resources.filter(isHyperVPolicy)) {
            const interval = knownNumber(() => providerSpecific(policy.props)?.replicationInterval);
            if (interval === undefined) {
                continue;
            }
            // The accounts it lists; only a policy that surely lists none replicates to its vault's storage.
            const listed = listedAccounts(policy, args.resources);
            const vault = ownerVault(policy, all);
            const listsNone = listsNoAccounts(policy);
            const accounts = listed.length > 0 || !listsNone || vault === undefined ? listed : storageOf(vault, args.resources, all).map((member) => member.resource);
            const skus = accounts.map((account) => skuName(account.props) ?? "");
            const problem = copyFrequencyFitsStorage(interval, skus);
            const premium = accounts.filter((account) => isPremiumSku(skuName(account.props) ?? ""));
            if (problem !== undefined) {
                reportViolation(`replication policy ${policy.name} with premium account(s) ${premium.map((a) => a.name).join(", ")}: ${problem}`, policy.urn);
            }
        }
    },
});
