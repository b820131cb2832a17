import type { PolicyResource } from "@pulumi/policy";
import { ROLE_TAG, ROLES, VAULT_TAG, type Role } from "../rules/role-tags";
import { isNetworkMapping, isReplicationPolicy, isStorageAccount, isVault, isVirtualNetwork } from "./azure-types";
import { known, knownString, knownStrings } from "./known";

/**
 * How a policy knows which resources serve Site Recovery, and for which vault:
 *  1. Role tags: `asr-hyperv:role` says what a resource is for and `asr-hyperv:vault`
 *     names its vault. Our components set them; any stack can.
 *  2. References: a replication policy's `storageAccounts` and a network mapping's
 *     `recoveryNetworkId` name resources of the vault in `resourceName`, by id when
 *     known and otherwise through the property dependencies the engine records.
 * Nothing else is judged, so unrelated accounts and networks in a stack are never flagged.
 */
export interface SiteRecoveryVault {
    resource: PolicyResource;
    name: string | undefined;
    location: string | undefined;
    resourceGroup: string | undefined;
}

export interface Member {
    resource: PolicyResource;
    /** Why the resource belongs to the vault, for messages. */
    via: string;
}

export function tag(props: Record<string, unknown>, key: string): string | undefined {
    return knownString(() => (props.tags as Record<string, unknown> | undefined)?.[key]);
}

export function role(props: Record<string, unknown>): Role | undefined {
    const value = tag(props, ROLE_TAG);
    return (Object.values(ROLES) as string[]).includes(value ?? "") ? (value as Role) : undefined;
}

/** True for an account tagged as holding replicated data or replication logs. */
export function isSiteRecoveryStorage(props: Record<string, unknown>): boolean {
    const value = role(props);
    return value === ROLES.replicationStorage || value === ROLES.logStorage;
}

/** The vault's Azure name: its output `name`, else the input `vaultName`, else our tag. */
export function vaultName(props: Record<string, unknown>): string | undefined {
    return knownString(() => props.name) ?? knownString(() => props.vaultName) ?? tag(props, VAULT_TAG);
}

export function vaults(resources: readonly PolicyResource[]): SiteRecoveryVault[] {
    return resources
        .filter((resource) => isVault(resource.type))
        .map((resource) => ({
            resource,
            name: vaultName(resource.props),
            location: knownString(() => resource.props.location),
            resourceGroup: knownString(() => resource.props.resourceGroupName),
        }));
}

function sameName(a: string | undefined, b: string | undefined): boolean {
    return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/**
 * True when `props` name `vault`: its name, and its resource group where both are known,
 * since vaults in different groups may share a name.
 */
function servesVault(vault: SiteRecoveryVault, name: string | undefined, props: Record<string, unknown>): boolean {
    const group = knownString(() => props.resourceGroupName);
    return sameName(vault.name, name) && (group === undefined || vault.resourceGroup === undefined || sameName(group, vault.resourceGroup));
}

/** The resources a vault-scoped Site Recovery resource (policy, mapping) refers to under `property`. */
function referenced(
    owner: PolicyResource,
    ids: readonly string[],
    candidates: readonly PolicyResource[],
): PolicyResource[] {
    const byDependency = owner.propertyDependencies.properties ?? [];
    return candidates.filter((candidate) => {
        const id = knownString(() => candidate.props.id);
        return (id !== undefined && ids.some((listed) => sameName(listed, id))) || byDependency.includes(candidate);
    });
}

/** The vault a replication policy or network mapping belongs to (`resourceName` is the vault's name). */
export function ownerVault(resource: PolicyResource, all: readonly SiteRecoveryVault[]): SiteRecoveryVault | undefined {
    const name = knownString(() => resource.props.resourceName);
    return all.find((vault) => servesVault(vault, name, resource.props)) ?? all.find((vault) => resource.dependencies.includes(vault.resource));
}

/** The HyperVReplicaAzure settings of a replication policy (`properties.providerSpecificInput`). */
export function providerSpecific(policy: PolicyResource): Record<string, unknown> | undefined {
    return known(
        () => (policy.props.properties as Record<string, unknown> | undefined)?.providerSpecificInput as Record<string, unknown> | undefined,
    );
}

/** Storage accounts a replication policy lists in `storageAccounts`. */
export function listedAccounts(policy: PolicyResource, resources: readonly PolicyResource[]): PolicyResource[] {
    const listed = knownStrings(() => providerSpecific(policy)?.storageAccounts);
    return referenced(policy, listed, resources.filter((resource) => isStorageAccount(resource.type)));
}

/** Storage accounts tagged for the vault, then those its replication policies list. */
export function storageOf(vault: SiteRecoveryVault, resources: readonly PolicyResource[], all: readonly SiteRecoveryVault[]): Member[] {
    const members = new Map<PolicyResource, string>();
    for (const resource of resources) {
        if (isStorageAccount(resource.type) && isSiteRecoveryStorage(resource.props) && servesVault(vault, tag(resource.props, VAULT_TAG), resource.props)) {
            members.set(resource, `tagged ${ROLE_TAG}=${role(resource.props)}`);
        }
    }
    for (const policy of resources.filter((resource) => isReplicationPolicy(resource.type))) {
        if (ownerVault(policy, all) !== vault) {
            continue;
        }
        for (const account of listedAccounts(policy, resources)) {
            if (!members.has(account)) {
                members.set(account, `listed by replication policy ${policy.name}`);
            }
        }
    }
    return [...members].map(([resource, via]) => ({ resource, via }));
}

/** Virtual networks tagged for the vault, then those its network mappings target. */
export function networksOf(
    vault: SiteRecoveryVault,
    resources: readonly PolicyResource[],
    all: readonly SiteRecoveryVault[],
    roles: readonly Role[] = [ROLES.failoverNetwork, ROLES.testFailoverNetwork],
): Member[] {
    const members = new Map<PolicyResource, string>();
    for (const resource of resources) {
        const value = role(resource.props);
        if (isVirtualNetwork(resource.type) && value !== undefined && roles.includes(value) && servesVault(vault, tag(resource.props, VAULT_TAG), resource.props)) {
            members.set(resource, `tagged ${ROLE_TAG}=${value}`);
        }
    }
    if (roles.includes(ROLES.failoverNetwork)) {
        for (const mapping of resources.filter((resource) => isNetworkMapping(resource.type))) {
            if (ownerVault(mapping, all) !== vault) {
                continue;
            }
            const target = knownString(() => (mapping.props.properties as Record<string, unknown> | undefined)?.recoveryNetworkId);
            for (const network of referenced(mapping, target === undefined ? [] : [target], resources.filter((r) => isVirtualNetwork(r.type)))) {
                if (!members.has(network)) {
                    members.set(network, `mapped by network mapping ${mapping.name}`);
                }
            }
        }
    }
    return [...members].map(([resource, via]) => ({ resource, via }));
}

/** The SKU name of a storage account, when known. */
export function skuName(props: Record<string, unknown>): string | undefined {
    return knownString(() => (props.sku as Record<string, unknown> | undefined)?.name);
}

