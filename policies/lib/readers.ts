import { ROLE_TAG, ROLES, VAULT_TAG, type Role } from "../rules/role-tags";
import { known, peek, peekString, UNKNOWN } from "./known";

/**
 * Readers of resource props as policies get them (through the engine's unknown-checking
 * proxy, or the props behind it): each returns undefined for a value not known until
 * deployment. They read with `peek`, since stack policies call them for every resource.
 */

const ROLE_VALUES: ReadonlySet<string> = new Set(Object.values(ROLES));

export function tag(props: Record<string, unknown>, key: string): string | undefined {
    return peekString(props, "tags", key);
}

export function role(props: Record<string, unknown>): Role | undefined {
    const value = tag(props, ROLE_TAG);
    return value !== undefined && ROLE_VALUES.has(value) ? (value as Role) : undefined;
}

/** The vault's Azure name: its output `name`, else the input `vaultName`, else our tag. */
export function vaultName(props: Record<string, unknown>): string | undefined {
    return peekString(props, "name") ?? peekString(props, "vaultName") ?? tag(props, VAULT_TAG);
}

const ID_PARTS = new Map<string, RegExp>();

/** The segment after `/<key>/` in the resource's ARM id, when the id is known. */
export function armIdPart(props: Record<string, unknown>, key: string): string | undefined {
    const id = peekString(props, "id");
    if (id === undefined) {
        return undefined;
    }
    let pattern = ID_PARTS.get(key);
    if (pattern === undefined) {
        pattern = new RegExp(`/${key}/([^/]+)`, "i");
        ID_PARTS.set(key, pattern);
    }
    return pattern.exec(id)?.[1];
}

/**
 * A replication policy's provider-specific settings, as the props give them (through the
 * proxy when they come through it): `providerSpecificInput` in inputs,
 * `providerSpecificDetails` in outputs.
 */
export function providerSpecific(props: Record<string, unknown>): Record<string, unknown> | undefined {
    for (const key of ["providerSpecificInput", "providerSpecificDetails"]) {
        const value = peek(props, "properties", key);
        if (value !== undefined && value !== null && value !== UNKNOWN) {
            return known(() => (props.properties as Record<string, unknown>)[key] as Record<string, unknown>);
        }
    }
    return undefined;
}

/** The SKU name of a storage account, when known. */
export function skuName(props: Record<string, unknown>): string | undefined {
    return peekString(props, "sku", "name");
}
