import * as pulumi from "@pulumi/pulumi";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadStackConfig } from "../../config/load";
import { readStack } from "../../engine/project";
import { siteNames } from "../../stack/site-names";
import { MOCK_CLIENT_TOKEN, PLAN_CLIENT } from "../../engine/azure-mocks";
import { CORP, FABRIC, GOLD, WEB01, startStandIn, type StandIn } from "../discovery/arm-stand-in";
import { REPO_ROOT, ofType, recordStack } from "../support/record";

/** The site as a DR engineer writes it, with no ARM names: pulumi preview looks them up in the vault. */
const site = {
    vmmServer: "vmm01.contoso.local",
    vmNetworks: ["corp"],
    clouds: [{ name: "Gold", vms: [{ name: "web01" }] }],
};

function stack(vaultName: string, extra: Record<string, string> = {}): Record<string, string> {
    return {
        "asr-hyperv:resourceGroupName": "rg-dr",
        "asr-hyperv:vault": JSON.stringify({ name: vaultName }),
        "asr-hyperv:site": JSON.stringify(site),
        ...extra,
    };
}

let standIn: StandIn | undefined;
const hosts: string[] = [];

/** The ARM hosts asked; pages after the first follow the stand-in's own nextLink. */
const armHosts = () => new Set(hosts.filter((host) => !host.startsWith("127.0.0.1")));

/**
 * ARM, as the program reaches it with the deployment's credentials (the mocks' caller and
 * token), served by the stand-in: requests to Azure's ARM hosts go to it instead.
 */
async function armStandIn(): Promise<void> {
    standIn = await startStandIn(2, { subscription: PLAN_CLIENT.subscriptionId, token: MOCK_CLIENT_TOKEN });
    const endpoint = standIn.endpoint;
    const realFetch = globalThis.fetch;
    vi.stubGlobal("fetch", (url: string | URL, init?: RequestInit) => {
        const target = new URL(String(url));
        hosts.push(target.host);
        return realFetch(`${endpoint}${target.pathname}${target.search}`, init);
    });
}

afterEach(async () => {
    vi.unstubAllGlobals();
    await standIn?.close();
    standIn = undefined;
    hosts.length = 0;
});

describe("phase 2 with names looked up in the vault", () => {
    it("protects the VM by the names VMM shows: its OS type, OS disk and other disks as Site Recovery reports them", async () => {
        await armStandIn();
        const recording = await recordStack("dev", stack("rsv-dr"), true);
        const [item] = ofType(recording, "azure-native:recoveryservices:ReplicationProtectedItem");
        expect(item?.inputs).toMatchObject({
            fabricName: FABRIC,
            protectionContainerName: GOLD,
            replicatedProtectedItemName: WEB01,
            properties: {
                providerSpecificDetails: {
                    osType: "Windows",
                    vhdId: "web01-os-vhd-id",
                    hvHostVmId: "hyperv-web01",
                    disksToIncludeForManagedDisks: [
                        { diskId: "web01-os-vhd-id", diskType: "Standard_LRS" },
                        { diskId: "web01-data-vhd-id", diskType: "Standard_LRS" },
                    ],
                },
            },
        });
        expect(ofType(recording, "azure-native:recoveryservices:ReplicationNetworkMapping")[0]?.inputs.networkName).toBe(CORP);
        expect(armHosts()).toEqual(new Set(["management.azure.com"]));
        expect(new Set(standIn!.authorizations)).toEqual(new Set([`Bearer ${MOCK_CLIENT_TOKEN}`]));
    });

    it("stops before anything is created while the VMM server isn't registered, saying what to do", async () => {
        await armStandIn();
        await expect(recordStack("dev", stack("rsv-new"), true)).rejects.toThrow(
            /asr-hyperv:site: register the VMM server first: "vmm01\.contoso\.local" is not registered with vault rsv-new \(no server is registered\)\. Install the Azure Site Recovery Provider/,
        );
    });

    it("says to deploy phase 1 first when the vault isn't there to ask", async () => {
        await armStandIn();
        await expect(recordStack("dev", stack("rsv-gone"), true)).rejects.toThrow(
            /asr-hyperv:site: GET .*\/vaults\/rsv-gone\/replicationFabrics.* failed with HTTP 404 .*; if vault rsv-gone isn't deployed yet, deploy without asr-hyperv:site first, register the VMM server with it, then add the site/,
        );
    });

    it("asks the ARM of the cloud azure-native deploys to", async () => {
        await armStandIn();
        await recordStack("dev", stack("rsv-dr", { "azure-native:environment": "usgovernment" }), true);
        expect(armHosts()).toEqual(new Set(["management.usgovcloudapi.net"]));
        await expect(recordStack("dev", stack("rsv-dr", { "azure-native:environment": "germany" }), true)).rejects.toThrow(
            /azure-native:environment: "germany" names no cloud discovery knows; allowed: public, usgovernment, china; or set asr-hyperv:site\.names/,
        );
    });
});

describe("phase 2 with names written in config", () => {
    const { config } = loadStackConfig(readStack(REPO_ROOT, "site").config, "asr-hyperv", "site");

    /** Azure, as far as getReplicationFabric answers: with the fabric, or as for a server never registered. */
    function azureWith(registered: boolean): { token: string; inputs: Record<string, unknown> }[] {
        const calls: { token: string; inputs: Record<string, unknown> }[] = [];
        pulumi.runtime.setMocks(
            {
                newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
                call: (args) => {
                    calls.push({ token: args.token, inputs: args.inputs });
                    if (!registered) {
                        throw new Error("ResourceNotFound: The requested resource was not found.");
                    }
                    return { ...args.inputs, name: args.inputs.fabricName };
                },
            },
            "asr-hyperv",
            "site",
            true,
        );
        return calls;
    }

    it("asks the vault for the server's fabric, so nothing of phase 2 is created before registration", async () => {
        const calls = azureWith(true);
        const names = await siteNames(config, "sub");
        expect(names?.clouds.Gold?.vms.web01?.protectableItemName).toBe("3c0d2a4f-6e5b-4f7c-9d8e-0f1a2b3c4d5e");
        expect(calls).toEqual([
            { token: "azure-native:recoveryservices:getReplicationFabric", inputs: { resourceGroupName: "rg-asr-dr-site", resourceName: "rsv-asr-dr-site", fabricName: config.site!.names!.fabricName } },
        ]);
    });

    it("stops with what to do when the vault has no such fabric", async () => {
        azureWith(false);
        await expect(siteNames(config, "sub")).rejects.toThrow(
            /asr-hyperv:site\.names\.fabricName: fabric "4f3a[0-9a-f]+" of "vmm01\.contoso\.com" is not in vault rsv-asr-dr-site[^;]*; register the VMM server first, or, before phase 1, deploy without asr-hyperv:site/,
        );
    });
});
