import { definePolicy } from "./lib/define";
import { peekString } from "./lib/known";
import { siteOf } from "./lib/site";
import { storageInVaultRegion } from "./rules/vault-region";

export const replicationPolicyStorageInVaultRegion = definePolicy(["A1"], {
    name: "replication-policy-storage-in-vault-region",
    summary: "Every storage account a Hyper-V replication policy lists in storageAccounts is in the region of the policy's vault.",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps: "List only accounts in the vault's region in providerSpecificInput.storageAccounts; create one there if needed.",
    validateStack: (args, reportViolation) => {
        for (const policy of siteOf(args.resources).policies) {
            const vault = policy.vault;
            if (vault?.location === undefined) {
                continue;
            }
            for (const account of policy.accounts) {
                const location = peekString(account.props, "location");
                const problem = location === undefined ? undefined : storageInVaultRegion(location, vault.location);
                if (problem !== undefined) {
                    reportViolation(
                        `replication policy ${policy.resource.name} of vault ${vault.name ?? vault.resource.name} lists storage account ${account.resource.name}: ${problem}`,
                        policy.resource.urn,
                    );
                }
            }
        }
    },
});
