import { describe, expect, it } from "vitest";
import { FailoverNetwork } from "../../components";
import { VmmNetworkMapping } from "../../components/vmm-network-mapping";
import { only, record } from "../support/record";

const VNET = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dr/providers/Microsoft.Network/virtualNetworks/vnet-dr";

describe("VmmNetworkMapping", () => {
    const args = {
        resourceGroupName: "rg-dr",
        vaultName: "rsv-dr",
        fabricName: "b0cef6e9a4437b81803d0b55ada4f700ab66caae59c35d62723a1589c0cd13ac",
        networkName: "e2267b5c-2650-49bd-ab3f-d66aae694c06",
    };

    it("maps the VMM VM network to the failover network, VmmToAzure, after the network exists", async () => {
        const recording = await record(() => {
            const network = new FailoverNetwork("network", {
                resourceGroupName: "rg-dr",
                vault: { vaultName: "rsv-dr", location: "westeurope" },
                virtualNetworkName: "vnet-dr",
                addressSpace: ["10.50.0.0/16"],
                subnets: [{ name: "workloads", addressPrefix: "10.50.1.0/24" }],
            });
            return new VmmNetworkMapping("corp", { ...args, recoveryNetworkId: network.virtualNetworkId });
        });
        const mapping = only(recording, "azure-native:recoveryservices:ReplicationNetworkMapping");
        expect(mapping.name).toBe("corp");
        expect(mapping.parent).toBe(only(recording, "asr-hyperv:index:VmmNetworkMapping").urn);
        expect(mapping.inputs).toEqual({
            resourceGroupName: "rg-dr",
            resourceName: "rsv-dr",
            fabricName: args.fabricName,
            networkName: args.networkName,
            networkMappingName: "corp",
            properties: {
                recoveryFabricName: "Microsoft Azure",
                recoveryNetworkId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dr/providers/Microsoft.Network/virtualNetworks/vnet-dr",
                fabricSpecificDetails: { instanceType: "VmmToAzure" },
            },
        });
        expect(mapping.dependencies).toContain(only(recording, "azure-native:network:VirtualNetwork").urn);
        expect(mapping.options.protect).toBe(false);
    });

    it("hands on the target network only once the mapping exists, so protected VMs wait for it", async () => {
        const recording = await record(() => {
            const mapping = new VmmNetworkMapping("corp", { ...args, recoveryNetworkId: VNET, networkMappingName: "corp-to-azure", protect: true });
            return new VmmNetworkMapping("lab", { ...args, networkName: "93ce99d7-1219-4914-aa61-73fe5023988e", recoveryNetworkId: mapping.recoveryNetworkId });
        });
        const [first, second] = recording.resources.filter((r) => r.type === "azure-native:recoveryservices:ReplicationNetworkMapping");
        expect(first!.inputs.networkMappingName).toBe("corp-to-azure");
        expect(first!.options.protect).toBe(true);
        expect(second!.dependencies).toContain(first!.urn);
        expect(second!.inputs.properties).toMatchObject({ recoveryNetworkId: VNET });
    });

    it("refuses a target that is no virtual network's id, naming the argument, against the component", () => {
        expect(() => new VmmNetworkMapping("corp", { ...args, recoveryNetworkId: `${VNET}/subnets/workloads` })).toThrow(
            expect.objectContaining({
                message: expect.stringMatching(/^VmmNetworkMapping corp: recoveryNetworkId "\/subscriptions\/.*" \(\d+ more characters\) is not a virtual network's id, \/subscriptions\/<id>/),
                resource: expect.any(VmmNetworkMapping),
            }),
        );
    });
});
