import { siteRecoveryAccount } from "./lib/applies";
import { definePolicy } from "./lib/define";
import { known } from "./lib/known";
import { accountAccessProblems } from "./rules/account-access";

export const replicationStorageAccess = definePolicy([], {
    name: "replication-storage-access",
    summary:
        "Storage accounts for Site Recovery keep shared key access, which Site Recovery's writes need, and allow no object replication to other tenants, which could copy replicas out.",
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps: "Set allowSharedKeyAccess: true and allowCrossTenantReplication: false on the account.",
    validateResource: (args, reportViolation) => {
        const props = siteRecoveryAccount(args);
        const flag = (key: string) => {
            const value = known(() => props[key]);
            return typeof value === "boolean" ? value : undefined;
        };
        const problems = accountAccessProblems({ allowSharedKeyAccess: flag("allowSharedKeyAccess"), allowCrossTenantReplication: flag("allowCrossTenantReplication") });
        if (problems.length > 0) {
            reportViolation(`${args.name}: ${problems.join("; ")}`);
        }
    },
});
