import { describe, expect, it } from "vitest";
import { network, networkMapping, resource, TYPES, vault, violations } from "./support/fixtures";

const policy = "network-in-vault-region";

describe(policy, () => {
    it("passes failover and test networks in the vault's region", async () => {
        const stack = [vault(), network("vnet"), network("vnet-test", { addressSpace: { addressPrefixes: ["10.99.0.0/16"] } }, "test-failover-network")];
        expect(await violations(stack, { policy })).toEqual([]);
    });

    it("fails a tagged network in another region (A2)", async () => {
        const far = network("vnet", { location: "eastus" });
        expect(await violations([vault(), far], { policy })).toEqual([
            expect.objectContaining({ urn: far.urn, message: expect.stringMatching(/virtual network vnet .* network is in "eastus" but the vault is in "westeurope".*A2/) }),
        ]);
    });

    it.each([false, true])("fails the untagged target of a VMM-to-Azure network mapping in another region (deployed: %s)", async (deployed) => {
        const hub = resource(TYPES.vnet, "hub", { virtualNetworkName: "hub", resourceGroupName: "rg-hub", location: "eastus" });
        const stack = [vault(), hub, networkMapping("map", hub)];
        expect((await violations(stack, { policy, deployed }))[0]?.message).toMatch(/virtual network hub \(mapped by network mapping map\)/);
    });

    it("does not judge the target of a mapping of another kind (Azure to Azure)", async () => {
        const hub = resource(TYPES.vnet, "hub", { virtualNetworkName: "hub", resourceGroupName: "rg-hub", location: "eastus" });
        expect(await violations([vault(), hub, networkMapping("map", hub, { instanceType: "AzureToAzure" })], { policy })).toEqual([]);
    });

    it("never flags unrelated networks", async () => {
        expect(await violations([vault(), resource(TYPES.vnet, "corp", { location: "eastus" })], { policy })).toEqual([]);
    });
});
