import { shown } from "./display";
import { cite, type FactId } from "./facts";

/**
 * The choices the stack config and the components offer, each with its default, in the
 * words config and component arguments use (resources and policies use Azure's: see
 * storage-sku.ts). `as const` objects are the form Pulumi's multi-language schema turns
 * into enums for Python, Go, .NET and YAML.
 */

/** What holds replicated data: standard or premium storage (A5). */
export const StoragePerformance = { Standard: "Standard", Premium: "Premium" } as const;
export type StoragePerformance = (typeof StoragePerformance)[keyof typeof StoragePerformance];
export const DEFAULT_STORAGE_PERFORMANCE: StoragePerformance = StoragePerformance.Standard;

/** Redundancy of a standard replication or log account: the ones Site Recovery supports (A3). */
export const StandardRedundancy = { GRS: "GRS", RAGRS: "RAGRS", LRS: "LRS" } as const;
export type StandardRedundancy = (typeof StandardRedundancy)[keyof typeof StandardRedundancy];
/** Geo-redundant, so replicated data survives a regional outage (A4). */
export const DEFAULT_STANDARD_REDUNDANCY: StandardRedundancy = StandardRedundancy.GRS;

/** Vault storage redundancy Site Recovery vaults are created with (A12). */
export const VaultRedundancy = { GeoRedundant: "GeoRedundant", LocallyRedundant: "LocallyRedundant" } as const;
export type VaultRedundancy = (typeof VaultRedundancy)[keyof typeof VaultRedundancy];
export const DEFAULT_VAULT_REDUNDANCY: VaultRedundancy = VaultRedundancy.GeoRedundant;

/** Whether the vault accepts traffic from public networks, which the VMM provider needs without private endpoints (A13). */
export const VaultPublicNetworkAccess = { Enabled: "Enabled", Disabled: "Disabled" } as const;
export type VaultPublicNetworkAccess = (typeof VaultPublicNetworkAccess)[keyof typeof VaultPublicNetworkAccess];
export const DEFAULT_VAULT_PUBLIC_NETWORK_ACCESS: VaultPublicNetworkAccess = VaultPublicNetworkAccess.Enabled;

/** Why `value` is not one of `allowed`, citing the fact that sets the list; undefined when it is. */
export function oneOf(value: unknown, allowed: readonly string[], fact?: FactId): string | undefined {
    return typeof value === "string" && allowed.includes(value)
        ? undefined
        : `${shown(value)} is not allowed; allowed: ${allowed.join(", ")}${fact ? ` (${cite(fact)})` : ""}`;
}
