import { cite } from "./facts";
import { StandardRedundancy } from "./choices";

/** The redundancies Site Recovery supports for standard accounts (A3), as config and component args name them. */
export const STANDARD_REDUNDANCIES: readonly StandardRedundancy[] = Object.values(StandardRedundancy);

/**
 * The SKU a standard account with this redundancy gets: config and components speak of
 * redundancy ("GRS"), resources and policies of SKUs ("Standard_GRS"), and this is the
 * one place the two meet.
 */
export function standardSku(redundancy: StandardRedundancy): string {
    return `Standard_${redundancy}`;
}

/** The SKU premium replicated data gets: premium page blobs are locally redundant. */
export const PREMIUM_SKU = "Premium_LRS";

/** Storage SKUs that may hold replicated data or replication logs (A3, A5). */
export const REPLICATION_STORAGE_SKUS: readonly string[] = [...STANDARD_REDUNDANCIES.map(standardSku), PREMIUM_SKU];

export function isPremiumSku(sku: string): boolean {
    return sku.startsWith("Premium_");
}

/** A3: the SKU must be one Site Recovery supports (or one of `allowed`, when a policy narrows the list). */
export function replicationStorageSku(
    sku: string,
    allowed: readonly string[] = REPLICATION_STORAGE_SKUS,
): string | undefined {
    return allowed.includes(sku)
        ? undefined
        : `storage SKU "${sku}" is not allowed; allowed: ${allowed.join(", ")} (${cite("A3")})`;
}

const GEO_REDUNDANT_SKUS = [StandardRedundancy.GRS, StandardRedundancy.RAGRS].map(standardSku);

/**
 * A4: standard replication storage should be geo-redundant. Premium is LRS only, and SKUs
 * Site Recovery can't use at all (ZRS, GZRS) are A3's to refuse, so neither is judged here.
 */
export function geoRedundantStorage(sku: string): string | undefined {
    if (isPremiumSku(sku) || GEO_REDUNDANT_SKUS.includes(sku) || !REPLICATION_STORAGE_SKUS.includes(sku)) {
        return undefined;
    }
    return `storage SKU "${sku}" is not geo-redundant; use ${GEO_REDUNDANT_SKUS.join(" or ")} (${cite("A4")})`;
}
