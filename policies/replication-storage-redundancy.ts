import { siteRecoveryAccount } from "./lib/applies";
import { definePolicy } from "./lib/define";
import { skuProblem } from "./lib/account-checks";
import { REPLICATION_STORAGE_SKUS } from "./rules/storage-sku";

export const replicationStorageRedundancy = definePolicy(["A3"], {
    name: "replication-storage-redundancy",
    summary: "Storage accounts for Site Recovery use a redundancy Site Recovery supports.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Set the account's sku.name to Standard_GRS (recommended), Standard_RAGRS or Standard_LRS, or Premium_LRS for premium replicated data. ZRS and GZRS accounts can't be used: create a new account rather than converting one that already holds replicas.",
    configSchema: {
        properties: {
            allowedSkus: {
                type: "array",
                items: { type: "string", enum: [...REPLICATION_STORAGE_SKUS] },
                default: [...REPLICATION_STORAGE_SKUS],
                description: "SKUs a replication or log account may have; narrow it, e.g. to forbid LRS.",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        const { allowedSkus } = args.getConfig<{ allowedSkus?: string[] }>();
        const problem = skuProblem(siteRecoveryAccount(args), allowedSkus ?? REPLICATION_STORAGE_SKUS);
        if (problem !== undefined) {
            reportViolation(`${args.name}: ${problem}`);
        }
    },
});
