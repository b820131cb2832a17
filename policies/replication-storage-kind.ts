import { siteRecoveryAccount } from "./lib/applies";
import { definePolicy } from "./lib/define";
import { known, knownString } from "./lib/known";
import { pageBlobCapableAccount } from "./rules/storage-kind";

export const replicationStorageKind = definePolicy(["A7"], {
    name: "replication-storage-kind",
    summary: "Storage accounts for Site Recovery can hold page blobs.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Use kind StorageV2 (or the older Storage) and leave isHnsEnabled unset or false. BlobStorage, BlockBlobStorage and FileStorage accounts, and Data Lake (hierarchical namespace) accounts, can't hold replicated disks.",
    validateResource: (args, reportViolation) => {
        const props = siteRecoveryAccount(args);
        const kind = knownString(() => props.kind);
        const hns = known(() => props.isHnsEnabled);
        const problem = kind === undefined ? undefined : pageBlobCapableAccount(kind, hns === true ? true : undefined);
        if (problem !== undefined) {
            reportViolation(`${args.name}: ${problem}`);
        }
    },
});
