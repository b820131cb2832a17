import { describe, expect, it } from "vitest";
import { TYPES, UNKNOWN, idOf, nameOf, network, resource, vault, violations } from "./support/fixtures";

const policy = "failover-subnets-have-nsg";
const subnet = (name: string, inputs: Record<string, unknown>) => resource(TYPES.subnet, name, { subnetName: name, resourceGroupName: "rg-dr", virtualNetworkName: "vnet", addressPrefix: "10.50.1.0/24", ...inputs });

describe(policy, () => {
    it("passes failover subnets each with an NSG, one whose id is not known yet too", async () => {
        const nsg = resource(TYPES.nsg, "nsg", { networkSecurityGroupName: "nsg", resourceGroupName: "rg-dr" });
        const stack = [vault(), network("vnet"), nsg, subnet("workloads", { networkSecurityGroup: { id: idOf(nsg) } }), subnet("data", { networkSecurityGroup: { id: UNKNOWN } })];
        expect(await violations(stack, { policy })).toEqual([]);
    });

    it("advises on a failover subnet without NSG, inline or a resource of its own", async () => {
        const bare = subnet("workloads", {});
        const inline = network("vnet-inline", { subnets: [{ name: "web", addressPrefix: "10.51.1.0/24" }] });
        const found = await violations([vault(), network("vnet"), bare, inline], { policy });
        expect(found.map((violation) => [violation.urn, violation.enforcementLevel, violation.message])).toEqual([
            [bare.urn, "advisory", "subnet workloads of virtual network vnet has no network security group"],
            [inline.urn, "advisory", "subnet web of virtual network vnet-inline has no network security group"],
        ]);
    });

    it("finds a subnet by the network its name input comes from while that name is not known", async () => {
        const failover = network("vnet");
        const bare = subnet("workloads", { virtualNetworkName: nameOf(failover) });
        const found = await violations([vault(), failover, bare], { policy });
        expect(found.map((violation) => [violation.urn, violation.message])).toEqual([[bare.urn, "subnet workloads of virtual network vnet has no network security group"]]);
    });

    it("leaves subnets of unrelated networks alone", async () => {
        expect(await violations([vault(), resource(TYPES.vnet, "corp", { virtualNetworkName: "corp", resourceGroupName: "rg" }), subnet("x", { virtualNetworkName: "corp" })], { policy })).toEqual([]);
    });
});
