import { cite } from "./facts";
import { VaultRedundancy } from "./choices";

/** Vault storage redundancy values Site Recovery vaults are created with (A12). */
export const VAULT_REDUNDANCIES: readonly VaultRedundancy[] = Object.values(VaultRedundancy);

/** Every value Azure takes for a vault; zone redundancy is not one the Site Recovery docs list. */
export const AZURE_VAULT_REDUNDANCIES: readonly string[] = [...VAULT_REDUNDANCIES, "ZoneRedundant"];

/**
 * A12: the vault's storage redundancy must be stated when it is created, because
 * Azure locks it once the first server registers with the vault.
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
