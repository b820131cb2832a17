/**
 * Choices the components and the stack config share, as `as const` objects: the form
 * Pulumi's multi-language schema turns into enums for Python, Go, .NET and YAML.
 */
export const VaultPublicNetworkAccess = { Enabled: "Enabled", Disabled: "Disabled" } as const;
export type VaultPublicNetworkAccess = (typeof VaultPublicNetworkAccess)[keyof typeof VaultPublicNetworkAccess];

export const StoragePerformance = { Standard: "Standard", Premium: "Premium" } as const;
export type StoragePerformance = (typeof StoragePerformance)[keyof typeof StoragePerformance];
