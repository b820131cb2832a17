import { describe, expect, it } from "vitest";
import { network, resource, TYPES, vault, violations } from "./support/fixtures";

const policy = "test-failover-network-isolated";

const test = (props: Record<string, unknown> = {}) => network("vnet-test", { addressSpace: { addressPrefixes: ["10.99.0.0/16"] }, ...props }, "test-failover-network");

describe(policy, () => {
    it("passes a separate, unpeered test network", async () => {
        expect(await violations([vault(), network("vnet"), test()], { policy })).toEqual([]);
    });

    it("advises when the test network overlaps the failover network (A10)", async () => {
        const overlapping = test({ addressSpace: { addressPrefixes: ["10.50.128.0/17"] } });
        expect(await violations([vault(), network("vnet"), overlapping], { policy })).toEqual([
            expect.objectContaining({ enforcementLevel: "advisory", urn: overlapping.urn, message: expect.stringMatching(/overlaps failover network 10\.50\.0\.0\/16.*A10/) }),
        ]);
    });

    it("advises when the test network is peered, by separate or inline peering", async () => {
        const peering = resource(TYPES.peering, "test-to-hub", { virtualNetworkName: "vnet-test", remoteVirtualNetwork: { id: "/hub" } });
        expect((await violations([vault(), network("vnet"), test(), peering], { policy }))[0]?.message).toMatch(/connected through peering test-to-hub/);
        const inline = test({ virtualNetworkPeerings: [{ name: "to-prod" }] });
        expect((await violations([vault(), network("vnet"), inline], { policy }))[0]?.message).toMatch(/peering to-prod/);
    });
});
