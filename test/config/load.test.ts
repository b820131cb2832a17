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
            vault: { name: "rsv-asr-dr-dev", storageRedundancy: "GeoRedundant", publicNetworkAccess: "Enabled" },
            storage: { performance: "Standard", redundancy: "GRS", lock: false },
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
            [/asr-hyperv:network\.subnets\[0\]\.addressPrefix: 10\.60\.1\.0\/24 is outside the address space 10\.50\.0\.0\/16/],
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
            [/asr-hyperv:network\.subnets\[1\]\.addressPrefix: 10\.50\.1\.0\/24 overlaps subnets\[0\], 10\.50\.0\.0\/23/],
        ],
        [
            "a subnet with host bits set",
            network({ addressSpace: ["10.50.0.0/16"], subnets: [{ name: "a", addressPrefix: "10.50.1.7/24" }] }),
            [/asr-hyperv:network\.subnets\[0\]\.addressPrefix: "10\.50\.1\.7\/24" has host bits set; the block starts at 10\.50\.1\.0\/24/],
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
            [/asr-hyperv:network\.subnets\[1\]\.name: "APP" is the name of subnets\[0\] too \(names ignore case\)/, /A9/],
        ],
        [
            "a test network overlapping the failover network",
            network({ addressSpace: ["10.50.0.0/16"], testFailover: { addressSpace: ["10.50.128.0/17"] } }),
            [/asr-hyperv:network\.testFailover\.addressSpace: test network 10\.50\.128\.0\/17 overlaps failover network 10\.50\.0\.0\/16/, /A10/],
        ],
        [
            "a test network that can't mirror the subnets",
            network({ addressSpace: ["10.50.0.0/16"], subnets: [{ name: "web", addressPrefix: "10.50.8.0/24" }], testFailover: { addressSpace: ["10.99.0.0/22"] } }),
            [
                /asr-hyperv:network\.testFailover\.subnets: subnet "web" \(10\.50\.8\.0\/24, in 10\.50\.0\.0\/16\) can't be mirrored at the same offset: it would not fit in 10\.99\.0\.0\/22/,
                /give a test block as large as 10\.50\.0\.0\/16, or list the test subnets/,
            ],
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
            [/asr-hyperv:vault\.storageRedundency: unknown key; did you mean "storageRedundancy"\? allowed: name, storageRedundancy, publicNetworkAccess$/m],
        ],
        [
            "a misspelled top-level key",
            { "asr-hyperv:netwrok": JSON.stringify({}) },
            [/asr-hyperv:netwrok: unknown key; did you mean "network"\?/],
        ],
        ["a non-boolean protect", { "asr-hyperv:protect": "yes" }, [/^asr-hyperv:protect: "yes" is not true or false$/]],
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
            [/asr-hyperv:network\.subnets\[0\]\.name: "GatewaySubnet" is reserved for Azure services/],
        ],
        [
            "a private IP in the storage firewall",
            { "asr-hyperv:storage": JSON.stringify({ firewall: { ipRules: ["10.1.2.3"] } }) },
            [/asr-hyperv:storage\.firewall\.ipRules\[0\]: IP rule "10\.1\.2\.3" is a private address/],
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
        [
            "public network access Disabled without private replication",
            { "asr-hyperv:vault": JSON.stringify({ publicNetworkAccess: "Disabled" }) },
            [
                /^asr-hyperv:vault\.publicNetworkAccess: public network access is Disabled and no private endpoint of group AzureSiteRecovery reaches the vault: the VMM Provider can't register \(A13: .*\); configure asr-hyperv:privateReplication, or keep Enabled$/m,
            ],
        ],
        [
            "a storage firewall that admits no Hyper-V host",
            { "asr-hyperv:storage": JSON.stringify({ firewall: {} }) },
            [
                /^asr-hyperv:storage\.firewall\.ipRules: network rules deny by default and admit no address of the Hyper-V hosts .* \(A15: .*\); list the hosts' public egress addresses \(or their proxy's\), or set asr-hyperv:privateReplication\.blob: true/m,
            ],
        ],
        [
            "a delete lock on the vault",
            { "asr-hyperv:vault": JSON.stringify({ lock: true }) },
            [/^asr-hyperv:vault\.lock: no longer a key: a delete lock on the vault is inherited by its replication policies, .* \(A17: .*\); remove it: protect and soft delete guard the vault, and asr-hyperv:storage\.lock locks the accounts/m],
        ],
        [
            "private replication in a subnet the failover network doesn't have",
            { "asr-hyperv:privateReplication": JSON.stringify({ subnet: "dmz" }) },
            [/^asr-hyperv:privateReplication\.subnet: "dmz" is not a failover subnet; subnets: workloads, data, management \(or give subnetId, a subnet's resource id\)$/m],
        ],
        [
            "private replication with two subnets, or a malformed subnet id",
            { "asr-hyperv:privateReplication": JSON.stringify({ subnet: "management", subnetId: "pe" }) },
            [
                /^asr-hyperv:privateReplication: give subnet \(the name of a failover subnet\) or subnetId \(a subnet's resource id\), one of them$/m,
                /^asr-hyperv:privateReplication\.subnetId: subnet id "pe" is not \/subscriptions\//m,
            ],
        ],
    ])("rejects %s, naming the key, the value and what is allowed", (_, overrides, expected) => {
        const message = problems(overrides);
        for (const pattern of expected) {
            expect(message).toMatch(pattern);
        }
    });

    it.each<[string, Record<string, string | undefined>, RegExp[]]>([
        [
            "tags Azure refuses",
            {
                "asr-hyperv:tags": JSON.stringify({ "": "x", "a/b": "c", ["n".repeat(129)]: "v", long: "x".repeat(257), Env: "a", env: "b", "ASR-HYPERV:ROLE": "z" }),
            },
            [
                /^asr-hyperv:tags\[""\]: a tag name is empty/m,
                /^asr-hyperv:tags\["a\/b"\]: tag name "a\/b" holds "\/"; Azure tag names can't hold < > % & \\ \? \/$/m,
                /^asr-hyperv:tags\.n+: tag name "n+…" \(49 more characters\) has 129 characters; Azure allows 128 on a storage account$/m,
                /^asr-hyperv:tags\.long: tag "long" has a value of 257 characters; Azure allows 256$/m,
                /^asr-hyperv:tags\.env: tag name "env" is "Env" too: Azure tag names ignore case$/m,
                /^asr-hyperv:tags\["ASR-HYPERV:ROLE"\]: tag name "ASR-HYPERV:ROLE" is the tag asr-hyperv:role this project sets itself/m,
            ],
        ],
        [
            "more tags than Azure takes with the project's own",
            { "asr-hyperv:tags": JSON.stringify(Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`t${i}`, "v"]))) },
            [/^asr-hyperv:tags: 49 tags with the 2 this project adds is more than Azure's 50 per resource$/m],
        ],
        [
            "tags named like what every JavaScript object has",
            { "asr-hyperv:tags": '{"toString":"a","__proto__":"b","constructor":"c"}' },
            [/^asr-hyperv:tags\.toString: "toString" is a name every JavaScript object has/m, /^asr-hyperv:tags\.__proto__: /m, /^asr-hyperv:tags\.constructor: /m],
        ],
        [
            "CIDR blocks with leading zeros",
            network({ addressSpace: ["010.50.0.0/16"], subnets: [{ name: "web", addressPrefix: "10.50.01.0/24" }] }),
            [
                /^asr-hyperv:network\.addressSpace\[0\]: "010\.50\.0\.0\/16" has leading zeros, which tools read differently; write 10\.50\.0\.0\/16$/m,
                /^asr-hyperv:network\.subnets\[0\]\.addressPrefix: "10\.50\.01\.0\/24" has leading zeros.*write 10\.50\.1\.0\/24$/m,
            ],
        ],
        [
            "a resource group name with digits that are not decimal",
            { "asr-hyperv:resourceGroupName": "rg-dr-²" },
            [/^asr-hyperv:resourceGroupName: "rg-dr-²" may hold only letters, decimal digits/m],
        ],
        [
            "an address space too small for the default subnet",
            network({ addressSpace: ["10.50.0.0/30"] }),
            [/^asr-hyperv:network\.addressSpace\[0\]: can't hold the default subnet: 10\.50\.0\.0\/30 is smaller than Azure's smallest subnet, \/29; give a larger block, or list the subnets$/m],
        ],
        [
            "a test network named like the failover network",
            network({ name: "vnet-dr", testFailover: { name: "VNET-DR", addressSpace: ["10.99.0.0/16"] } }),
            [/^asr-hyperv:network\.testFailover\.name: "VNET-DR" is the failover network's name too, asr-hyperv:network\.name; Azure names ignore case/m],
        ],
        [
            "a misspelled namespace",
            { "asr-hypervv:storage": JSON.stringify({ performance: "Premium" }) },
            [/^"asr-hypervv:storage": unknown namespace "asr-hypervv"; did you mean "asr-hyperv:storage"\?/m],
        ],
        [
            "a misspelled namespace and key",
            { "asr-hyperv-:netwrok": JSON.stringify({}) },
            [/^"asr-hyperv-:netwrok": unknown namespace "asr-hyperv-"; did you mean "asr-hyperv:network"\?/m],
        ],
        [
            "the region in the project's namespace",
            { "azure-native:location": undefined, "asr-hyperv:location": "westeurope" },
            [/^asr-hyperv:location: unknown key; the region is azure-native:location/m, /^azure-native:location: required/m],
        ],
        [
            "a list where a map belongs",
            network(["10.50.0.0/16"]),
            [/^asr-hyperv:network: \["10\.50\.0\.0\/16"\] is not a map with the keys name, addressSpace, subnets, testFailover$/m],
        ],
        ["an empty subnet list", network({ subnets: [] }), [/^asr-hyperv:network\.subnets: is empty; list at least one subnet, or leave the key out for the default subnet$/m]],
        [
            "a name with an invisible character",
            { "asr-hyperv:vault": JSON.stringify({ name: "rsv\u200bdr" }) },
            [/^asr-hyperv:vault\.name: "rsv\\u200bdr" may hold only/m],
        ],
    ])("refuses %s, naming the key", (_, overrides, expected) => {
        const message = problems(overrides);
        for (const pattern of expected) {
            expect(message).toMatch(pattern);
        }
        expect(message).not.toMatch(/is not a object|item\(s\)|\n\s+at /);
    });

    it("cuts long values and long lists of problems short, saying how many more", () => {
        const longName = problems({ "asr-hyperv:vault": JSON.stringify({ name: "v".repeat(100_000) }) });
        expect(longName).toBe('asr-hyperv:vault.name: "' + "v".repeat(80) + '…" (99920 more characters) must be 2-50 characters (it has 100000)');
        const rules = problems({ "asr-hyperv:storage": JSON.stringify({ firewall: { ipRules: Array.from({ length: 1000 }, (_, i) => `10.0.${i >> 8}.${i & 255}`) } }) });
        expect(rules.split("\n")).toHaveLength(21);
        expect(rules).toMatch(/^asr-hyperv:storage\.firewall\.ipRules\[19\]: IP rule "10\.0\.0\.19" is a private address/m);
        expect(rules).toMatch(/^… and 980 more problems$/m);
        expect(rules.length).toBeLessThan(4000);
    });

    it.each([
        ["a thousand alike subnets", network({ addressSpace: ["10.50.0.0/16"], subnets: Array.from({ length: 1000 }, (_, i) => ({ name: `s${i}`, addressPrefix: "10.50.0.0/24" })) })],
        ["a thousand alike address blocks", network({ addressSpace: Array.from({ length: 1000 }, () => "10.50.0.0/16") })],
        ["a thousand subnets of one name", network({ subnets: Array.from({ length: 1000 }, (_, i) => ({ name: "web", addressPrefix: `10.50.${i >> 2}.${(i & 3) * 64}/26` })) })],
    ])("refuses %s in a bounded message", (_, overrides) => {
        const message = problems(overrides);
        expect(message.split("\n")).toHaveLength(21);
        expect(message).toMatch(/^… and \d+ more problems$/m);
    });

    it("drops spaces around CIDR blocks, so Azure gets the canonical form", () => {
        const { config } = load(network({ addressSpace: [" 10.50.0.0/16"], subnets: [{ name: "web", addressPrefix: "10.50.1.0/24 " }] }));
        expect(config.network).toMatchObject({ addressSpace: ["10.50.0.0/16"], subnets: [{ name: "web", addressPrefix: "10.50.1.0/24" }] });
    });

    it("mirrors the failover subnets at the same offsets into a larger test address space", () => {
        const { config } = load(
            network({ addressSpace: ["10.50.0.0/20"], subnets: [{ name: "web", addressPrefix: "10.50.1.0/24" }], testFailover: { addressSpace: ["10.99.0.0/16"] } }),
        );
        expect(config.network.testFailover?.subnets).toEqual([{ name: "web", addressPrefix: "10.99.1.0/24" }]);
    });

    it("names the test network apart from a failover network whose name its default would repeat", () => {
        const name = `${"v".repeat(59)}-test`;
        const { config } = load(network({ name, testFailover: { addressSpace: ["10.99.0.0/16"] } }));
        expect(config.network.testFailover?.name).toMatch(/^v{50}-[0-9a-f]{8}-test$/);
    });

    it("takes private replication in a failover subnet named in any case, which lets the vault close and the firewall admit hosts through blob endpoints", () => {
        const { config } = load({
            "asr-hyperv:vault": JSON.stringify({ publicNetworkAccess: "Disabled" }),
            "asr-hyperv:storage": JSON.stringify({ firewall: {}, lock: true }),
            "asr-hyperv:privateReplication": JSON.stringify({ subnet: "Management", blob: true }),
        });
        expect(config.privateReplication).toEqual({ subnet: "management", blob: true });
        expect(config.storage.lock).toBe(true);
        const elsewhere = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/hub/subnets/endpoints";
        expect(load({ "asr-hyperv:privateReplication": JSON.stringify({ subnetId: elsewhere }) }).config.privateReplication).toEqual({ subnetId: elsewhere, blob: false });
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
