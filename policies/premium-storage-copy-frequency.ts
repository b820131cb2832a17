import type { StackValidationPolicy } from "@pulumi/policy";
import { isReplicationPolicy } from "./lib/azure-types";
import { describePolicy } from "./lib/describe";
import { knownNumber } from "./lib/known";
import { listedAccounts, ownerVault, providerSpecific, skuName, storageOf, vaults } from "./lib/membership";
import { copyFrequencyFitsStorage } from "./rules/premium-copy-frequency";

export const premiumStorageCopyFrequency: StackValidationPolicy = {
    name: "premium-storage-copy-frequency",
    description: describePolicy(
        "A replication policy copying every 30 seconds is not used with premium storage: neither an account it lists nor one tagged for its vault is premium.",
        "R2",
    ),
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "Set replicationInterval to 300 or 900 seconds, or replicate to standard storage.",
    validateStack: (args, reportViolation) => {
        const all = vaults(args.resources);
        for (const policy of args.resources.filter((resource) => isReplicationPolicy(resource.type))) {
            const interval = knownNumber(() => providerSpecific(policy)?.replicationInterval);
            if (interval === undefined) {
                continue;
            }
            const vault = ownerVault(policy, all);
            const accounts = new Set([...listedAccounts(policy, args.resources), ...(vault ? storageOf(vault, args.resources, all).map((m) => m.resource) : [])]);
            const premium = [...accounts].filter((account) => (skuName(account.props) ?? "").startsWith("Premium_"));
            const problem = copyFrequencyFitsStorage(interval, premium.map((account) => skuName(account.props) ?? ""));
            if (problem !== undefined) {
                reportViolation(`replication policy ${policy.name} with premium account(s) ${premium.map((a) => a.name).join(", ")}: ${problem}`, policy.urn);
            }
        }
    },
};
