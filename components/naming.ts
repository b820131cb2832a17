import { createHash } from "node:crypto";

/**
 * Storage account names are global across Azure, 3-24 lowercase letters and digits.
 * The name is a short readable part plus a hash of what identifies the account, so it
 * is the same on every `pulumi up` of a stack and differs between stacks and
 * components. Nothing a deployment changes goes in (not the region, the resource group,
 * nor the Pulumi organization, which changes when a stack moves backend): a renamed
 * account would be a new, empty one, and replicas (A8) can't follow.
 */
export interface StorageAccountIdentity {
    project: string;
    stack: string;
    /** The owning component's Pulumi name, so two storage components in a stack differ. */
    component: string;
    /** Which account of the component: "std" holds standard data or logs, "prm" premium data. */
    role: "std" | "prm";
    /** Optional text that makes the names differ from another organization's same project and stack. */
    seed?: string | undefined;
}

const HASH_LENGTH = 14;

export function storageAccountName(identity: StorageAccountIdentity): string {
    const { project, stack, component, role, seed } = identity;
    const hash = createHash("sha256")
        .update([project, stack, component, role, ...(seed ? [seed] : [])].join("/"))
        .digest("hex")
        .slice(0, HASH_LENGTH);
    const readable = `${project}${stack}`.toLowerCase().replace(/[^a-z0-9]/g, "").slice(0, 24 - 3 - 3 - HASH_LENGTH);
    return `asr${role}${readable}${hash}`;
}

/** `<prefix>-<project>-<stack>` made fit for Azure names that allow letters, digits and hyphens. */
export function defaultResourceName(prefix: string, project: string, stack: string, maxLength: number): string {
    return `${prefix}-${project}-${stack}`
        .replace(/[^A-Za-z0-9-]/g, "-")
        .replace(/-+/g, "-")
        .slice(0, maxLength)
        .replace(/-+$/, "");
}

const NSG_MAX = 80;
const VNET_MAX = 64;
const SHORT_HASH = 8;

function shortHash(...parts: string[]): string {
    return createHash("sha256").update(parts.join("/")).digest("hex").slice(0, SHORT_HASH);
}

/** `<name>` cut to `max` without a trailing period or hyphen, which Azure refuses. */
function cut(name: string, max: number): string {
    return name.slice(0, max).replace(/[.-]+$/, "");
}

/** `nsg-<network>-<subnet>`, cut to Azure's 80 characters: each NSG's name unless it is another's too. */
export function networkSecurityGroupName(virtualNetworkName: string, subnetName: string): string {
    return cut(`nsg-${virtualNetworkName}-${subnetName}`, NSG_MAX);
}

/** A network and its subnets' names. */
export interface NetworkSubnetNames {
    virtualNetworkName: string;
    subnetNames: readonly string[];
}

/**
 * The NSG name of every subnet of `networks`, which share a resource group, where NSG names
 * are unique ignoring case; in the order given. Each is `networkSecurityGroupName`; where
 * two would read the same (cut at 80 characters: `management-1` and `management-2` of a
 * long network; or network `vnet` subnet `test-web` and network `vnet-test` subnet `web`),
 * each of those ends in a hash of its network and subnet instead. A name that never
 * collided keeps its name, since a renamed NSG is a new one.
 */
export function networkSecurityGroupNames(networks: readonly NetworkSubnetNames[]): string[][] {
    const plain = networks.map((network) => network.subnetNames.map((subnet) => networkSecurityGroupName(network.virtualNetworkName, subnet)));
    const uses = new Map<string, number>();
    for (const name of plain.flat()) {
        uses.set(name.toLowerCase(), (uses.get(name.toLowerCase()) ?? 0) + 1);
    }
    return plain.map((names, n) =>
        names.map((name, s) => {
            if (uses.get(name.toLowerCase()) === 1) {
                return name;
            }
            const network = networks[n]!;
            return `${cut(name, NSG_MAX - SHORT_HASH - 1)}-${shortHash(network.virtualNetworkName, network.subnetNames[s]!)}`;
        }),
    );
}

/**
 * The test-failover network's default name: `<network>-test`, the network's name cut so the
 * whole fits Azure's 64 characters. A 64-character network name ending in `-test` would
 * give its own name back; then a hash of it goes before `-test`.
 */
export function testNetworkName(virtualNetworkName: string): string {
    const name = `${virtualNetworkName.slice(0, VNET_MAX - "-test".length)}-test`;
    return name.toLowerCase() !== virtualNetworkName.toLowerCase()
        ? name
        : `${virtualNetworkName.slice(0, VNET_MAX - "-test".length - SHORT_HASH - 1)}-${shortHash(virtualNetworkName)}-test`;
}
