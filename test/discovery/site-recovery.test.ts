import * as pulumi from "@pulumi/pulumi";
import { afterEach, describe, expect, it } from "vitest";
import { DiscoveryError, discoverSiteRecovery, type SiteRequest, type VaultLocation } from "../../discovery";
import { CORP, DB01, FABRIC, GOLD, SUBSCRIPTION, TOKEN, WEB01, startStandIn, type StandIn } from "./arm-stand-in";

const vault: VaultLocation = { subscriptionId: SUBSCRIPTION, resourceGroupName: "rg-dr", vaultName: "rsv-dr" };
const VAULT_ID = `/Subscriptions/${SUBSCRIPTION}/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/vaults/rsv-dr`;
const FABRIC_ID = `${VAULT_ID}/replicationFabrics/${FABRIC}`;

/** What a DR engineer writes: the names VMM shows. */
const request: SiteRequest = {
    vmmServer: "vmm01.contoso.local",
    clouds: [{ name: "Gold", vms: [{ name: "web01", disks: ["web01-os.vhdx", "web01-data.vhdx"] }, { name: "db01" }] }, { name: "Silver" }],
    vmNetworks: ["corp"],
};

let standIn: StandIn | undefined;
afterEach(async () => {
    await standIn?.close();
    standIn = undefined;
});

async function discover(site: SiteRequest, options: { pageSize?: number; token?: string; location?: VaultLocation } = {}) {
    standIn = await startStandIn(options.pageSize);
    const token = options.token ?? TOKEN;
    return discoverSiteRecovery(options.location ?? vault, site, { endpoint: standIn.endpoint, token: async () => token });
}

describe("discoverSiteRecovery", () => {
    it("finds the names registration created by the names VMM shows, through the ARM REST API", async () => {
        const names = await discover(request);
        expect(names).toEqual({
            vmmServer: "vmm01.contoso.local",
            fabricName: FABRIC,
            fabricId: FABRIC_ID,
            clouds: {
                Gold: {
                    cloudName: "Gold",
                    containerName: GOLD,
                    containerId: `${FABRIC_ID}/replicationProtectionContainers/${GOLD}`,
                    vms: {
                        web01: {
                            vmName: "web01",
                            protectableItemName: WEB01,
                            protectableItemId: `${FABRIC_ID}/replicationProtectionContainers/${GOLD}/replicationProtectableItems/${WEB01}`,
                            hyperVVmId: "hyperv-web01",
                            osType: "Windows",
                            disks: {
                                "web01-os.vhdx": { vhdName: "web01-os.vhdx", vhdId: "web01-os-vhd-id", operatingSystem: true, maxSizeMB: 130048 },
                                "web01-data.vhdx": { vhdName: "web01-data.vhdx", vhdId: "web01-data-vhd-id", operatingSystem: false, maxSizeMB: 130048 },
                            },
                        },
                        db01: expect.objectContaining({ protectableItemName: DB01 }),
                    },
                },
                Silver: expect.objectContaining({ containerName: expect.stringMatching(/^cloud_/), vms: {} }),
            },
            vmNetworks: { corp: { vmNetworkName: "corp", networkName: CORP, networkId: `${FABRIC_ID}/replicationNetworks/${CORP}` } },
        });
    });

    it("sends the bearer token and api-version 2024-10-01, and follows nextLink across pages as given", async () => {
        const names = await discover(request, { pageSize: 1 });
        expect(Object.keys(names.clouds.Gold!.vms)).toEqual(["web01", "db01"]);
        expect(standIn!.authorizations.every((header) => header === `Bearer ${TOKEN}`)).toBe(true);
        const items = standIn!.requests.filter((path) => path.includes("/replicationProtectableItems"));
        expect(items).toEqual([
            `${FABRIC_ID}/replicationProtectionContainers/${GOLD}/replicationProtectableItems?api-version=2024-10-01`,
            // The spec's example nextLink names another API version: it is followed unchanged.
            `${FABRIC_ID}/replicationProtectionContainers/${GOLD}/replicationProtectableItems?api-version=2021-06-01&%24skipToken=1`,
        ]);
        expect(standIn!.requests.filter((path) => path.includes("/replicationNetworks"))).toHaveLength(3);
        // Silver asks for no VMs: its protectable items are not listed.
        expect(items.some((path) => path.includes("cloud_0a6d"))).toBe(false);
    });

    it("matches friendly names ignoring case, as VMM does", async () => {
        const names = await discover({ vmmServer: "VMM01.contoso.local", clouds: [{ name: "gold", vms: [{ name: "WEB01" }] }], vmNetworks: ["CORP"] });
        expect(names.clouds.gold!.containerName).toBe(GOLD);
        expect(names.clouds.gold!.vms.WEB01!.protectableItemName).toBe(WEB01);
        expect(names.vmNetworks.CORP!.networkName).toBe(CORP);
    });

    it("says to register the VMM server first when the vault has none", async () => {
        const error = await discover(request, { location: { ...vault, vaultName: "rsv-new" } }).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(DiscoveryError);
        expect((error as Error).message).toMatch(
            /^register the VMM server first: "vmm01.contoso.local" is not registered with vault rsv-new \(no server is registered\)\. Install the Azure Site Recovery Provider on it, register it with the vault's registration key \(valid 5 days\)/,
        );
        expect(standIn!.requests).toHaveLength(1);
    });

    it("says which server is registered instead, and the FQDN meant by a host name", async () => {
        await expect(discover({ ...request, vmmServer: "vmm02.fabrikam.local" })).rejects.toThrow(
            /^register the VMM server first: "vmm02.fabrikam.local" is not registered with vault rsv-dr \(registered: "vmm01.contoso.local"\)/,
        );
        await expect(discover({ ...request, vmmServer: "vmm01" })).rejects.toThrow(
            'VMM server "vmm01" not found in vault rsv-dr (there: "vmm01.contoso.local"); did you mean "vmm01.contoso.local"?',
        );
    });

    it("lists every cloud, VM, disk and VM network not found, each with what there is and a did-you-mean", async () => {
        const wrong: SiteRequest = {
            vmmServer: "vmm01.contoso.local",
            clouds: [{ name: "Gold", vms: [{ name: "web1", disks: ["web01-logs.vhdx"] }, { name: "web01", disks: ["web01-dat.vhdx"] }] }, { name: "Bronze" }],
            vmNetworks: ["corporate", "dmz"],
        };
        await expect(discover(wrong)).rejects.toThrow(
            [
                'Site Recovery names for "vmm01.contoso.local" in vault rsv-dr:',
                '  - VM "web1" not found in cloud "Gold" (there: "web01", "db01"); did you mean "web01"?',
                '  - disk "web01-dat.vhdx" not found in VM "web01" (there: "web01-os.vhdx", "web01-data.vhdx"); did you mean "web01-data.vhdx"?',
                '  - cloud "Bronze" not found in VMM server "vmm01.contoso.local" (there: "Gold", "Silver"); a cloud shows once the provider has synchronized it ("Synchronize cloud metadata" on VMM server "vmm01.contoso.local")',
                '  - VM network "corporate" not found in VMM server "vmm01.contoso.local" (there: "VSwitch_VLan", "lab", "corp"); a VM network shows once it is linked to a logical network of a protected cloud (P2)',
                '  - VM network "dmz" not found in VMM server "vmm01.contoso.local" (there: "VSwitch_VLan", "lab", "corp"); a VM network shows once it is linked to a logical network of a protected cloud (P2)',
            ].join("\n"),
        );
    });

    it("says what ARM answered, and what to check, when a list fails", async () => {
        await expect(discover(request, { token: "expired" })).rejects.toThrow(
            /failed with HTTP 401 \(InvalidAuthenticationToken: The access token is invalid\.\); the deployment's identity needs at least Reader on the vault$/,
        );
        await expect(discover(request, { location: { ...vault, vaultName: "rsv-gone" } })).rejects.toThrow(
            /^GET http:\/\/127\.0\.0\.1:\d+\/subscriptions\/.*\/vaults\/rsv-gone\/replicationFabrics\?api-version=2024-10-01 failed with HTTP 404 \(ResourceNotFound: .*\); check the subscription, resource group and vault name$/,
        );
    });

    it("in a program, lists with the deployment's own credentials: azure-native's getClientToken", async () => {
        const invoked: string[] = [];
        await pulumi.runtime.setMocks(
            {
                newResource: (args) => ({ id: args.name, state: args.inputs }),
                call: (args) => {
                    invoked.push(args.token);
                    return args.token === "azure-native:authorization:getClientToken" ? { token: TOKEN } : {};
                },
            },
            "asr-hyperv",
            "test",
            false,
        );
        standIn = await startStandIn();
        const names = await discoverSiteRecovery(vault, request, { endpoint: standIn.endpoint });
        expect(names.fabricName).toBe(FABRIC);
        expect(invoked).toEqual(expect.arrayContaining(["azure-native:authorization:getClientToken"]));
        expect(standIn.authorizations.every((header) => header === `Bearer ${TOKEN}`)).toBe(true);
    });
});
