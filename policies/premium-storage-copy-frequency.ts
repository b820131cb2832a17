import { definePolicy } from "./lib/define";
import { knownNumber } from "./lib/known";
import { skuName } from "./lib/readers";
import { siteOf } from "./lib/site";
import { copyFrequencyFitsStorage } from "./rules/premium-copy-frequency";
import { isPremiumSku } from "./rules/storage-sku";

export const premiumStorageCopyFrequency = definePolicy(["R2"], {
    name: "premium-storage-copy-frequency",
    summary:
        "A Hyper-V replication policy copying every 30 seconds is not used with premium storage: no account it lists is premium, or, when it lists none, no account of its vault.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "Set replicationInterval to 300 or 900 seconds, or replicate to standard storage.",
    validateStack: (args, reportViolation) => {
        const site = siteOf(args.resources);
        for (const policy of site.policies) {
            const interval = knownNumber(() => policy.settings.replicationInterval);
            if (interval === undefined) {
                continue;
            }
            // Only a policy that surely lists no account replicates to its vault's storage.
            const accounts =
                policy.listsNone && policy.vault !== undefined ? site.storageOf(policy.vault).map((member) => member.node) : policy.accounts;
            const problem = copyFrequencyFitsStorage(interval, accounts.map((account) => skuName(account.props) ?? ""));
            if (problem !== undefined) {
                const premium = accounts.filter((account) => isPremiumSku(skuName(account.props) ?? "")).map((account) => account.resource.name);
                reportViolation(`replication policy ${policy.resource.name} with premium account(s) ${premium.join(", ")}: ${problem}`, policy.resource.urn);
            }
        }
    },
});
