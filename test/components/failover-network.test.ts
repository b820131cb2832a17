import { describe, expect, it } from "vitest";
import { FailoverNetwork, RecoveryVault } from "../../components";
import { ofType, only, record } from "../support/record";

describe("FailoverNetwork", () => {
    const args = {
        resourceGroupName: "rg-dr",
        location: "westeurope",
        vault: { vaultName: "rsv-dr", location: "westeurope" },
        virtualNetworkName: "vnet-dr",
        addressSpace: ["10.50.0.0/16"],
        subnets: [
            { name: "web", addressPrefix: "10.50.1.0/24" },
            { name: "sql", addressPrefix: "10.50.2.0/24" },
        ],
    };

    it("creates the network with named subnets, each behind its own NSG, created one after another", async () => {
        const recording = await record(() => new FailoverNetwork("failover", args));
        const component = only(recording, "asr-hyperv:index:FailoverNetwork");
        const vnet = only(recording, "azure-native:network:VirtualNetwork");
        expect(vnet.inputs).toMatchObject({
            virtualNetworkName: "vnet-dr",
            addressSpace: { addressPrefixes: ["10.50.0.0/16"] },
            tags: { "asr-hyperv:role": "failover-network", "asr-hyperv:vault": "rsv-dr" },
        });
        const subnets = ofType(recording, "azure-native:network:Subnet");
        const nsgs = ofType(recording, "azure-native:network:NetworkSecurityGroup");
        expect(subnets.map((s) => s.name).sort()).toEqual(["failover-subnet-sql", "failover-subnet-web"]);
        expect(nsgs.map((n) => n.inputs.networkSecurityGroupName).sort()).toEqual(["nsg-vnet-dr-sql", "nsg-vnet-dr-web"]);
        for (const resource of [vnet, ...subnets, ...nsgs]) {
            expect(resource.parent).toBe(component.urn);
        }
        const web = subnets.find((s) => s.inputs.subnetName === "web")!;
        const sql = subnets.find((s) => s.inputs.subnetName === "sql")!;
        expect(web.inputs.networkSecurityGroup).toEqual({ id: expect.stringMatching(/networkSecurityGroups\/nsg-vnet-dr-web$/) });
        expect(sql.dependencies).toContain(web.urn);
    });

    it("adds an isolated test network that mirrors the subnet names (A9, A10) and is never peered", async () => {
        const recording = await record(
            () => new FailoverNetwork("failover", { ...args, testFailover: { virtualNetworkName: "vnet-dr-test", addressSpace: ["10.99.0.0/16"] } }),
        );
        const vnets = ofType(recording, "azure-native:network:VirtualNetwork");
        expect(vnets.map((v) => (v.inputs.tags as Record<string, string>)["asr-hyperv:role"])).toEqual([
            "failover-network",
            "test-failover-network",
        ]);
        const testSubnets = ofType(recording, "azure-native:network:Subnet")
            .filter((s) => s.inputs.virtualNetworkName === "vnet-dr-test")
            .map((s) => `${s.inputs.subnetName} ${s.inputs.addressPrefix}`);
        expect(testSubnets.sort()).toEqual(["sql 10.99.2.0/24", "web 10.99.1.0/24"]);
        expect(recording.resources.some((r) => r.type.includes("Peering") || r.type.includes("Gateway"))).toBe(false);
    });

    it("takes the RecoveryVault itself: in its region, tagged with its name", async () => {
        const { location: _location, vault: _vault, ...rest } = args;
        const recording = await record(() => {
            const vault = new RecoveryVault("dr", { resourceGroupName: "rg-dr", location: "northeurope", vaultName: "rsv-dr" });
            return new FailoverNetwork("failover", { ...rest, vault });
        });
        for (const resource of [...ofType(recording, "azure-native:network:VirtualNetwork"), ...ofType(recording, "azure-native:network:NetworkSecurityGroup")]) {
            expect(resource.inputs, resource.urn).toMatchObject({ location: "northeurope", tags: { "asr-hyperv:vault": "rsv-dr" } });
        }
    });

    it("refuses a region other than the vault's (A2), a bad layout, and an overlapping test network (A10), naming the argument", () => {
        expect(() => new FailoverNetwork("n", { ...args, location: "eastus" })).toThrow(
            expect.objectContaining({
                message: expect.stringMatching(/^FailoverNetwork n: location: network is in "eastus" but the vault is in "westeurope" \(A2/),
                resource: expect.any(FailoverNetwork),
            }),
        );
        expect(() => new FailoverNetwork("n", { ...args, subnets: [{ name: "x", addressPrefix: "10.51.0.0/24" }] })).toThrow(
            /^FailoverNetwork n: subnets: subnet "x": 10\.51\.0\.0\/24 is outside the address space/,
        );
        expect(
            () => new FailoverNetwork("n", { ...args, testFailover: { virtualNetworkName: "t", addressSpace: ["10.50.0.0/16"] } }),
        ).toThrow(/^FailoverNetwork n: testFailover\.addressSpace: test network 10\.50\.0\.0\/16 overlaps failover network 10\.50\.0\.0\/16 \(A10/);
        expect(
            () => new FailoverNetwork("n", { ...args, testFailover: { virtualNetworkName: "t", addressSpace: ["10.99.0.0/24"] } }),
        ).toThrow(/^FailoverNetwork n: testFailover\.subnets: .*can't be mirrored/);
    });
});
