import { describe, expect, it } from "vitest";
import { network, resource, TYPES, vault, violations } from "./support/fixtures";

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

    it("fails the untagged target of a network mapping in another region", async () => {
        const hub = resource(TYPES.vnet, "hub", { name: "hub", location: "eastus" });
        const mapping = resource(
            TYPES.mapping,
            "map",
            { resourceName: "rsv-dr", properties: { recoveryNetworkId: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" } },
            { propertyDependencies: { properties: [hub.urn] } },
        );
        expect((await violations([vault(), hub, mapping], { policy }))[0]?.message).toMatch(/virtual network hub \(mapped by network mapping map\)/);
    });

    it("never flags unrelated networks", async () => {
        expect(await violations([vault(), resource(TYPES.vnet, "corp", { location: "eastus" })], { policy })).toEqual([]);
    });
});
