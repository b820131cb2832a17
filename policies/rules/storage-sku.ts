import { cite } from "./facts";

/**
 * Redundancy of a standard replication (or log) account, as config names it (A3). An
 * `as const` object, the form Pulumi's multi-language schema takes as an enum.
 */
export const StandardRedundancy = { GRS: "GRS", RAGRS: "RAGRS", LRS: "LRS" } as const;
export type StandardRedundancy = (typeof StandardRedundancy)[keyof typeof StandardRedundancy];
export const STANDARD_REDUNDANCIES: readonly StandardRedundancy[] = Object.values(StandardRedundancy);

/** Storage SKUs that may hold replicated data or replication logs (A3, A5). */
export const REPLICATION_STORAGE_SKUS = ["Standard_LRS", "Standard_GRS", "Standard_RAGRS", "Premium_LRS"] as const;

/** The SKU a standard account with this redundancy gets. */
export function standardSku(redundancy: StandardRedundancy): string {
    return `Standard_${redundancy}`;
}

/** The SKU premium replicated data gets: premium page blobs are locally redundant. */
export const PREMIUM_SKU = "Premium_LRS";

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

/** A4: standard replication storage should be geo-redundant. Premium is LRS only, so it is not judged here. */
export function geoRedundantStorage(sku: string): string | undefined {
    if (isPremiumSku(sku) || sku === "Standard_GRS" || sku === "Standard_RAGRS") {
        return undefined;
    }
    return `storage SKU "${sku}" is not geo-redundant; use Standard_GRS or Standard_RAGRS (${cite("A4")})`;
}
