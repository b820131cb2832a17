import { definePolicy } from "./lib/define";
import { knownString } from "./lib/known";
import { isHyperVPolicy, listedAccounts, ownerVault, vaults } from "./lib/membership";
import { storageInVaultRegion } from "./rules/vault-region";

export const replicationPolicyStorageInVaultRegion = definePolicy(["A1"], {
    name: "replication-policy-storage-in-vault-region",
    summary:
        "Every storage account a replication policy lists in storageAccounts is in the region of the policy's vault.",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps:
        "List only accounts in the vault's region in providerSpecificInput.storageAccounts; create one there if needed.",
    validateStack: (args, reportViolation) => {
        const all = vaults(args.resources);
        for (const policy of args.resources.filter(isHyperVPolicy)) {
            const vault = ownerVault(policy, all);
            if (vault?.location === undefined) {
                continue;
            }
            for (const account of listedAccounts(policy, args.resources)) {
                const location = knownString(() => account.props.location);
                const problem = location === undefined ? undefined : storageInVaultRegion(location, vault.location);
                if (problem !== undefined) {
                    reportViolation(
                        `replication policy ${policy.name} of vault ${vault.name ?? vault.resource.name} lists storage account ${account.name}: ${problem}`,
                        policy.urn,
                    );
                }
            }
        }
    },
});
