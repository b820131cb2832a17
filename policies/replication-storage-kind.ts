import { siteRecoveryAccount } from "./lib/applies";
import { definePolicy } from "./lib/define";
import { kindProblem } from "./lib/account-checks";

export const replicationStorageKind = definePolicy(["A7"], {
    name: "replication-storage-kind",
    summary: "Storage accounts for Site Recovery can hold page blobs.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Use kind StorageV2 (or the older Storage) and leave isHnsEnabled unset or false. BlobStorage, BlockBlobStorage and FileStorage accounts, and Data Lake (hierarchical namespace) accounts, can't hold replicated disks.",
    validateResource: (args, reportViolation) => {
        const problem = kindProblem(siteRecoveryAccount(args));
        if (problem !== undefined) {
            reportViolation(`${args.name}: ${problem}`);
        }
    },
});
