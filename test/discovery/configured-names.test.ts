import { afterEach, describe, expect, it, vi } from "vitest";
import { configuredSite, DiscoveryError, type ConfiguredSiteNames, type SiteRequest, type VaultLocation } from "../../discovery";

const SUBSCRIPTION = "c183865e-6077-46f2-a3b1-deb0f4f4650a";
const FABRIC = "b0cef6e9a4437b81803d0b55ada4f700ab66caae59c35d62723a1589c0cd13ac";
const GOLD = "cloud_6d224fc6-f326-5d35-96de-fbf51efb3179";
const FABRIC_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/vaults/rsv-dr/replicationFabrics/${FABRIC}`;

const vault: VaultLocation = { subscriptionId: SUBSCRIPTION, resourceGroupName: "rg-dr", vaultName: "rsv-dr" };

/** The names as Get-AzRecoveryServicesAsrFabric, -ProtectionContainer, -Network and -ProtectableItem show them, written into config once. */
const names: ConfiguredSiteNames = {
    fabricName: FABRIC,
    clouds: {
        Gold: {
            containerName: GOLD,
            vms: {
                web01: {
                    protectableItemName: "f8491e4f-817a-40dd-a90c-af773978c75b",
                    hyperVVmId: "hyperv-web01",
                    osType: "Windows",
                    disks: { "web01-os.vhdx": "web01-os-vhd-id", "web01-data.vhdx": "web01-data-vhd-id" },
                    osDisk: "web01-os.vhdx",
                },
            },
        },
    },
    vmNetworks: { corp: "e2267b5c-2650-49bd-ab3f-d66aae694c06" },
};

const request: SiteRequest = { vmmServer: "vmm01.contoso.local", clouds: [{ name: "Gold", vms: [{ name: "web01", disks: ["web01-data.vhdx"] }] }], vmNetworks: ["corp"] };

afterEach(() => {
    vi.unstubAllGlobals();
});

describe("configuredSite", () => {
    it("gives the same names discovery would, from config alone, with no network at all", async () => {
        const fetch = vi.fn();
        vi.stubGlobal("fetch", fetch);
        expect(await configuredSite(vault, request, names)).toEqual({
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
                            protectableItemName: "f8491e4f-817a-40dd-a90c-af773978c75b",
                            protectableItemId: `${FABRIC_ID}/replicationProtectionContainers/${GOLD}/replicationProtectableItems/f8491e4f-817a-40dd-a90c-af773978c75b`,
                            hyperVVmId: "hyperv-web01",
                            osType: "Windows",
                            disks: {
                                "web01-os.vhdx": { vhdName: "web01-os.vhdx", vhdId: "web01-os-vhd-id", operatingSystem: true },
                                "web01-data.vhdx": { vhdName: "web01-data.vhdx", vhdId: "web01-data-vhd-id", operatingSystem: false },
                            },
                        },
                    },
                },
            },
            vmNetworks: { corp: { vmNetworkName: "corp", networkName: names.vmNetworks!.corp, networkId: `${FABRIC_ID}/replicationNetworks/${names.vmNetworks!.corp}` } },
        });
        expect(fetch).not.toHaveBeenCalled();
    });

    it("reports what the request names but the config lacks, as discovery does", async () => {
        const wrong: SiteRequest = { ...request, clouds: [{ name: "Gold", vms: [{ name: "web02" }] }, { name: "Silver" }] };
        const error = await configuredSite(vault, wrong, names).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(DiscoveryError);
        expect((error as Error).message).toBe(
            [
                'Site Recovery names for "vmm01.contoso.local" in the configured Site Recovery names:',
                '  - VM "web02" not found in cloud "Gold" (there: "web01"); did you mean "web01"?',
                '  - cloud "Silver" not found in VMM server "vmm01.contoso.local" (there: "Gold"); add it, as Get-AzRecoveryServicesAsrProtectionContainer, -Network and -ProtectableItem show it, or let discovery find it',
            ].join("\n"),
        );
    });
});
