import { kindProblem, skuProblem, transportProblems } from "./lib/account-checks";
import { definePolicy } from "./lib/define";
import { isSiteRecoveryStorage, siteOf } from "./lib/site";

export const replicationStorageByReference = definePolicy(["A3", "A7"], {
    name: "replication-storage-by-reference",
    summary:
        "Storage accounts tied to a vault only by reference (listed by its Hyper-V replication policy, or targeted by its protected items) meet what tagged accounts must: a supported SKU, a kind that holds page blobs, and secure transport.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Use a StorageV2 account with sku Standard_GRS, Standard_RAGRS, Standard_LRS or Premium_LRS, no hierarchical namespace, minimumTlsVersion TLS1_2, HTTPS only and no public blob access; tag it asr-hyperv:role and asr-hyperv:vault so the per-account policies check it before it is created.",
    validateStack: (args, reportViolation) => {
        const site = siteOf(args.resources);
        const judged = new Set<string>();
        for (const vault of site.vaults) {
            for (const { node, via } of site.storageOf(vault).filter((member) => member.by !== "tag")) {
                // Tagged accounts are judged one by one by the resource policies.
                if (isSiteRecoveryStorage(node.props) || judged.has(node.resource.urn)) {
                    continue;
                }
                judged.add(node.resource.urn);
                const problems = [skuProblem(node.props), kindProblem(node.props), ...transportProblems(node.props)].filter((problem) => problem !== undefined);
                if (problems.length > 0) {
                    reportViolation(`storage account ${node.resource.name} (${via}) of vault ${vault.name ?? vault.resource.name}: ${problems.join("; ")}`, node.resource.urn);
                }
            }
        }
    },
});
