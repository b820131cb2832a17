import { definePolicy } from "./lib/define";
import { samePolicy, siteOf } from "./lib/site";
import { protectionAfterMapping } from "./rules/protection-order";

export const policyMappedBeforeProtection = definePolicy([], {
    name: "policy-mapped-before-protection",
    summary:
        "A Hyper-V protected item depends on the protection container mapping of its replication policy to its cloud (same vault, fabric and container; the same policyId, or while ids are unknown the same policy resource), directly or through other resources, so Pulumi enables protection only once the policy is mapped to the cloud, as Site Recovery requires (asr-phase2 section 5), and removes the mapping only after the item. An item whose cloud has no mapping in the stack is not judged: the cloud may be mapped in the portal or by another stack.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Map the item's policy to its cloud (CloudProtection, or a ReplicationProtectionContainerMapping with the item's policyId) and make the item depend on that mapping: pass CloudProtection's policyId to ProtectedVm, or add the mapping to the item's dependsOn.",
    validateStack: (args, reportViolation) => {
        const site = siteOf(args.resources);
        for (const item of site.items) {
            const cloud = item.container === undefined ? [] : site.mappingsOf(item.container);
            if (cloud.length === 0) {
                continue;
            }
            const before = site.mappingsBefore(item);
            // A mapping the item waits for whose container is not known yet may be its cloud's.
            if (before.some((mapping) => mapping.container === undefined && samePolicy(mapping.policy, item.policy) !== false)) {
                continue;
            }
            const problem = protectionAfterMapping(
                cloud.map((mapping) => ({ name: mapping.resource.name, samePolicy: samePolicy(mapping.policy, item.policy), awaited: before.includes(mapping) })),
            );
            if (problem !== undefined) {
                reportViolation(`protected item ${item.resource.name}: ${problem}`, item.resource.urn);
            }
        }
    },
});
