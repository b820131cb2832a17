import { cite } from "./facts";

/** Vault storage redundancy values Site Recovery vaults are created with (A12). */
export const VAULT_REDUNDANCIES = ["GeoRedundant", "LocallyRedundant"] as const;
export type VaultRedundancy = (typeof VAULT_REDUNDANCIES)[number];

/**
 * A12: the vault's storage redundancy must be stated when it is created, because
 * Azure locks it once the first item is protected.
 */
export function vaultRedundancySetAtCreation(
    standardTierStorageRedundancy: string | undefined,
    allowed: readonly string[] = VAULT_REDUNDANCIES,
): string | undefined {
    if (standardTierStorageRedundancy === undefined) {
        return `properties.redundancySettings.standardTierStorageRedundancy is not set (${cite("A12")})`;
    }
    return allowed.includes(standardTierStorageRedundancy)
        ? undefined
        : `vault storage redundancy "${standardTierStorageRedundancy}" is not allowed; allowed: ${allowed.join(", ")} (${cite("A12")})`;
}
