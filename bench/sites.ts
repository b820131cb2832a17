// Generated Site Recovery stacks for the benchmarks, registered as a program would register
// them (test/policies/support/fixtures.ts): every resource compliant, so what is measured is
// the pack's own work, not the reporting of violations.
import type { RecordedResource } from "../engine/recorder";
import { account, network, networkMapping, protectedItem, replicationPolicy, resource, TYPES, untaggedAccount, vault, idOf } from "../test/policies/support/fixtures";

export type Shape = "sites" | "one-site";

export const SHAPES: readonly Shape[] = ["sites", "one-site"];

/** In words, for the tables. */
export const SHAPE_NAMES: Record<Shape, string> = { sites: "sites of 10 resources", "one-site": "one site" };

const HUB_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub";

/**
 * Nine resources that serve `vaultName`: a tagged account, a log account tied only by the
 * protected items, a failover network peered to a hub, a test network (or, with
 * `testNetwork` false, a third protected item), a replication policy, a network mapping and
 * two protected items.
 */
function members(vaultName: string, suffix: string, testNetwork = true): RecordedResource[] {
    const data = account(`asrdata${suffix}`, {}, "replication-storage", vaultName);
    const log = untaggedAccount(`asrlog${suffix}`);
    const failover = network(`vnet-${suffix}`, {}, "failover-network", vaultName);
    const test = network(`vnet-test-${suffix}`, { addressSpace: { addressPrefixes: ["10.99.0.0/16"] } }, "test-failover-network", vaultName);
    const peering = resource(TYPES.peering, `peer-${suffix}`, {
        resourceGroupName: "rg-dr",
        virtualNetworkName: `vnet-${suffix}`,
        virtualNetworkPeeringName: `peer-${suffix}`,
        remoteVirtualNetwork: { id: HUB_ID },
    });
    const policy = replicationPolicy(`policy-${suffix}`, { replicationInterval: 300, recoveryPointHistoryDuration: 24 }, { vault: vaultName, accounts: [data] });
    const mapping = networkMapping(`mapping-${suffix}`, failover, { vault: vaultName });
    const item = (index: number) =>
        protectedItem(`vm-${suffix}-${index}`, { targetStorageAccountId: idOf(data), logStorageAccountId: idOf(log), targetAzureNetworkId: idOf(failover) }, vaultName);
    return [data, log, failover, testNetwork ? test : item(3), peering, policy, mapping, item(1), item(2)];
}

const HOLD_REPLICAS: readonly string[] = [TYPES.vault, TYPES.account, TYPES.item];

/** Vaults, accounts and protected items protected from `pulumi destroy`, as what holds replicas should be. */
function protectedData(resources: RecordedResource[]): RecordedResource[] {
    return resources.map((each) => (HOLD_REPLICAS.includes(each.type) ? { ...each, options: { ...each.options, protect: true } } : each));
}

/**
 * `count` resources (a multiple of 10) as `shape`: "sites" is count/10 vaults each with its
 * nine members; "one-site" is one vault with count-1 members and one test network, as a
 * site has: A10 compares every test network of a vault with each of its failover networks.
 */
export function generatedStack(shape: Shape, count: number): RecordedResource[] {
    return protectedData(shape === "sites" ? sites(count / 10) : oneSite(count));
}

function sites(count: number): RecordedResource[] {
    return Array.from({ length: count }, (_, site) => {
        const name = `rsv-dr-${site}`;
        return [vault(name, "westeurope", { tags: { "asr-hyperv:role": "vault", "asr-hyperv:vault": name } }), ...members(name, String(site))];
    }).flat();
}

function oneSite(count: number): RecordedResource[] {
    const units = Array.from({ length: Math.floor((count - 1) / 9) }, (_, unit) => members("rsv-dr", String(unit), unit === 0)).flat();
    return [vault("rsv-dr"), ...units];
}
