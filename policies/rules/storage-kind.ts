import { cite } from "./facts";

/** General-purpose kinds hold page blobs, which replicated disks are (A7). */
export const PAGE_BLOB_KINDS = ["StorageV2", "Storage"] as const;

/** The kind this project creates: general-purpose v2, which also takes premium page blobs. */
export const PAGE_BLOB_KIND = PAGE_BLOB_KINDS[0];

/** A7: the account must be a general-purpose kind without a hierarchical namespace. */
export function pageBlobCapableAccount(kind: string, isHnsEnabled: boolean | undefined): string | undefined {
    if (!(PAGE_BLOB_KINDS as readonly string[]).includes(kind)) {
        return `storage kind "${kind}" can't hold page blobs; allowed: ${PAGE_BLOB_KINDS.join(", ")} (${cite("A7")})`;
    }
    if (isHnsEnabled === true) {
        return `hierarchical namespace (isHnsEnabled) is on, which rules out page blobs (${cite("A7")})`;
    }
    return undefined;
}
