import { ROLE_TAG, ROLES, VAULT_TAG, type Role } from "../rules/role-tags";
import { known, knownString } from "./known";

/**
 * Readers of resource props as policies get them: through the engine's unknown-checking
 * proxy, so each returns undefined for a value not known until deployment.
 */

export function tag(props: Record<string, unknown>, key: string): string | undefined {
    return knownString(() => (props.tags as Record<string, unknown> | undefined)?.[key]);
}

export function role(props: Record<string, unknown>): Role | undefined {
    const value = tag(props, ROLE_TAG);
    return (Object.values(ROLES) as string[]).includes(value ?? "") ? (value as Role) : undefined;
}

/** The vault's Azure name: its output `name`, else the input `vaultName`, else our tag. */
export function vaultName(props: Record<string, unknown>): string | undefined {
    return knownString(() => props.name) ?? knownString(() => props.vaultName) ?? tag(props, VAULT_TAG);
}

/** The segment after `/<key>/` in the resource's ARM id, when the id is known. */
export function armIdPart(props: Record<string, unknown>, key: string): string | undefined {
    const id = knownString(() => props.id);
    return id === undefined ? undefined : new RegExp(`/${key}/([^/]+)`, "i").exec(id)?.[1];
}

/** A replication policy's provider-specific settings: `providerSpecificInput` in inputs, `providerSpecificDetails` in outputs. */
export function providerSpecific(props: Record<string, unknown>): Record<string, unknown> | undefined {
    const properties = known(() => props.properties as Record<string, unknown> | undefined);
    return (
        known(() => properties?.providerSpecificInput as Record<string, unknown> | undefined) ??
        known(() => properties?.providerSpecificDetails as Record<string, unknown> | undefined)
    );
}

/** The SKU name of a storage account, when known. */
export function skuName(props: Record<string, unknown>): string | undefined {
    return knownString(() => (props.sku as Record<string, unknown> | undefined)?.name);
}
