import type { PolicyResource } from "@pulumi/policy";
import { sameAzureName } from "../rules/azure-names";
import { ROLE_TAG, ROLES, VAULT_TAG, type Role } from "../rules/role-tags";
import { roleOf, type RoleName } from "../rules/private-replication";
import {
    ARM_PATHS,
    isContainerMapping,
    isLockByScope,
    isNetworkMapping,
    isPrivateEndpoint,
    isProtectedItem,
    isReplicationPolicy,
    isRoleAssignment,
    isStorageAccount,
    isSubnet,
    isVault,
    isVirtualNetwork,
    isVirtualNetworkPeering,
} from "./azure-types";
import { peek, peekString, UNKNOWN } from "./known";
import { currentRound, joinedProps, observedInputs } from "./observed";
import { armIdPart, providerSpecific, role, tag, vaultName } from "./readers";

/**
 * Which resources of a stack serve Hyper-V to Azure replication, and for which vault,
 * built once per AnalyzeStack from every resource as the stack policies see it (outputs
 * joined with the inputs Analyze showed):
 *  1. Role tags: `asr-hyperv:role` says what a resource is for and `asr-hyperv:vault`
 *     names its vault, as `<vault name>` or `<resource group>/<vault name>`.
 *  2. References from the vault's Hyper-V children: a `HyperVReplicaAzure` replication
 *     policy's `storageAccounts`, a `VmmToAzure` network mapping's `recoveryNetworkId`, a
 *     `HyperVReplicaAzure` protected item's target and log accounts and target network.
 *     A known id ties the resource it names; an id not known yet ties the resources of
 *     that kind the child's `properties` depend on.
 * It also relates protected items to their clouds' protection container mappings and the
 * replication policies both name, and target networks to their subnets.
 * Nothing else is judged: unrelated accounts and networks, Backup vaults and
 * Azure-to-Azure sites in the same stack are never flagged.
 */

/** A resource with its props as the stack policies judge them. */
export interface SiteNode {
    resource: PolicyResource;
    /** Outputs joined with inputs: what the resource is. */
    props: Record<string, unknown>;
    /** The inputs alone, for what only they tell (whether a setting was given); undefined when no resource policy ran. */
    inputs: Record<string, unknown> | undefined;
}

export interface SiteVault extends SiteNode {
    name: string | undefined;
    location: string | undefined;
    resourceGroup: string | undefined;
    /** Tagged as a vault, tagged for by a resource, or owner of a Hyper-V policy, mapping or protected item. */
    servesHyperV: boolean;
}

export interface Member {
    node: SiteNode;
    /** What tied the resource to the vault first: its tags, or a Hyper-V child's reference. */
    by: "tag" | "replication policy" | "network mapping" | "protected item";
    /** The same, in words for messages. */
    via: string;
}

export interface HyperVPolicy extends SiteNode {
    vault: SiteVault | undefined;
    settings: Record<string, unknown>;
    /** The accounts it lists (or, deployed, its active account). */
    accounts: SiteNode[];
    /** Known to list no account at all, not even one whose id is unknown. */
    listsNone: boolean;
}

/**
 * The replication policy a mapping or protected item names in `properties.policyId`, as
 * tokens: the stack's policy resources it names (by a known id, or, while the id is
 * unknown, those its `properties` depend on), else the known id itself; undefined while it
 * can't be told. Compare two with `samePolicy`.
 */
export type PolicyRef = ReadonlySet<string> | undefined;

/** Whether two references name the same policy; undefined while either can't be told. */
export function samePolicy(a: PolicyRef, b: PolicyRef): boolean | undefined {
    return a === undefined || b === undefined ? undefined : [...a].some((token) => b.has(token));
}

/** A protection container mapping: a replication policy mapped to a VMM cloud's container. */
export interface ContainerMapping extends SiteNode {
    /** `<group>/<vault>/<fabric>/<container>` in lower case; undefined while a part is unknown. */
    container: string | undefined;
    policy: PolicyRef;
}

export interface HyperVItem extends SiteNode {
    vault: SiteVault | undefined;
    /** The log account it names, when known; `logNamed` says whether it names one at all. */
    log: SiteNode | undefined;
    logNamed: boolean;
    /**
     * The log accounts it names, for the VM or per managed disk: by known ids, or, while an
     * id is unknown and no target account's id is, the accounts its properties depend on
     * (the target's is known or absent, so those are logs).
     */
    logs: SiteNode[];
    /** Its cloud's container, as ContainerMapping's; undefined while a part is unknown. */
    container: string | undefined;
    policy: PolicyRef;
    /** The virtual networks `targetAzureNetworkId` names: the one of a known id, else those its properties depend on. */
    networks: SiteNode[];
}

export interface Site {
    vaults: SiteVault[];
    policies: HyperVPolicy[];
    items: HyperVItem[];
    /** The container mappings of a container (ContainerMapping's `container`). */
    mappingsOf(container: string): ContainerMapping[];
    /** The container mappings `node` depends on, directly or through other resources. */
    mappingsBefore(node: SiteNode): ContainerMapping[];
    /** The stack's Hyper-V policy a reference names, when it names exactly one. */
    hyperVPolicyOf(policy: PolicyRef): HyperVPolicy | undefined;
    /** Names of the subnets of `network`, inline or resources of their own; undefined while one is not known. */
    subnetsOf(network: SiteNode): string[] | undefined;
    /** The Subnet resources in `network`: by its name, or through the input that names it while that is unknown. */
    subnetResourcesOf(network: SiteNode): SiteNode[];
    storageOf(vault: SiteVault): Member[];
    networksOf(vault: SiteVault, roles?: readonly Role[]): Member[];
    /** Names of the peerings that start at or lead to `network`. */
    peeringsOf(network: SiteNode): string[];
    /** Private endpoints whose connection of `group` (AzureSiteRecovery, blob) reaches `target`. */
    privateEndpointsTo(target: SiteNode, group: string): SiteNode[];
    /** The built-in roles the stack's role assignments grant `vault`'s identity on `account` (A16). */
    vaultRolesOn(account: SiteNode, vault: SiteVault): RoleName[];
    /** CanNotDelete or ReadOnly locks scoped to `node` (A17). */
    deleteLocksOn(node: SiteNode): SiteNode[];
}

const STORAGE_ROLES: readonly Role[] = [ROLES.replicationStorage, ROLES.logStorage];
const NETWORK_ROLES: readonly Role[] = [ROLES.failoverNetwork, ROLES.testFailoverNetwork];

// Everything here is built once per AnalyzeStack and reads each resource a bounded number
// of times: lookups go through maps built in one pass (resources by id key and URN, vaults
// by name, peerings by network), never a scan of the stack per vault, policy or network,
// and props are read with `peek`, without the exception the proxy throws per unknown value.

/** `<group>/<provider path>/<name>`, lower case: how ids are compared, whatever the subscription. */
function idKey(group: string | undefined, provider: string, name: string | undefined): string | undefined {
    return group === undefined || name === undefined ? undefined : `${group}/${provider}/${name}`.toLowerCase();
}

const ARM_ID = /\/resourceGroups\/([^/]+)\/providers\/([^/]+\/[^/]+)\/([^/]+)$/i;

function keyOfId(id: string): string | undefined {
    const match = ARM_ID.exec(id);
    return match === null ? undefined : idKey(match[1], match[2]!, match[3]);
}

const POLICY_ID = /\/resourceGroups\/([^/]+)\/providers\/Microsoft\.RecoveryServices\/vaults\/([^/]+)\/replicationPolicies\/([^/]+)$/i;

/** `<group>/<vault>/<policy>`, lower case, of a replication policy's id. */
function policyKeyOfId(id: string): string | undefined {
    const match = POLICY_ID.exec(id);
    return match === null ? undefined : `${match[1]}/${match[2]}/${match[3]}`.toLowerCase();
}

/** The path parts a vault child is named by (its inputs, else its known id), joined in lower case; undefined while one is unknown. */
function childKey(props: Record<string, unknown>, parts: readonly (readonly [input: string, idSegment: string])[]): string | undefined {
    const values: string[] = [];
    for (const [input, segment] of parts) {
        const value = peekString(props, input) ?? armIdPart(props, segment);
        if (value === undefined) {
            return undefined;
        }
        values.push(value);
    }
    return values.join("/").toLowerCase();
}

const VAULT_PARTS = [
    ["resourceGroupName", "resourceGroups"],
    ["resourceName", "vaults"],
] as const;
const CONTAINER_PARTS = [...VAULT_PARTS, ["fabricName", "replicationFabrics"], ["protectionContainerName", "replicationProtectionContainers"]] as const;

/** A replication policy's `<group>/<vault>/<policy>`, lower case; undefined while a part is unknown. */
function policyKey(props: Record<string, unknown>): string | undefined {
    const vault = childKey(props, VAULT_PARTS);
    const name = peekString(props, "policyName") ?? peekString(props, "name") ?? armIdPart(props, "replicationPolicies");
    return vault === undefined || name === undefined ? undefined : `${vault}/${name.toLowerCase()}`;
}

/** The resource's id key: from its id when known, else from its resource group and name inputs. */
function identity(node: SiteNode): string | undefined {
    const id = peekString(node.props, "id");
    if (id !== undefined) {
        return keyOfId(id);
    }
    const path = ARM_PATHS.find((candidate) => candidate.is(node.resource.type));
    if (path === undefined) {
        return undefined;
    }
    const name = peekString(node.props, "name") ?? peekString(node.props, path.nameInput);
    return idKey(peekString(node.props, "resourceGroupName"), path.provider, name);
}

/** An id-valued setting: the id when known, "unknown" when not known yet, undefined when absent. */
function idSetting(settings: unknown, key: string): string | "unknown" | undefined {
    const value = peek(settings, key);
    return value === UNKNOWN ? "unknown" : typeof value === "string" ? value : undefined;
}

/**
 * The ids of a known or unknown array of ids: each one, or "unknown" where it is not known
 * yet; ["unknown"] for an array not known yet, [] for none.
 */
function idList(settings: unknown, key: string): string[] {
    const value = peek(settings, key);
    if (value === UNKNOWN) {
        return ["unknown"];
    }
    if (!Array.isArray(value)) {
        return [];
    }
    const ids: string[] = [];
    // Index by index: the array may be a proxy, whose methods would fail on it.
    for (let index = 0; index < value.length; index++) {
        const id = peek(value, index);
        ids.push(id === UNKNOWN ? "unknown" : typeof id === "string" ? id : "");
    }
    return ids;
}

/** The `key` id of each element of a known or unknown array, as `idSetting` reads one; ["unknown"] for an array not known yet. */
function idsIn(list: unknown, key: string): string[] {
    if (list === UNKNOWN) {
        return ["unknown"];
    }
    const ids: string[] = [];
    for (let index = 0; Array.isArray(list) && index < list.length; index++) {
        const element = peek(list, index);
        const id = element === UNKNOWN ? "unknown" : idSetting(element, key);
        if (id !== undefined) {
            ids.push(id);
        }
    }
    return ids;
}

/** Appends `value` to the list under `key`. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list === undefined) {
        map.set(key, [value]);
    } else {
        list.push(value);
    }
}

function build(resources: readonly PolicyResource[]): Site {
    const nodes = resources.map((resource): SiteNode => ({ resource, props: joinedProps(resource), inputs: observedInputs(resource) }));
    const byUrn = new Map(nodes.map((node) => [node.resource.urn, node]));
    const byId = new Map<string, SiteNode>();
    const policiesByKey = new Map<string, SiteNode>();
    for (const node of nodes) {
        const key = ARM_PATHS.some((path) => path.is(node.resource.type)) ? identity(node) : undefined;
        if (key !== undefined) {
            byId.set(key, node);
        }
        const policy = isReplicationPolicy(node.resource.type) ? policyKey(node.props) : undefined;
        if (policy !== undefined) {
            policiesByKey.set(policy, node);
        }
    }
    const policyRef = (node: SiteNode): PolicyRef => {
        const id = peek(node.props, "properties", "policyId");
        if (typeof id === "string") {
            const key = policyKeyOfId(id);
            const policy = key === undefined ? undefined : policiesByKey.get(key);
            return new Set([policy === undefined ? `id:${key ?? id.toLowerCase()}` : `urn:${policy.resource.urn}`]);
        }
        if (id !== UNKNOWN) {
            return undefined;
        }
        const dependedOn = (node.resource.propertyDependencies.properties ?? []).filter((dependency) => isReplicationPolicy(dependency.type));
        return dependedOn.length === 0 ? undefined : new Set(dependedOn.map((dependency) => `urn:${dependency.urn}`));
    };

    const vaults: SiteVault[] = [];
    const vaultsByName = new Map<string, SiteVault[]>();
    for (const node of nodes) {
        if (!isVault(node.resource.type)) {
            continue;
        }
        const vault: SiteVault = {
            ...node,
            name: vaultName(node.props),
            location: peekString(node.props, "location"),
            resourceGroup: peekString(node.props, "resourceGroupName") ?? armIdPart(node.props, "resourceGroups"),
            servesHyperV: role(node.props) === ROLES.vault,
        };
        vaults.push(vault);
        push(vaultsByName, vault.name?.toLowerCase() ?? "", vault);
    }
    const vaultsNamed = (name: string | undefined, group: string | undefined): SiteVault[] =>
        (vaultsByName.get(name?.toLowerCase() ?? "\0") ?? []).filter(
            (vault) => group === undefined || vault.resourceGroup === undefined || sameAzureName(group, vault.resourceGroup),
        );
    const vaultByUrn = new Map(vaults.map((vault) => [vault.resource.urn, vault]));

    // A vault's child names its vault by `resourceName` (an input) or its ARM id (an output).
    const ownerOf = (node: SiteNode): SiteVault | undefined => {
        const name = peekString(node.props, "resourceName") ?? armIdPart(node.props, "vaults");
        const group = peekString(node.props, "resourceGroupName") ?? armIdPart(node.props, "resourceGroups");
        return vaultsNamed(name, group)[0] ?? node.resource.dependencies.map((dependency) => vaultByUrn.get(dependency.urn)).find((vault) => vault !== undefined);
    };

    // The resources of one kind an id names: by the id when known, else by what `properties` depends on.
    const named = (owner: SiteNode, ids: readonly (string | "unknown")[], is: (type: string) => boolean, input = "properties"): SiteNode[] => {
        const found = new Set<SiteNode>();
        for (const id of ids) {
            const node = id === "unknown" ? undefined : byId.get(keyOfId(id) ?? "");
            if (node !== undefined && is(node.resource.type)) {
                found.add(node);
            }
        }
        if (ids.includes("unknown")) {
            for (const dependency of owner.resource.propertyDependencies[input] ?? []) {
                const node = byUrn.get(dependency.urn);
                if (node !== undefined && is(node.resource.type)) {
                    found.add(node);
                }
            }
        }
        return [...found];
    };

    const storage = new Map<SiteVault, Map<SiteNode, Member>>();
    const networks = new Map<SiteVault, Map<SiteNode, Member & { role: Role }>>();
    const addMember = <M extends Member>(members: Map<SiteVault, Map<SiteNode, M>>, vault: SiteVault, member: M) => {
        const of = members.get(vault) ?? new Map<SiteNode, M>();
        members.set(vault, of);
        if (!of.has(member.node)) {
            of.set(member.node, member);
        }
    };

    for (const node of nodes) {
        const value = role(node.props);
        const storageRole = value !== undefined && STORAGE_ROLES.includes(value) && isStorageAccount(node.resource.type);
        const networkRole = value !== undefined && NETWORK_ROLES.includes(value) && isVirtualNetwork(node.resource.type);
        if (!storageRole && !networkRole) {
            continue;
        }
        const vaultTag = tag(node.props, VAULT_TAG);
        const [group, name] = vaultTag?.includes("/") ? vaultTag.split("/", 2) : [undefined, vaultTag];
        for (const vault of vaultsNamed(name, group)) {
            vault.servesHyperV = true;
            const via = `tagged ${ROLE_TAG}=${value}`;
            if (storageRole) {
                addMember(storage, vault, { node, by: "tag", via });
            } else {
                addMember(networks, vault, { node, by: "tag", via, role: value! });
            }
        }
    }

    const policies: HyperVPolicy[] = [];
    const items: HyperVItem[] = [];
    const mappings: ContainerMapping[] = [];
    const mappingsByContainer = new Map<string, ContainerMapping[]>();
    const subnetsByNetwork = new Map<string, SiteNode[]>();
    const peeringsByNetwork = new Map<string, SiteNode[]>();
    for (const node of nodes) {
        const type = node.resource.type;
        if (isReplicationPolicy(type)) {
            const settings = providerSpecific(node.props);
            if (settings === undefined || peekString(settings, "instanceType") !== "HyperVReplicaAzure") {
                continue;
            }
            const listed = idList(settings, "storageAccounts");
            const active = idSetting(settings, "activeStorageAccountId");
            const ids = [...listed, ...(active === undefined ? [] : [active])];
            const policy: HyperVPolicy = { ...node, vault: ownerOf(node), settings, accounts: named(node, ids, isStorageAccount), listsNone: ids.length === 0 };
            policies.push(policy);
            if (policy.vault !== undefined) {
                policy.vault.servesHyperV = true;
                for (const account of policy.accounts) {
                    addMember(storage, policy.vault, { node: account, by: "replication policy", via: `listed by replication policy ${node.resource.name}` });
                }
            }
        } else if (isNetworkMapping(type)) {
            const instanceType = peekString(node.props, "properties", "fabricSpecificDetails", "instanceType") ?? peekString(node.props, "properties", "fabricSpecificSettings", "instanceType");
            const vault = instanceType === "VmmToAzure" ? ownerOf(node) : undefined;
            const target = idSetting(peek(node.props, "properties"), "recoveryNetworkId");
            if (vault === undefined || target === undefined) {
                continue;
            }
            vault.servesHyperV = true;
            for (const network of named(node, [target], isVirtualNetwork)) {
                addMember(networks, vault, { node: network, by: "network mapping", via: `mapped by network mapping ${node.resource.name}`, role: ROLES.failoverNetwork });
            }
        } else if (isProtectedItem(type)) {
            const details = peek(node.props, "properties", "providerSpecificDetails");
            if (peekString(details, "instanceType") !== "HyperVReplicaAzure") {
                continue;
            }
            const vault = ownerOf(node);
            const target = idSetting(details, "targetStorageAccountId");
            const log = idSetting(details, "logStorageAccountId");
            const logIds = [...(log === undefined ? [] : [log]), ...idsIn(peek(details, "disksToIncludeForManagedDisks"), "logStorageAccountId")];
            const network = idSetting(details, "targetAzureNetworkId");
            const logNode = log === undefined || log === "unknown" ? undefined : named(node, [log], isStorageAccount)[0];
            // While a log id is unknown, the accounts the item depends on are its logs, unless a target account's id is unknown too.
            const logPending = logIds.includes("unknown");
            const targetNode = target === undefined || target === "unknown" ? undefined : byId.get(keyOfId(target) ?? "");
            const inferred = logPending && target !== "unknown" ? named(node, ["unknown"], isStorageAccount).filter((account) => account !== targetNode) : [];
            const logs = [...new Set([...named(node, logIds.filter((id) => id !== "unknown"), isStorageAccount), ...inferred])];
            const targetNetworks = named(node, network === undefined ? [] : [network], isVirtualNetwork);
            items.push({
                ...node,
                vault,
                log: logNode,
                logNamed: log !== undefined,
                logs,
                container: childKey(node.props, CONTAINER_PARTS),
                policy: policyRef(node),
                networks: targetNetworks,
            });
            if (vault === undefined) {
                continue;
            }
            vault.servesHyperV = true;
            const accountIds = [...(target === undefined ? [] : [target]), ...logIds];
            for (const account of named(node, accountIds, isStorageAccount)) {
                addMember(storage, vault, { node: account, by: "protected item", via: `targeted by protected item ${node.resource.name}` });
            }
            for (const target of targetNetworks) {
                addMember(networks, vault, { node: target, by: "protected item", via: `targeted by protected item ${node.resource.name}`, role: ROLES.failoverNetwork });
            }
        } else if (isContainerMapping(type)) {
            const mapping: ContainerMapping = { ...node, container: childKey(node.props, CONTAINER_PARTS), policy: policyRef(node) };
            mappings.push(mapping);
            if (mapping.container !== undefined) {
                push(mappingsByContainer, mapping.container, mapping);
            }
        } else if (isSubnet(type)) {
            // A subnet is in a network by the network's name, or through the input that names it while that is unknown.
            const network = peekString(node.props, "virtualNetworkName") ?? armIdPart(node.props, "virtualNetworks");
            const keys = new Set((node.resource.propertyDependencies.virtualNetworkName ?? []).map((dependency) => `urn:${dependency.urn}`));
            if (network !== undefined) {
                keys.add(`name:${network.toLowerCase()}`);
            }
            for (const key of keys) {
                push(subnetsByNetwork, key, node);
            }
        } else if (isVirtualNetworkPeering(type)) {
            // A peering leads to a network by the network's name, its id or a dependency on it.
            const local = peekString(node.props, "virtualNetworkName");
            const remote = peekString(node.props, "remoteVirtualNetwork", "id");
            const remoteKey = remote === undefined ? undefined : keyOfId(remote);
            const keys = new Set(node.resource.dependencies.map((dependency) => `urn:${dependency.urn}`));
            if (local !== undefined) {
                keys.add(`name:${local.toLowerCase()}`);
            }
            if (remoteKey !== undefined) {
                keys.add(`id:${remoteKey}`);
            }
            for (const key of keys) {
                push(peeringsByNetwork, key, node);
            }
        }
    }
    const order = new Map(nodes.map((node, index) => [node, index]));
    const subnetResourcesOf = (network: SiteNode): SiteNode[] => {
        const name = peekString(network.props, "name") ?? peekString(network.props, "virtualNetworkName");
        const keys = [`urn:${network.resource.urn}`, ...(name === undefined ? [] : [`name:${name.toLowerCase()}`])];
        return [...new Set(keys.flatMap((key) => subnetsByNetwork.get(key) ?? []))];
    };

    // The mappings each resource waits for, through any chain of dependencies, worked out
    // once per resource and only for the resources asked about and what they depend on.
    const mappingByUrn = new Map(mappings.map((mapping) => [mapping.resource.urn, mapping]));
    const mappingsReached = new Map<string, Set<ContainerMapping>>();
    const reach = (resource: PolicyResource): Set<ContainerMapping> => {
        let found = mappingsReached.get(resource.urn);
        if (found === undefined) {
            found = new Set();
            mappingsReached.set(resource.urn, found);
            for (const dependency of resource.dependencies) {
                const mapping = mappingByUrn.get(dependency.urn);
                if (mapping !== undefined) {
                    found.add(mapping);
                }
                for (const before of reach(dependency)) {
                    found.add(before);
                }
            }
        }
        return found;
    };
    const hyperVPolicyByToken = new Map(policies.map((policy) => [`urn:${policy.resource.urn}`, policy]));

    // Private endpoints, role assignments and locks name what they apply to by id, or, while
    // it is unknown, depend on it through the input that holds the id.
    // By URN: a vault is a copy of its node.
    const endpoints = new Map<string, { group: string; endpoint: SiteNode }[]>();
    const grants = new Map<string, { role: RoleName; principal: string | "unknown"; by: SiteNode }[]>();
    const locks = new Map<string, SiteNode[]>();
    const isTarget = (type: string) => isStorageAccount(type) || isVault(type) || isVirtualNetwork(type);
    const idIn = (props: unknown, ...path: (string | number)[]): string | "unknown" | undefined => {
        const value = peek(props, ...path);
        return value === UNKNOWN ? "unknown" : typeof value === "string" ? value : undefined;
    };
    for (const node of nodes) {
        const type = node.resource.type;
        if (isPrivateEndpoint(type)) {
            const connections = peek(node.props, "privateLinkServiceConnections");
            for (let index = 0; Array.isArray(connections) && index < connections.length; index++) {
                const service = idIn(connections, index, "privateLinkServiceId");
                const groups = peek(connections, index, "groupIds");
                for (const target of named(node, service === undefined ? [] : [service], isTarget, "privateLinkServiceConnections")) {
                    for (let g = 0; Array.isArray(groups) && g < groups.length; g++) {
                        const group = peekString(groups, g);
                        if (group !== undefined) {
                            push(endpoints, target.resource.urn, { group, endpoint: node });
                        }
                    }
                }
            }
        } else if (isRoleAssignment(type)) {
            const role = roleOf(peekString(node.props, "roleDefinitionId") ?? "");
            const scope = idIn(node.props, "scope");
            const principal = idIn(node.props, "principalId") ?? "unknown";
            for (const target of role === undefined || scope === undefined ? [] : named(node, [scope], isStorageAccount, "scope")) {
                push(grants, target.resource.urn, { role, principal, by: node });
            }
        } else if (isLockByScope(type)) {
            const level = peekString(node.props, "level");
            const scope = idIn(node.props, "scope");
            for (const target of level === "CanNotDelete" || level === "ReadOnly" ? named(node, scope === undefined ? [] : [scope], isTarget, "scope") : []) {
                push(locks, target.resource.urn, node);
            }
        }
    }

    return {
        vaults,
        policies,
        items,
        mappingsOf: (container) => mappingsByContainer.get(container) ?? [],
        mappingsBefore: (node) => [...reach(node.resource)],
        hyperVPolicyOf: (policy) => {
            const found = new Set([...(policy ?? [])].map((token) => hyperVPolicyByToken.get(token)));
            const [only] = found;
            return found.size === 1 ? only : undefined;
        },
        subnetsOf: (network) => {
            const inline = peek(network.inputs ?? network.props, "subnets");
            if (inline === UNKNOWN) {
                return undefined;
            }
            const names: (string | undefined)[] = [];
            for (let index = 0; Array.isArray(inline) && index < inline.length; index++) {
                names.push(peekString(inline, index, "name"));
            }
            for (const subnet of subnetResourcesOf(network)) {
                names.push(peekString(subnet.props, "subnetName") ?? peekString(subnet.props, "name"));
            }
            return names.every((each) => each !== undefined) ? (names as string[]) : undefined;
        },
        subnetResourcesOf,
        storageOf: (vault) => [...(storage.get(vault)?.values() ?? [])],
        privateEndpointsTo: (target, group) => (endpoints.get(target.resource.urn) ?? []).filter((each) => sameAzureName(each.group, group)).map((each) => each.endpoint),
        vaultRolesOn: (account, vault) => {
            const principal = peekString(vault.props, "identity", "principalId");
            // The vault's principal id is known once it exists; before that a grant to it depends on the vault.
            const toVault = (grant: { principal: string; by: SiteNode }) =>
                grant.principal === "unknown" ? grant.by.resource.propertyDependencies.principalId?.some((dependency) => dependency.urn === vault.resource.urn) === true : grant.principal === principal;
            return [...new Set((grants.get(account.resource.urn) ?? []).filter(toVault).map((grant) => grant.role))];
        },
        deleteLocksOn: (node) => locks.get(node.resource.urn) ?? [],
        networksOf: (vault, roles = NETWORK_ROLES) => [...(networks.get(vault)?.values() ?? [])].filter((member) => roles.includes(member.role)),
        peeringsOf: (network) => {
            const name = peekString(network.props, "name") ?? peekString(network.props, "virtualNetworkName");
            const key = identity(network);
            const inline = peek(network.props, "virtualNetworkPeerings");
            const names: string[] = [];
            // Each inline peering counts, one whose name is unknown too, as "a peering".
            for (let index = 0; Array.isArray(inline) && index < inline.length; index++) {
                names.push(`peering ${peekString(inline, index, "name") ?? "(name known after deployment)"}`);
            }
            const keys = [name === undefined ? undefined : `name:${name.toLowerCase()}`, key === undefined ? undefined : `id:${key}`, `urn:${network.resource.urn}`];
            const peerings = new Set(keys.flatMap((each) => (each === undefined ? [] : (peeringsByNetwork.get(each) ?? []))));
            for (const peering of [...peerings].sort((a, b) => order.get(a)! - order.get(b)!)) {
                names.push(`peering ${peering.resource.name}`);
            }
            return names;
        },
    };
}

let cache: { round: number; count: number; site: Site } | undefined;

/** The site model of the stack a stack policy is judging; built once for all stack policies of one AnalyzeStack. */
export function siteOf(resources: readonly PolicyResource[]): Site {
    const round = currentRound();
    if (cache === undefined || cache.round !== round || cache.count !== resources.length) {
        cache = { round, count: resources.length, site: build(resources) };
    }
    return cache.site;
}

/** True for an account tagged as holding replicated data or replication logs. */
export function isSiteRecoveryStorage(props: Record<string, unknown>): boolean {
    const value = role(props);
    return value !== undefined && STORAGE_ROLES.includes(value);
}
