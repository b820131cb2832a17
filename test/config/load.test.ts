import { describe, expect, it, vi } from "vitest";
import { ConfigError, loadStackConfig } from "../../config/load";
import { readStack } from "../../engine/project";
import { REPO_ROOT, recordStack } from "../support/record";

const dev = readStack(REPO_ROOT, "dev").config;

function load(overrides: Record<string, string | undefined>) {
    const raw: Record<string, string> = { ...dev };
    for (const [key, value] of Object.entries(overrides)) {
        if (value === undefined) {
            delete raw[key];
        } else {
            raw[key] = value;
        }
    }
    return loadStackConfig(raw, "asr-hyperv", "dev");
}

function problems(overrides: Record<string, string | undefined>): string {
    try {
        load(overrides);
    } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).problems.join("\n");
    }
    throw new Error("config was accepted");
}

const network = (value: object) => ({ "asr-hyperv:network": JSON.stringify(value) });

describe("loadStackConfig", () => {
    it("reads the dev stack", () => {
        const { config, warnings } = load({});
        expect(warnings).toEqual([]);
        expect(config).toMatchObject({
            location: "westeurope",
            resourceGroupName: "rg-asr-dr-dev",
            vault: { name: "rsv-asr-dr-dev", storageRedundancy: "GeoRedundant", publicNetworkAccess: "Enabled", lock: false },
            storage: { performance: "Standard", redundancy: "GRS" },
            protect: true,
        });
        expect(config.network.testFailover?.name).toBe("vnet-asr-dr-dev-test");
    });

    it("needs nothing but the region", () => {
        const { config } = loadStackConfig({ "azure-native:location": "northeurope" }, "asr-hyperv", "prod");
        expect(config).toMatchObject({
            location: "northeurope",
            resourceGroupName: "rg-asr-hyperv-prod",
            vault: { name: "rsv-asr-hyperv-prod", storageRedundancy: "GeoRedundant", publicNetworkAccess: "Enabled" },
            storage: { performance: "Standard", redundancy: "GRS" },
            network: { addressSpace: ["10.50.0.0/16"], subnets: [{ name: "default", addressPrefix: "10.50.0.0/24" }] },
            protect: true,
        });
    });

    it.each([
        ["West Europe", "westeurope"],
        ["UK South", "uksouth"],
        ["eastus2", "eastus2"],
        ["taiwannorth", "taiwannorth"],
        ["Denmark East", "denmarkeast"],
        ["israelnorthwest", "israelnorthwest"],
        ["malaysiasouth", "malaysiasouth"],
        ["USGov Virginia", "usgovvirginia"],
        ["chinanorth3", "chinanorth3"],
    ])("normalizes the region %s to %s", (given, expected) => {
        expect(load({ "azure-native:location": given })).toEqual({ config: expect.objectContaining({ location: expected }), warnings: [] });
    });

    it("accepts a region newer than its list, with a warning that names the key", () => {
        const { config, warnings } = load({ "azure-native:location": "Finland Central" });
        expect(config.location).toBe("finlandcentral");
        expect(warnings).toEqual([
            expect.stringMatching(/^azure-native:location: "Finland Central" is not a region this project knows .*deploying to it \(as finlandcentral\) anyway/),
        ]);
    });

    it.each<[string, Record<string, string | undefined>, RegExp[]]>([
        ["a missing region", { "azure-native:location": undefined }, [/azure-native:location: required/, /pulumi config set azure-native:location/]],
        ["a misspelled region", { "azure-native:location": "west-europe" }, [/azure-native:location: "west-europe" is not an Azure region; did you mean westeurope \("West Europe"\)\?/]],
        [
            "a region not shaped like one",
            { "azure-native:location": "Europe/Amsterdam" },
            [/azure-native:location: "Europe\/Amsterdam" is not an Azure region name; .* e\.g\. westeurope, "West Europe"/],
        ],
        [
            "ZRS storage",
            { "asr-hyperv:storage": JSON.stringify({ redundancy: "ZRS" }) },
            [/asr-hyperv:storage\.redundancy: "ZRS" is not allowed; allowed: GRS, RAGRS, LRS/, /A3/],
        ],
        [
            "a zone-redundant vault",
            { "asr-hyperv:vault": JSON.stringify({ storageRedundancy: "ZoneRedundant" }) },
            [/asr-hyperv:vault\.storageRedundancy: "ZoneRedundant" is not allowed; allowed: GeoRedundant, LocallyRedundant/, /A12/],
        ],
        [
            "an unknown performance tier",
            { "asr-hyperv:storage": JSON.stringify({ performance: "Ultra" }) },
            [/asr-hyperv:storage\.performance: "Ultra" is not allowed; allowed: Standard, Premium/],
        ],
        [
            "a subnet outside the address space",
            network({ addressSpace: ["10.50.0.0/16"], subnets: [{ name: "app", addressPrefix: "10.60.1.0/24" }] }),
            [/asr-hyperv:network: subnet "app": 10\.60\.1\.0\/24 is outside the address space 10\.50\.0\.0\/16/],
        ],
        [
            "overlapping subnets",
            network({
                addressSpace: ["10.50.0.0/16"],
                subnets: [
                    { name: "a", addressPrefix: "10.50.0.0/23" },
                    { name: "b", addressPrefix: "10.50.1.0/24" },
                ],
            }),
            [/asr-hyperv:network: subnets: 10\.50\.0\.0\/23 overlaps 10\.50\.1\.0\/24/],
        ],
        [
            "a subnet with host bits set",
            network({ addressSpace: ["10.50.0.0/16"], subnets: [{ name: "a", addressPrefix: "10.50.1.7/24" }] }),
            [/subnet "a": "10\.50\.1\.7\/24" has host bits set; the block starts at 10\.50\.1\.0\/24/],
        ],
        [
            "two subnets of one name",
            network({
                addressSpace: ["10.50.0.0/16"],
                subnets: [
                    { name: "app", addressPrefix: "10.50.1.0/24" },
                    { name: "APP", addressPrefix: "10.50.2.0/24" },
                ],
            }),
            [/subnet name "APP" is used twice/, /A9/],
        ],
        [
            "a test network overlapping the failover network",
            network({ addressSpace: ["10.50.0.0/16"], testFailover: { addressSpace: ["10.50.128.0/17"] } }),
            [/asr-hyperv:network\.testFailover\.addressSpace: test network 10\.50\.128\.0\/17 overlaps failover network 10\.50\.0\.0\/16/, /A10/],
        ],
        [
            "a test network that can't mirror the subnets",
            network({ addressSpace: ["10.50.0.0/16"], testFailover: { addressSpace: ["10.99.0.0/24"] } }),
            [/asr-hyperv:network\.testFailover\.subnets: 10\.99\.0\.0\/24 is not the size of 10\.50\.0\.0\/16/],
        ],
        [
            "a vault name Azure would reject",
            { "asr-hyperv:vault": JSON.stringify({ name: "1-vault" }) },
            [/asr-hyperv:vault\.name: "1-vault" may hold only letters, digits and hyphens, starting with a letter/],
        ],
        [
            "a vault name too long",
            { "asr-hyperv:vault": JSON.stringify({ name: `v${"x".repeat(50)}` }) },
            [/asr-hyperv:vault\.name: "vx+" must be 2-50 characters \(it has 51\)/],
        ],
        [
            "a misspelled nested key",
            { "asr-hyperv:vault": JSON.stringify({ storageRedundency: "GeoRedundant" }) },
            [/asr-hyperv:vault\.storageRedundency: unknown key; did you mean "storageRedundancy"\? allowed: name, storageRedundancy, publicNetworkAccess, lock/],
        ],
        [
            "a misspelled top-level key",
            { "asr-hyperv:netwrok": JSON.stringify({}) },
            [/asr-hyperv:netwrok: unknown key; did you mean "network"\?/],
        ],
        ["a non-boolean protect", { "asr-hyperv:protect": "yes" }, [/asr-hyperv:protect: "yes" is not a boolean/]],
        [
            "a resource group name Azure would reject",
            { "asr-hyperv:resourceGroupName": "rg-dr." },
            [/asr-hyperv:resourceGroupName: "rg-dr\." may hold only .* not ending in a period/],
        ],
        [
            "an existing resource group without its name",
            { "asr-hyperv:existingResourceGroup": "true", "asr-hyperv:resourceGroupName": undefined },
            [/asr-hyperv:existingResourceGroup: true needs asr-hyperv:resourceGroupName, the name of the existing group/],
        ],
        [
            "a subnet Azure keeps for its gateways",
            network({ addressSpace: ["10.50.0.0/16"], subnets: [{ name: "GatewaySubnet", addressPrefix: "10.50.255.0/27" }] }),
            [/subnet name "GatewaySubnet" is reserved for Azure services/],
        ],
        [
            "a private IP in the storage firewall",
            { "asr-hyperv:storage": JSON.stringify({ firewall: { ipRules: ["10.1.2.3"] } }) },
            [/asr-hyperv:storage\.firewall: IP rule "10\.1\.2\.3" is a private address/],
        ],
        [
            "a /32 range and a malformed subnet id in the storage firewall",
            { "asr-hyperv:storage": JSON.stringify({ firewall: { ipRules: ["203.0.113.7/32"], subnetIds: ["vnet/subnet"] } }) },
            [/IP rule "203\.0\.113\.7\/32": storage firewalls take ranges of \/30 or wider/, /subnet id "vnet\/subnet" is not \/subscriptions\//],
        ],
        [
            "public network access in lower case",
            { "asr-hyperv:vault": JSON.stringify({ publicNetworkAccess: "disabled" }) },
            [/asr-hyperv:vault\.publicNetworkAccess: "disabled" is not allowed; allowed: Enabled, Disabled/],
        ],
    ])("rejects %s, naming the key, the value and what is allowed", (_, overrides, expected) => {
        const message = problems(overrides);
        for (const pattern of expected) {
            expect(message).toMatch(pattern);
        }
    });

    it("reports every problem at once", () => {
        const message = problems({
            "azure-native:location": "westeurop",
            "asr-hyperv:storage": JSON.stringify({ redundancy: "ZRS" }),
        });
        expect(message.split("\n")).toHaveLength(2);
    });
});

describe("the stack with a region newer than the project's list", () => {
    it("logs the warning with pulumi.log.warn and deploys there", async () => {
        // Without an engine, as under mocks, pulumi.log.warn writes to the console.
        const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
        try {
            const recording = await recordStack("dev", { "azure-native:location": "finlandcentral" });
            expect(warn).toHaveBeenCalledWith(expect.stringContaining('azure-native:location: "finlandcentral" is not a region this project knows'));
            const locations = recording.resources.map((resource) => resource.inputs.location).filter((location) => location !== undefined);
            expect(new Set(locations)).toEqual(new Set(["finlandcentral"]));
        } finally {
            warn.mockRestore();
        }
    });
});

describe("the stack with bad config", () => {
    it("fails before any resource is registered", async () => {
        await expect(recordStack("dev", { "asr-hyperv:storage": JSON.stringify({ redundancy: "ZRS" }) })).rejects.toThrow(
            /asr-hyperv:storage\.redundancy: "ZRS" is not allowed/,
        );
    });
});
