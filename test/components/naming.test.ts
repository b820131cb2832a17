import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultResourceName, networkSecurityGroupName, networkSecurityGroupNames, storageAccountName, testNetworkName } from "../../components/naming";
import { azureName } from "../../policies/rules";

const identity = { project: "asr-hyperv", stack: "dev", component: "storage", role: "std" as const };

const networkName = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}[A-Za-z0-9_]$/);
const subnetName = fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/);

describe("storageAccountName", () => {
    it("is a valid, stable name for any project, stack and component", () => {
        fc.assert(
            fc.property(fc.string({ maxLength: 40 }), fc.string({ minLength: 1, maxLength: 40 }), fc.string({ minLength: 1 }), (project, stack, component) => {
                const name = storageAccountName({ project, stack, component, role: "prm" });
                expect(azureName("storageAccount", name)).toBeUndefined();
                expect(storageAccountName({ project, stack, component, role: "prm" })).toBe(name);
            }),
        );
    });

    it("differs by stack, component, role and seed, and by nothing else", () => {
        const names = [
            storageAccountName(identity),
            storageAccountName({ ...identity, stack: "prod" }),
            storageAccountName({ ...identity, component: "storage2" }),
            storageAccountName({ ...identity, role: "prm" }),
            storageAccountName({ ...identity, seed: "subscription-a" }),
        ];
        expect(new Set(names).size).toBe(names.length);
        expect(storageAccountName({ ...identity, seed: undefined })).toBe(names[0]);
    });
});

describe("defaultResourceName", () => {
    it("keeps letters, digits and single hyphens, within the length", () => {
        expect(defaultResourceName("rsv", "asr_hyperv", "dev.eu", 50)).toBe("rsv-asr-hyperv-dev-eu");
        expect(defaultResourceName("vnet", "p", "s".repeat(80), 64)).toHaveLength(64);
        expect(defaultResourceName("rg", "p", "stack--", 90)).toBe("rg-p-stack");
    });
});

describe("networkSecurityGroupName", () => {
    it("names the network and the subnet, within Azure's rules for any names they have", () => {
        expect(networkSecurityGroupName("vnet-dr", "web")).toBe("nsg-vnet-dr-web");
        fc.assert(
            fc.property(networkName, subnetName, (network, subnet) => {
                expect(azureName("networkSecurityGroup", networkSecurityGroupName(network, subnet))).toBeUndefined();
            }),
        );
    });
});

describe("networkSecurityGroupNames", () => {
    const long = "v".repeat(64);

    it("keeps every name that no other NSG of the resource group has", () => {
        expect(networkSecurityGroupNames([{ virtualNetworkName: "vnet-dr", subnetNames: ["web", "sql"] }])).toEqual([["nsg-vnet-dr-web", "nsg-vnet-dr-sql"]]);
        // Cut at 80 characters, but alone: today's name, so the NSG is not replaced.
        expect(networkSecurityGroupNames([{ virtualNetworkName: long, subnetNames: ["management-1"] }])).toEqual([[networkSecurityGroupName(long, "management-1")]]);
    });

    it("gives names that would be one a hash of their own", () => {
        const [names] = networkSecurityGroupNames([{ virtualNetworkName: long, subnetNames: ["management-1", "management-2", "web"] }]);
        expect(names![0]).toMatch(new RegExp(`^nsg-${long}-[a-z]{2}-[0-9a-f]{8}$`));
        expect(names![1]).toMatch(/-[0-9a-f]{8}$/);
        expect(names![1]).not.toBe(names![0]);
        expect(names![2]).toBe(`nsg-${long}-web`);
        // Across the networks of one group: network "vnet" subnet "test-web" and network "vnet-test" subnet "web".
        const [failover, test] = networkSecurityGroupNames([
            { virtualNetworkName: "vnet", subnetNames: ["test-web", "web"] },
            { virtualNetworkName: "vnet-test", subnetNames: ["test-web", "web"] },
        ]);
        expect(failover![0]!.toLowerCase()).not.toBe(test![1]!.toLowerCase());
        expect([failover![1], test![0]]).toEqual(["nsg-vnet-web", "nsg-vnet-test-test-web"]);
    });

    it("gives every subnet of networks with unique subnet names a valid name of its own", () => {
        fc.assert(
            fc.property(
                fc.uniqueArray(networkName, { minLength: 1, maxLength: 2, selector: (name) => name.toLowerCase() }),
                fc.uniqueArray(fc.oneof(subnetName, fc.constantFrom("management-1", "management-2", "test-web", "web")), {
                    minLength: 1,
                    maxLength: 6,
                    selector: (name) => name.toLowerCase(),
                }),
                (networks, subnets) => {
                    const names = networkSecurityGroupNames(networks.map((virtualNetworkName) => ({ virtualNetworkName, subnetNames: subnets }))).flat();
                    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
                    for (const name of names) {
                        expect(azureName("networkSecurityGroup", name)).toBeUndefined();
                    }
                },
            ),
        );
    });
});

describe("testNetworkName", () => {
    it("is the network's name and -test, cut to fit, and never the network's own", () => {
        expect(testNetworkName("vnet-dr")).toBe("vnet-dr-test");
        expect(testNetworkName("v".repeat(64))).toBe(`${"v".repeat(59)}-test`);
        const endsInTest = `${"v".repeat(59)}-TEST`;
        expect(testNetworkName(endsInTest)).toMatch(/^v{50}-[0-9a-f]{8}-test$/);
        fc.assert(
            fc.property(networkName, (network) => {
                const test = testNetworkName(network);
                expect(azureName("virtualNetwork", test)).toBeUndefined();
                expect(test.toLowerCase()).not.toBe(network.toLowerCase());
            }),
        );
    });
});
