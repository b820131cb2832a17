import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for Azure Resource Manager on 127.0.0.1 that serves the four Site Recovery
 * list operations discovery calls, shaped as the REST spec's 2024-10-01 examples are
 * (ReplicationFabrics_List, ReplicationProtectionContainers_ListByReplicationFabrics,
 * ReplicationNetworks_ListByReplicationFabrics,
 * ReplicationProtectableItems_ListByReplicationProtectionContainers): ids under
 * `/Subscriptions/`, names the service assigns, friendly names in `properties`, and long
 * lists cut into pages joined by `nextLink`.
 */

export const SUBSCRIPTION = "c183865e-6077-46f2-a3b1-deb0f4f4650a";
export const TOKEN = "stand-in-token";
export const FABRIC = "b0cef6e9a4437b81803d0b55ada4f700ab66caae59c35d62723a1589c0cd13ac";
export const GOLD = "cloud_6d224fc6-f326-5d35-96de-fbf51efb3179";
export const SILVER = "cloud_0a6d2a3c-5e1f-4b7a-9c8d-2e4f6a8b0c1d";
export const CORP = "e2267b5c-2650-49bd-ab3f-d66aae694c06";
export const WEB01 = "f8491e4f-817a-40dd-a90c-af773978c75b";
export const DB01 = "c0c14913-3d7a-48ea-9531-cc99e0e686e6";

/** A vault as the stand-in holds it: its registered VMM servers and what each has. */
interface StandInVault {
    resourceGroup: string;
    name: string;
    registered: boolean;
}

const VAULTS: StandInVault[] = [
    { resourceGroup: "rg-dr", name: "rsv-dr", registered: true },
    { resourceGroup: "rg-dr", name: "rsv-new", registered: false },
];

function vaultId(vault: StandInVault, subscription: string): string {
    return `/Subscriptions/${subscription}/resourceGroups/${vault.resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${vault.name}`;
}

function fabrics(vault: StandInVault, subscription: string): object[] {
    if (!vault.registered) {
        return [];
    }
    return [
        {
            name: FABRIC,
            type: "Microsoft.RecoveryServices/vaults/replicationFabrics",
            id: `${vaultId(vault, subscription)}/replicationFabrics/${FABRIC}`,
            properties: {
                friendlyName: "vmm01.contoso.local",
                encryptionDetails: { kekState: "None" },
                internalIdentifier: "6d224fc6-f326-5d35-96de-fbf51efb3179",
                bcdrState: "Valid",
                customDetails: { instanceType: "VMM" },
                healthErrorDetails: [],
                health: "Normal",
            },
        },
    ];
}

function containers(fabricId: string): object[] {
    return [
        ["Gold", GOLD],
        ["Silver", SILVER],
    ].map(([cloud, name]) => ({
        id: `${fabricId}/replicationProtectionContainers/${name}`,
        name,
        type: "Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers",
        properties: { fabricFriendlyName: "vmm01.contoso.local", friendlyName: cloud, fabricType: "VMM", protectedItemCount: 0, pairingStatus: "NotPaired", role: "" },
    }));
}

function networks(fabricId: string): object[] {
    return [
        ["VSwitch_VLan", "93ce99d7-1219-4914-aa61-73fe5023988e"],
        ["lab", "b83bf8fd-f304-48d7-82c9-5d74e6215c1b"],
        ["corp", CORP],
    ].map(([friendlyName, name]) => ({
        type: "Microsoft.RecoveryServices/vaults/replicationFabrics/replicationNetworks",
        id: `${fabricId}/replicationNetworks/${name}`,
        name,
        properties: { fabricType: "VMM", subnets: [], friendlyName, networkType: "NoIsolation" },
    }));
}

function protectableItem(containerId: string, vm: string, name: string, disks: [string, string, string][]): object {
    return {
        id: `${containerId}/replicationProtectableItems/${name}`,
        name,
        type: "Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectableItems",
        properties: {
            friendlyName: vm,
            protectionStatus: "Unprotected",
            recoveryServicesProviderId: `${containerId.split("/replicationProtectionContainers/")[0]}/replicationRecoveryServicesProviders/241641e6-ee7b-4ee4-8141-821fadda43fa`,
            protectionReadinessErrors: [],
            supportedReplicationProviders: ["HyperVReplicaAzure"],
            customDetails: {
                instanceType: "VmmVirtualMachine",
                sourceItemId: `hyperv-${vm}`,
                generation: "2",
                osDetails: { osType: "Windows" },
                diskDetails: disks.map(([vhdName, vhdId, vhdType]) => ({ maxSizeMB: 130048, vhdType, vhdId, vhdName })),
                hasPhysicalDisk: "NotPresent",
                hasFibreChannelAdapter: "NotPresent",
                hasSharedVhd: "NotPresent",
            },
        },
    };
}

function protectableItems(containerId: string): object[] {
    return containerId.endsWith(GOLD)
        ? [
              protectableItem(containerId, "web01", WEB01, [
                  ["web01-os.vhdx", "web01-os-vhd-id", "OperatingSystem"],
                  ["web01-data.vhdx", "web01-data-vhd-id", "DataDisk"],
              ]),
              protectableItem(containerId, "db01", DB01, [["db01-os.vhdx", "db01-os-vhd-id", "OperatingSystem"]]),
          ]
        : [];
}

/** What a running stand-in saw, and how to reach and stop it. */
export interface StandIn {
    endpoint: string;
    /** Path and query of every request, in order. */
    requests: string[];
    /** The Authorization header of every request, in order. */
    authorizations: (string | undefined)[];
    close(): Promise<void>;
}

function send(response: ServerResponse, status: number, body: object): void {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
}

/**
 * Lists of more than `pageSize` objects come in pages: each page's `nextLink` carries a
 * skip token and, as the spec's protectable-items example shows, may name another API
 * version than the first request did.
 */
export async function startStandIn(pageSize = 2, caller: { subscription?: string; token?: string } = {}): Promise<StandIn> {
    const subscription = caller.subscription ?? SUBSCRIPTION;
    const token = caller.token ?? TOKEN;
    const requests: string[] = [];
    const authorizations: (string | undefined)[] = [];
    let endpoint = "";
    const server = createServer((request: IncomingMessage, response: ServerResponse) => {
        requests.push(request.url ?? "");
        authorizations.push(request.headers.authorization);
        if (request.headers.authorization !== `Bearer ${token}`) {
            return send(response, 401, { error: { code: "InvalidAuthenticationToken", message: "The access token is invalid." } });
        }
        const url = new URL(request.url ?? "", endpoint);
        const path = url.pathname;
        const list = listAt(path, subscription);
        if (list === undefined) {
            return send(response, 404, { error: { code: "ResourceNotFound", message: `The Resource '${path}' was not found.` } });
        }
        const skip = Number(url.searchParams.get("$skipToken") ?? "0");
        const page = list.slice(skip, skip + pageSize);
        const next = skip + pageSize < list.length ? `${endpoint}${path}?api-version=2021-06-01&%24skipToken=${skip + pageSize}` : undefined;
        send(response, 200, next === undefined ? { value: page } : { value: page, nextLink: next });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
        endpoint,
        requests,
        authorizations,
        close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
    };
}

/** The list a path asks for; ARM paths ignore case. */
function listAt(path: string, subscription: string): object[] | undefined {
    for (const vault of VAULTS) {
        const prefix = vaultId(vault, subscription).toLowerCase();
        const lower = path.toLowerCase();
        if (!lower.startsWith(prefix)) {
            continue;
        }
        const rest = lower.slice(prefix.length);
        const fabricId = `${vaultId(vault, subscription)}/replicationFabrics/${FABRIC}`;
        if (rest === "/replicationfabrics") {
            return fabrics(vault, subscription);
        }
        if (!vault.registered) {
            return undefined;
        }
        if (rest === `/replicationfabrics/${FABRIC}/replicationprotectioncontainers`) {
            return containers(fabricId);
        }
        if (rest === `/replicationfabrics/${FABRIC}/replicationnetworks`) {
            return networks(fabricId);
        }
        for (const container of [GOLD, SILVER]) {
            if (rest === `/replicationfabrics/${FABRIC}/replicationprotectioncontainers/${container}/replicationprotectableitems`) {
                return protectableItems(`${fabricId}/replicationProtectionContainers/${container}`);
            }
        }
    }
    return undefined;
}
