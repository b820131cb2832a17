import { siteRecoveryAccount, unproxied } from "./lib/applies";
import { definePolicy } from "./lib/define";
import { isUnknown, known, knownString } from "./lib/known";
import { SECURE_TRANSPORT, secureTransport } from "./rules/secure-transport";

/** What falls short of the baseline; a setting not known until deployment is not judged, the others still are. */
function shortfalls(props: Record<string, unknown>): string[] {
    const pending = Object.keys(SECURE_TRANSPORT).filter((key) => isUnknown(() => props[key]));
    return secureTransport({
        minimumTlsVersion: knownString(() => props.minimumTlsVersion),
        enableHttpsTrafficOnly: known(() => props.enableHttpsTrafficOnly) as boolean | undefined,
        allowBlobPublicAccess: known(() => props.allowBlobPublicAccess) as boolean | undefined,
    }).filter((problem) => !pending.some((key) => problem.startsWith(key)));
}

export const replicationStorageSecureTransport = definePolicy([], {
    name: "replication-storage-secure-transport",
    summary:
        "Storage accounts for Site Recovery hold copies of production disks: they require TLS 1.2 or later, accept HTTPS only and allow no anonymous blob access. Site Recovery works with all three.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Set minimumTlsVersion: TLS1_2, enableHttpsTrafficOnly: true and allowBlobPublicAccess: false. Run the pack with this policy at enforcementLevel remediate to have it set them.",
    validateResource: (args, reportViolation) => {
        const problems = shortfalls(siteRecoveryAccount(args));
        if (problems.length > 0) {
            reportViolation(`${args.name}: ${problems.join("; ")}`);
        }
    },
    remediateResource: (args) =>
        shortfalls(siteRecoveryAccount(args)).length === 0 ? undefined : { ...unproxied(args.props), ...SECURE_TRANSPORT },
});
