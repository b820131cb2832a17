import { peek, peekKnown, peekString, UNKNOWN } from "./known";
import { skuName } from "./readers";
import { pageBlobCapableAccount } from "../rules/storage-kind";
import { SECURE_TRANSPORT, secureTransport } from "../rules/secure-transport";
import { REPLICATION_STORAGE_SKUS, replicationStorageSku } from "../rules/storage-sku";

// What every Site Recovery storage account is checked for, read from its props: the
// resource policies apply these to tagged accounts, the stack policy to accounts tied
// by reference only. A value not known until deployment is not judged.

/** A3: the account's SKU, against `allowed`. */
export function skuProblem(props: Record<string, unknown>, allowed: readonly string[] = REPLICATION_STORAGE_SKUS): string | undefined {
    const sku = skuName(props);
    return sku === undefined ? undefined : replicationStorageSku(sku, allowed);
}

/** A7: the account's kind and hierarchical namespace. */
export function kindProblem(props: Record<string, unknown>): string | undefined {
    const kind = peekString(props, "kind");
    return kind === undefined ? undefined : pageBlobCapableAccount(kind, peek(props, "isHnsEnabled") === true ? true : undefined);
}

/** The secure transport baseline: what falls short, leaving out settings not known yet. */
export function transportProblems(props: Record<string, unknown>): string[] {
    const pending = Object.keys(SECURE_TRANSPORT).filter((key) => peek(props, key) === UNKNOWN);
    return secureTransport({
        minimumTlsVersion: peekString(props, "minimumTlsVersion"),
        enableHttpsTrafficOnly: peekKnown(props, "enableHttpsTrafficOnly") as boolean | undefined,
        allowBlobPublicAccess: peekKnown(props, "allowBlobPublicAccess") as boolean | undefined,
    }).filter((problem) => !pending.some((key) => problem.startsWith(key)));
}
