import type { PolicyResource } from "@pulumi/policy";
import { sameAzureName } from "../rules/azure-names";
import { ROLE_TAG, ROLES, VAULT_TAG, type Role } from "../rules/role-tags";
import { ARM_PATHS, isNetworkMapping, isProtectedItem, isReplicationPolicy, isStorageAccount, isVault, isVirtualNetwork, isVirtualNetworkPeering } from "./azure-types";
import { isUnknown, known, knownIds, knownString } from "./known";
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

export interface HyperVItem extends SiteNode {
    vault: SiteVault | undefined;
    /** The log account it names, when known; `logNamed` says whether it names one at all. */
    log: SiteNode | undefined;
    logNamed: boolean;
}

export interface Site {
    vaults: SiteVault[];
    policies: HyperVPolicy[];
    items: HyperVItem[];
    storageOf(vault: SiteVault): Member[];
    networksOf(vault: SiteVault, roles?: readonly Role[]): Member[];
    /** Names of the peerings that start at or lead to `network`. */
    peeringsOf(network: SiteNode): string[];
}

const STORAGE_ROLES: readonly Role[] = [ROLES.replicationStorage, ROLES.logStorage];
const NETWORK_ROLES: readonly Role[] = [ROLES.failoverNetwork, ROLES.testFailoverNetwork];

function properties(node: SiteNode): Record<string, unknown> | undefined {
    return known(() => node.props.properties as Record<string, unknown> | undefined);
}

/** `<group>/<provider path>/<name>`, lower case: how ids are compared, whatever the subscription. */
function idKey(group: string | undefined, provider: string, name: string | undefined): string | undefined {
    return group === undefined || name === undefined ? undefined : `${group}/${provider}/${name}`.toLowerCase();
}

function keyOfId(id: string): string | undefined {
    const match = /\/resourceGroups\/([^/]+)\/providers\/([^/]+\/[^/]+)\/([^/]+)$/i.exec(id);
    return match === null ? undefined : idKey(match[1], match[2]!, match[3]);
}

/** The resource's id key: from its id when known, else from its resource group and name inputs. */
function identity(node: SiteNode): string | undefined {
    const id = knownString(() => node.props.id);
    if (id !== undefined) {
        return keyOfId(id);
    }
    const path = ARM_PATHS.find((candidate) => candidate.is(node.resource.type));
    const name = knownString(() => node.props.name) ?? knownString(() => node.props[path?.nameInput ?? ""]);
    return path === undefined ? undefined : idKey(knownString(() => node.props.resourceGroupName), path.provider, name);
}

/** An id-valued setting: the id when known, "unknown" when not known yet, undefined when absent. */
function idSetting(settings: Record<string, unknown> | undefined, key: string): string | "unknown" | undefined {
    if (settings === undefined || isUnknown(() => settings[key])) {
        return settings === undefined ? undefined : "unknown";
    }
    return knownString(() => settings[key]);
}

function build(resources: readonly PolicyResource[]): Site {
    const nodes = resources.map((resource): SiteNode => ({ resource, props: joinedProps(resource), inputs: observedInputs(resource) }));
    const byUrn = new Map(nodes.map((node) => [node.resource.urn, node]));
    const byId = new Map<string, SiteNode>();
    for (const node of nodes) {
        const key = ARM_PATHS.some((path) => path.is(node.resource.type)) ? identity(node) : undefined;
        if (key !== undefined) {
            byId.set(key, node);
        }
    }

    const vaults: SiteVault[] = [];
    const vaultsByName = new Map<string, SiteVault[]>();
    for (const node of nodes.filter((candidate) => isVault(candidate.resource.type))) {
        const vault: SiteVault = {
            ...node,
            name: vaultName(node.props),
            location: knownString(() => node.props.location),
            resourceGroup: knownString(() => node.props.resourceGroupName) ?? armIdPart(node.props, "resourceGroups"),
            servesHyperV: role(node.props) === ROLES.vault,
        };
        vaults.push(vault);
        const key = vault.name?.toLowerCase() ?? "";
        vaultsByName.set(key, [...(vaultsByName.get(key) ?? []), vault]);
    }
    const vaultsNamed = (name: string | undefined, group: string | undefined): SiteVault[] =>
        (vaultsByName.get(name?.toLowerCase() ?? "\0") ?? []).filter(
            (vault) => group === undefined || vault.resourceGroup === undefined || sameAzureName(group, vault.resourceGroup),
        );
    const vaultByUrn = new Map(vaults.map((vault) => [vault.resource.urn, vault]));

    // A vault's child names its vault by `resourceName` (an input) or its ARM id (an output).
    const ownerOf = (node: SiteNode): SiteVault | undefined => {
        const name = knownString(() => node.props.resourceName) ?? armIdPart(node.props, "vaults");
        const group = knownString(() => node.props.resourceGroupName) ?? armIdPart(node.props, "resourceGroups");
        return vaultsNamed(name, group)[0] ?? node.resource.dependencies.map((dependency) => vaultByUrn.get(dependency.urn)).find((vault) => vault !== undefined);
    };

    // The resources of one kind an id names: by the id when known, else by what `properties` depends on.
    const named = (owner: SiteNode, ids: readonly (string | "unknown")[], is: (type: string) => boolean): SiteNode[] => {
        const found = new Set<SiteNode>();
        for (const id of ids) {
            const node = id === "unknown" ? undefined : byId.get(keyOfId(id) ?? "");
            if (node !== undefined && is(node.resource.type)) {
                found.add(node);
            }
        }
        if (ids.includes("unknown")) {
            for (const dependency of owner.resource.propertyDependencies.properties ?? []) {
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
        const storageRole = isStorageAccount(node.resource.type) && value !== undefined && STORAGE_ROLES.includes(value);
        const networkRole = isVirtualNetwork(node.resource.type) && value !== undefined && NETWORK_ROLES.includes(value);
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
    for (const node of nodes) {
        if (isReplicationPolicy(node.resource.type)) {
            const settings = providerSpecific(node.props);
            if (settings === undefined || knownString(() => settings.instanceType) !== "HyperVReplicaAzure") {
                continue;
            }
            const listed = knownIds(() => settings.storageAccounts);
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
        } else if (isNetworkMapping(node.resource.type)) {
            const props = properties(node);
            const instanceType =
                knownString(() => (props?.fabricSpecificDetails as Record<string, unknown> | undefined)?.instanceType) ??
                knownString(() => (props?.fabricSpecificSettings as Record<string, unknown> | undefined)?.instanceType);
            const vault = instanceType === "VmmToAzure" ? ownerOf(node) : undefined;
            const target = idSetting(props, "recoveryNetworkId");
            if (vault === undefined || target === undefined) {
                continue;
            }
            vault.servesHyperV = true;
            for (const network of named(node, [target], isVirtualNetwork)) {
                addMember(networks, vault, { node: network, by: "network mapping", via: `mapped by network mapping ${node.resource.name}`, role: ROLES.failoverNetwork });
            }
        } else if (isProtectedItem(node.resource.type)) {
            const details = known(() => properties(node)?.providerSpecificDetails as Record<string, unknown> | undefined);
            if (details === undefined || knownString(() => details.instanceType) !== "HyperVReplicaAzure") {
                continue;
            }
            const vault = ownerOf(node);
            const target = idSetting(details, "targetStorageAccountId");
            const log = idSetting(details, "logStorageAccountId");
            const network = idSetting(details, "targetAzureNetworkId");
            const logNode = log === undefined || log === "unknown" ? undefined : named(node, [log], isStorageAccount)[0];
            items.push({ ...node, vault, log: logNode, logNamed: log !== undefined });
            if (vault === undefined) {
                continue;
            }
            vault.servesHyperV = true;
            const accountIds = [target, log].filter((id): id is string => id !== undefined);
            for (const account of named(node, accountIds, isStorageAccount)) {
                addMember(storage, vault, { node: account, by: "protected item", via: `targeted by protected item ${node.resource.name}` });
            }
            for (const target of named(node, network === undefined ? [] : [network], isVirtualNetwork)) {
                addMember(networks, vault, { node: target, by: "protected item", via: `targeted by protected item ${node.resource.name}`, role: ROLES.failoverNetwork });
            }
        }
    }

    const peerings = nodes.filter((node) => isVirtualNetworkPeering(node.resource.type));
    return {
        vaults,
        policies,
        items,
        storageOf: (vault) => [...(storage.get(vault)?.values() ?? [])],
        networksOf: (vault, roles = NETWORK_ROLES) => [...(networks.get(vault)?.values() ?? [])].filter((member) => roles.includes(member.role)),
        peeringsOf: (network) => {
            const name = knownString(() => network.props.name) ?? knownString(() => network.props.virtualNetworkName);
            const key = identity(network);
            const inline = known(() => network.props.virtualNetworkPeerings as unknown[] | undefined) ?? [];
            const names: string[] = [];
            // Index by index, so one peering whose name is unknown still counts, as "a peering".
            for (let index = 0; index < inline.length; index++) {
                names.push(`peering ${knownString(() => (inline[index] as Record<string, unknown>).name) ?? "(name known after deployment)"}`);
            }
            for (const peering of peerings) {
                const local = knownString(() => peering.props.virtualNetworkName);
                const remote = knownString(() => (peering.props.remoteVirtualNetwork as Record<string, unknown> | undefined)?.id);
                const leadsHere = (name !== undefined && sameAzureName(local, name)) || (remote !== undefined && key !== undefined && keyOfId(remote) === key);
                if (leadsHere || peering.resource.dependencies.some((dependency) => dependency.urn === network.resource.urn)) {
                    names.push(`peering ${peering.resource.name}`);
                }
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
