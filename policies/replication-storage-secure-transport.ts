import { siteRecoveryAccount, unproxied } from "./lib/applies";
import { definePolicy } from "./lib/define";
import { transportProblems } from "./lib/account-checks";
import { SECURE_TRANSPORT } from "./rules/secure-transport";

export const replicationStorageSecureTransport = definePolicy([], {
    name: "replication-storage-secure-transport",
    summary:
        "Storage accounts for Site Recovery hold copies of production disks: they require TLS 1.2 or later, accept HTTPS only and allow no anonymous blob access. Site Recovery works with all three.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Set minimumTlsVersion: TLS1_2, enableHttpsTrafficOnly: true and allowBlobPublicAccess: false. Run the pack with this policy at enforcementLevel remediate to have it set them.",
    validateResource: (args, reportViolation) => {
        const problems = transportProblems(siteRecoveryAccount(args));
        if (problems.length > 0) {
            reportViolation(`${args.name}: ${problems.join("; ")}`);
        }
    },
    remediateResource: (args) =>
        transportProblems(siteRecoveryAccount(args)).length === 0 ? undefined : { ...unproxied(args.props), ...SECURE_TRANSPORT },
});
