import type { PolicyResource } from "@pulumi/policy";
import { sameAzureName } from "../rules/azure-names";
import { ROLE_TAG, ROLES, VAULT_TAG, tagNamesVault, type Role } from "../rules/role-tags";
import { isNetworkMapping, isReplicationPolicy, isStorageAccount, isVault, isVirtualNetwork } from "./azure-types";
import { isUnknown, known, knownString, knownStrings } from "./known";
import { armIdPart, providerSpecific, role, tag, vaultName } from "./readers";

/**
 * How a policy knows which resources serve Site Recovery, and for which vault:
 *  1. Role tags: `asr-hyperv:role` says what a resource is for and `asr-hyperv:vault`
 *     names its vault, as `<vault name>` or, where vaults in two resource groups share
 *     a name, `<resource group>/<vault name>`. Our components set them; any stack can.
 *  2. References: a replication policy's `storageAccounts` and a network mapping's
 *     `recoveryNetworkId` name resources of the vault in `resourceName`, by id when
 *     known and otherwise through the property dependencies the engine records.
 * Stack policies see outputs, which spell some things differently from inputs (a
 * policy's `providerSpecificDetails` for `providerSpecificInput`, and no
 * `resourceName` or `resourceGroupName`, which its ARM id holds): both are read.
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
    /** How the resource was tied to the vault. */
    kind: "tag" | "reference";
    /** The same, in words for messages. */
    via: string;
}

/** True for an account tagged as holding replicated data or replication logs. */
export function isSiteRecoveryStorage(props: Record<string, unknown>): boolean {
    const value = role(props);
    return value === ROLES.replicationStorage || value === ROLES.logStorage;
}

export function vaults(resources: readonly PolicyResource[]): SiteRecoveryVault[] {
    return resources
        .filter((resource) => isVault(resource.type))
        .map((resource) => ({
            resource,
            name: vaultName(resource.props),
            location: knownString(() => resource.props.location),
            resourceGroup: knownString(() => resource.props.resourceGroupName) ?? armIdPart(resource.props, "resourceGroups"),
        }));
}

function taggedFor(vault: SiteRecoveryVault, value: string | undefined): boolean {
    return tagNamesVault(value, vault.name, vault.resourceGroup);
}

/** The `candidates` a vault's child resource (policy, mapping) names by id, or depends on through its `properties`. */
function referenced(
    owner: PolicyResource,
    ids: readonly string[],
    candidates: readonly PolicyResource[],
): PolicyResource[] {
    const byDependency = owner.propertyDependencies.properties ?? [];
    return candidates.filter((candidate) => {
        const id = knownString(() => candidate.props.id);
        return (id !== undefined && ids.some((listed) => sameAzureName(listed, id))) || byDependency.includes(candidate);
    });
}

/** The vault a replication policy or network mapping belongs to (`resourceName` is the vault's name). */
export function ownerVault(resource: PolicyResource, all: readonly SiteRecoveryVault[]): SiteRecoveryVault | undefined {
    // `resourceName` and `resourceGroupName` of a vault's child resource are the vault's own.
    const name = knownString(() => resource.props.resourceName) ?? armIdPart(resource.props, "vaults");
    const group = knownString(() => resource.props.resourceGroupName) ?? armIdPart(resource.props, "resourceGroups");
    return (
        all.find((vault) => sameAzureName(vault.name, name) && (group === undefined || vault.resourceGroup === undefined || sameAzureName(group, vault.resourceGroup))) ??
        all.find((vault) => resource.dependencies.includes(vault.resource))
    );
}

/** True when a replication policy's account list is known, and empty or absent: it names no account, even one unknown yet. */
export function listsNoAccounts(policy: PolicyResource): boolean {
    const settings = providerSpecific(policy.props);
    const accounts = known(() => settings?.storageAccounts);
    const active = known(() => settings?.activeStorageAccountId);
    return (accounts === undefined || (Array.isArray(accounts) && accounts.length === 0)) && active === undefined && !isUnknownList(settings);
}

function isUnknownList(settings: Record<string, unknown> | undefined): boolean {
    return settings !== undefined && (isUnknown(() => settings.storageAccounts) || isUnknown(() => settings.activeStorageAccountId));
}

/** True for a Hyper-V to Azure replication policy; other scenarios' policies are not judged. */
export function isHyperVPolicy(policy: PolicyResource): boolean {
    return isReplicationPolicy(policy.type) && knownString(() => providerSpecific(policy.props)?.instanceType) === "HyperVReplicaAzure";
}

/** Storage accounts a Hyper-V replication policy lists in `storageAccounts` (or, deployed, as its active account). */
export function listedAccounts(policy: PolicyResource, resources: readonly PolicyResource[]): PolicyResource[] {
    if (!isHyperVPolicy(policy)) {
        return [];
    }
    const settings = providerSpecific(policy.props);
    const active = knownString(() => settings?.activeStorageAccountId);
    const listed = [...knownStrings(() => settings?.storageAccounts), ...(active === undefined ? [] : [active])];
    return referenced(policy, listed, resources.filter((resource) => isStorageAccount(resource.type)));
}

/** Storage accounts tagged for the vault, then those its replication policies list. */
export function storageOf(vault: SiteRecoveryVault, resources: readonly PolicyResource[], all: readonly SiteRecoveryVault[]): Member[] {
    const members = new Map<PolicyResource, Member>();
    for (const resource of resources) {
        if (isStorageAccount(resource.type) && isSiteRecoveryStorage(resource.props) && taggedFor(vault, tag(resource.props, VAULT_TAG))) {
            members.set(resource, { resource, kind: "tag", via: `tagged ${ROLE_TAG}=${role(resource.props)}` });
        }
    }
    for (const policy of resources.filter(isHyperVPolicy)) {
        if (ownerVault(policy, all) !== vault) {
            continue;
        }
        for (const account of listedAccounts(policy, resources)) {
            if (!members.has(account)) {
                members.set(account, { resource: account, kind: "reference", via: `listed by replication policy ${policy.name}` });
            }
        }
    }
    return [...members.values()];
}

/** Virtual networks tagged for the vault, then those its network mappings target. */
export function networksOf(
    vault: SiteRecoveryVault,
    resources: readonly PolicyResource[],
    all: readonly SiteRecoveryVault[],
    roles: readonly Role[] = [ROLES.failoverNetwork, ROLES.testFailoverNetwork],
): Member[] {
    const members = new Map<PolicyResource, Member>();
    for (const resource of resources) {
        const value = role(resource.props);
        if (isVirtualNetwork(resource.type) && value !== undefined && roles.includes(value) && taggedFor(vault, tag(resource.props, VAULT_TAG))) {
            members.set(resource, { resource, kind: "tag", via: `tagged ${ROLE_TAG}=${value}` });
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
                    members.set(network, { resource: network, kind: "reference", via: `mapped by network mapping ${mapping.name}` });
                }
            }
        }
    }
    return [...members.values()];
}
