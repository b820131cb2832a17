import { describe, expect, it } from "vitest";
import { TYPES, UNKNOWN, idOf, nameOf, network, protectedItem, resource, vault, violations } from "./support/fixtures";
import { ourSiteViolations } from "./support/our-site";

const policy = "replica-subnet-in-target-network";
const subnet = (name: string, vnet: unknown = "vnet", inputs: Record<string, unknown> = {}) =>
    resource(TYPES.subnet, `vnet-${String(name)}`, { subnetName: name, resourceGroupName: "rg-dr", virtualNetworkName: vnet, addressPrefix: "10.50.1.0/24", ...inputs });
const SUBNET_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dr/providers/Microsoft.Network/virtualNetworks";

describe(policy, () => {
    describe.each([
        ["in a preview", false],
        ["once deployed", true],
    ])("%s", (_, deployed) => {
        const vnet = network("vnet", { subnets: [{ name: "web", addressPrefix: "10.50.1.0/24" }] });
        // A Subnet resource names its network by the network's name output, unknown in a preview.
        const sql = subnet("sql", nameOf(vnet));
        const item = (targetAzureSubnetId: string) => protectedItem("web01", { targetAzureNetworkId: idOf(vnet), targetAzureSubnetId });

        it("passes a subnet of the target network, inline or a resource of its own, by name in any case or by id", async () => {
            for (const name of ["web", "SQL", `${SUBNET_ID}/vnet/subnets/sql`]) {
                expect(await violations([vault(), vnet, sql, item(name)], { policy, deployed }), name).toEqual([]);
            }
        });

        it("fails a subnet the target network lacks, naming the network's subnets (A9)", async () => {
            const dmz = item("dmz");
            expect(await violations([vault(), vnet, sql, dmz], { policy, deployed })).toEqual([
                expect.objectContaining({
                    enforcementLevel: "mandatory",
                    urn: dmz.urn,
                    message: expect.stringMatching(/^protected item web01 \(target network vnet\): "dmz" is not a subnet of the target network \(subnets: web, sql\) \(A9: /),
                }),
            ]);
        });

        it("fails a subnet id of another network", async () => {
            const found = await violations([vault(), vnet, sql, item(`${SUBNET_ID}/vnet-test/subnets/web`)], { policy, deployed });
            expect(found.map((violation) => violation.message)).toEqual([expect.stringMatching(/is a subnet of virtual network "vnet-test", not of the target network "vnet" \(A9: /)]);
        });
    });

    it("takes the subnets of the target network only, a Subnet resource of another network matched by its name", async () => {
        const vnet = network("vnet");
        const stack = [vault(), vnet, network("vnet-test", {}, "test-failover-network"), subnet("web"), subnet("dmz", "vnet-test")];
        expect((await violations([...stack, protectedItem("web01", { targetAzureNetworkId: idOf(vnet), targetAzureSubnetId: "dmz" })], { policy }))[0]?.message).toMatch(
            /\(subnets: web\)/,
        );
    });

    it("does not judge a network outside the stack, one whose subnets are not all known yet, nor an item naming no subnet", async () => {
        const vnet = network("vnet");
        const outside = protectedItem("web01", { targetAzureNetworkId: `${SUBNET_ID}/hub`, targetAzureSubnetId: "dmz" });
        expect(await violations([vault(), vnet, subnet("web"), outside], { policy })).toEqual([]);
        const pending = protectedItem("web01", { targetAzureNetworkId: idOf(vnet), targetAzureSubnetId: "dmz" });
        expect(await violations([vault(), vnet, subnet("web"), subnet("later", "vnet", { subnetName: UNKNOWN }), pending], { policy })).toEqual([]);
        expect(await violations([vault(), vnet, subnet("web"), protectedItem("web01", { targetAzureNetworkId: idOf(vnet) })], { policy })).toEqual([]);
    });

    it.each([
        ["a preview", true],
        ["an update", false],
    ])("passes our components, ProtectedVm choosing among FailoverNetwork's subnets, in %s, and fails a subnet the network lacks", async (_, preview) => {
        expect(await ourSiteViolations({}, preview, { policy })).toEqual([]);
        const dmz = await ourSiteViolations({ vm: { targetSubnetNames: undefined, targetSubnetName: "dmz" } }, preview, { policy });
        expect(dmz.map((violation) => violation.message)).toEqual([expect.stringMatching(/^protected item web01 \(target network network-vnet\): "dmz" is not a subnet of the target network \(subnets: web, sql\)/)]);
    });
});
