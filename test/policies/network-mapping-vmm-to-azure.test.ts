import { describe, expect, it } from "vitest";
import { network, networkMapping, vault, violations } from "./support/fixtures";
import { ourSiteViolations } from "./support/our-site";

const policy = "network-mapping-vmm-to-azure";

describe(policy, () => {
    const vnet = network("vnet");

    it.each([
        ["in a preview", false],
        ["once deployed", true],
    ])("passes a VmmToAzure mapping to Microsoft Azure and a virtual network, %s", async (_, deployed) => {
        expect(await violations([vault(), vnet, networkMapping("corp", vnet)], { policy, deployed })).toEqual([]);
    });

    it("fails a mapping to Microsoft Azure of another kind, or of none, before it is created", async () => {
        const vmmToVmm = networkMapping("corp", vnet, { instanceType: "VmmToVmm", recoveryFabricName: "Microsoft Azure" });
        expect(await violations([vault(), vnet, vmmToVmm], { policy })).toEqual([
            expect.objectContaining({
                enforcementLevel: "mandatory",
                urn: vmmToVmm.urn,
                message: 'corp: a mapping to "Microsoft Azure" is fabricSpecificDetails.instanceType "VmmToAzure", not "VmmToVmm"',
            }),
        ]);
        const untyped = { ...networkMapping("corp", vnet), inputs: { ...networkMapping("corp", vnet).inputs, properties: { recoveryFabricName: "Microsoft Azure", recoveryNetworkId: "/x" } } };
        expect((await violations([vault(), untyped], { policy })).map((violation) => violation.message)).toEqual([
            expect.stringMatching(/^corp: a mapping to "Microsoft Azure" needs fabricSpecificDetails.instanceType "VmmToAzure"; "\/x" is not a virtual network's id/),
        ]);
    });

    it("fails a VmmToAzure mapping naming another recovery fabric, or a subnet as its target", async () => {
        const subnetId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dr/providers/Microsoft.Network/virtualNetworks/vnet/subnets/web";
        const mapping = networkMapping("corp", vnet, { recoveryFabricName: "asr-a2a-default-westeurope" });
        const found = await violations([vault(), vnet, { ...mapping, inputs: { ...mapping.inputs, properties: { ...(mapping.inputs.properties as object), recoveryNetworkId: subnetId } } }], { policy });
        expect(found.map((violation) => violation.message)).toEqual([
            expect.stringMatching(/^corp: a VmmToAzure mapping names Azure as recoveryFabricName "Microsoft Azure", not "asr-a2a-default-westeurope"; "\/subscriptions\/.*is not a virtual network's id/),
        ]);
    });

    it("leaves Azure-to-Azure and VMM-to-VMM mappings alone", async () => {
        const stack = [vault(), vnet, networkMapping("a2a", vnet, { instanceType: "AzureToAzure" }), networkMapping("vmm", vnet, { instanceType: "VmmToVmm", recoveryFabricName: "vmm-recovery-fabric" })];
        expect(await violations(stack, { policy })).toEqual([]);
    });

    it.each([
        ["a preview", true],
        ["an update", false],
    ])("passes our VmmNetworkMapping in %s", async (_, preview) => {
        expect(await ourSiteViolations({}, preview, { policy })).toEqual([]);
    });
});
