import { cite } from "./facts";

/** The group of a Site Recovery private endpoint on the vault, and its private DNS zone (A13). */
export const SITE_RECOVERY_GROUP = "AzureSiteRecovery";
export const SITE_RECOVERY_DNS_ZONE = "privatelink.siterecovery.windowsazure.com";
export const BLOB_GROUP = "blob";
export const BLOB_DNS_ZONE = "privatelink.blob.core.windows.net";

/** Built-in role definitions (their ids are the same in every subscription). */
export const ROLE_DEFINITIONS = {
    Contributor: "b24988ac-6180-42a0-ab88-20f7382dd24c",
    "Storage Blob Data Contributor": "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
    "Storage Blob Data Owner": "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
} as const;

export type RoleName = keyof typeof ROLE_DEFINITIONS;

/** A16: the roles the vault's identity needs on a cache, log or target account. */
export function requiredVaultRoles(premium: boolean): RoleName[] {
    return premium ? ["Contributor", "Storage Blob Data Owner"] : ["Contributor", "Storage Blob Data Contributor"];
}

/** The role a role definition id grants, by its final GUID, whatever subscription prefix it has. */
export function roleOf(roleDefinitionId: string): RoleName | undefined {
    const guid = roleDefinitionId.split("/").pop()?.toLowerCase();
    return (Object.keys(ROLE_DEFINITIONS) as RoleName[]).find((name) => ROLE_DEFINITIONS[name] === guid);
}

/** A16: what the vault's identity still lacks on an account, given the roles granted there. */
export function missingVaultRoles(granted: readonly RoleName[], premium: boolean): string | undefined {
    const missing = requiredVaultRoles(premium).filter((role) => !granted.includes(role));
    return missing.length === 0 ? undefined : `the vault's identity lacks ${missing.join(" and ")} on it (${cite("A16")})`;
}

/**
 * A13: a vault closed to public networks is reached only through a Site Recovery private
 * endpoint, which needs the vault's managed identity; without both, VMM can't register.
 */
export function privateAccessProblems(publicNetworkAccess: string | undefined, identityType: string | undefined, siteRecoveryEndpoint: boolean): string[] {
    if (publicNetworkAccess !== "Disabled") {
        return [];
    }
    const problems: string[] = [];
    if (identityType === undefined || identityType === "None") {
        problems.push(`public network access is Disabled but the vault has no managed identity for private endpoints (${cite("A13")})`);
    }
    if (!siteRecoveryEndpoint) {
        problems.push(`public network access is Disabled and no private endpoint of group ${SITE_RECOVERY_GROUP} reaches the vault: the VMM Provider can't register (${cite("A13")})`);
    }
    return problems;
}
