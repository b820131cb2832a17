import { afterEach, describe, expect, it, vi } from "vitest";
import { configuredSite, discoverSiteRecovery, DiscoveryError, type ConfiguredSiteNames, type SiteRequest, type VaultLocation } from "../../discovery";
import { CORP, FABRIC, GOLD, SUBSCRIPTION, TOKEN, WEB01, startStandIn } from "./arm-stand-in";

const vault: VaultLocation = { subscriptionId: SUBSCRIPTION, resourceGroupName: "rg-dr", vaultName: "rsv-dr" };

/** The names as Get-AzRecoveryServicesAsrFabric, -ProtectionContainer, -Network and -ProtectableItem show them, written into config once. */
const names: ConfiguredSiteNames = {
    fabricName: FABRIC,
    clouds: {
        Gold: {
            containerName: GOLD,
            vms: {
                web01: {
                    protectableItemName: WEB01,
                    hyperVVmId: "hyperv-web01",
                    osType: "Windows",
                    disks: { "web01-os.vhdx": "web01-os-vhd-id", "web01-data.vhdx": "web01-data-vhd-id" },
                    osDisk: "web01-os.vhdx",
                },
            },
        },
    },
    vmNetworks: { corp: CORP },
};

const request: SiteRequest = { vmmServer: "vmm01.contoso.local", clouds: [{ name: "Gold", vms: [{ name: "web01", disks: ["web01-data.vhdx"] }] }], vmNetworks: ["corp"] };

afterEach(() => {
    vi.unstubAllGlobals();
});

describe("configuredSite", () => {
    it("gives the same names discovery would, from config alone, with no network at all", async () => {
        const standIn = await startStandIn();
        let discovered: unknown;
        try {
            discovered = await discoverSiteRecovery(vault, request, { endpoint: standIn.endpoint, token: async () => TOKEN });
        } finally {
            await standIn.close();
        }
        const fetch = vi.fn();
        vi.stubGlobal("fetch", fetch);
        const configured = await configuredSite(vault, request, names);
        expect(fetch).not.toHaveBeenCalled();
        // ARM ids ignore case (the service writes "/Subscriptions/"), and config holds no disk sizes.
        const comparable = (site: unknown) => JSON.parse(JSON.stringify(site, (key, value: unknown) => (key === "maxSizeMB" ? undefined : value)).replaceAll("/Subscriptions/", "/subscriptions/")) as unknown;
        expect(comparable(configured)).toEqual(comparable(discovered));
        expect(configured.clouds.Gold?.vms.web01?.disks["web01-data.vhdx"]?.vhdId).toBe("web01-data-vhd-id");
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
