import * as fc from "fast-check";

/** Stack config as Pulumi hands it to the program: `<namespace>:<key>` to text. */
export type RawConfig = Record<string, string>;

const json = (value: unknown) => JSON.stringify(value);
const pad = (text: string, spaces: boolean) => (spaces ? ` ${text} ` : text);

// Names Azure takes for a virtual network, long ones and ones that end like the test network's default included.
const vnetName = fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,20}[A-Za-z0-9_]$/),
    fc.integer({ min: 40, max: 64 }).map((length) => "v".repeat(length)),
    fc.constant(`${"v".repeat(59)}-test`),
    fc.constant(`${"v".repeat(59)}-TEST`),
);

// Subnet names that, behind a long network name, read alike once cut at 80 characters.
const subnetName = fc.oneof(
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,12}[A-Za-z0-9]$/),
    fc.integer({ min: 1, max: 9 }).map((n) => `management-${n}`),
    fc.constantFrom("web", "test-web", "data"),
);

// Tag names and values Azure takes, whatever their script: no < > % & \ ? /, no name every
// JavaScript object has, names at most 128 characters (the storage accounts' limit).
const tagName = fc
    .oneof(fc.string({ minLength: 1, maxLength: 20, unit: "grapheme" }), fc.constantFrom("costCenter", "valueOf2", "owner:team", "Ωμέγα", "環境"), fc.constant("n".repeat(128)))
    .filter((name) => !/[<>%&\\?/]/.test(name) && !(name in Object.prototype) && name.length <= 128 && !name.toLowerCase().startsWith("asr-hyperv:"));
const tags = fc.uniqueArray(fc.tuple(tagName, fc.oneof(fc.string({ maxLength: 30 }), fc.constant("v".repeat(256)))), {
    maxLength: 8,
    selector: ([name]) => name.toLowerCase(),
});

/** Valid configs, as a user would write them in Pulumi.<stack>.yaml: long names, alike subnet names, test spaces of any size that holds the subnets, CIDR blocks with spaces around, tags in any script. */
export const validConfig: fc.Arbitrary<RawConfig> = fc
    .record({
        resourceGroupName: fc.option(fc.constantFrom("rg-dr", "rg-zürich-١٢", "rg_(dr).prod", `rg-${"x".repeat(86)}`), { nil: undefined }),
        networkName: fc.option(vnetName, { nil: undefined }),
        octet: fc.integer({ min: 0, max: 63 }),
        spacePrefix: fc.integer({ min: 16, max: 20 }),
        subnets: fc.option(
            fc.uniqueArray(fc.tuple(subnetName, fc.integer({ min: 0, max: 15 })), { minLength: 1, maxLength: 5, selector: ([name]) => name.toLowerCase() }),
            { nil: undefined },
        ),
        test: fc.option(
            fc.record({ name: fc.option(vnetName, { nil: undefined }), growBy: fc.integer({ min: 0, max: 4 }) }),
            { nil: undefined },
        ),
        spaces: fc.boolean(),
        tags,
        performance: fc.constantFrom("Standard", "Premium"),
    })
    .filter(({ subnets }) => subnets === undefined || new Set(subnets.map(([, offset]) => offset)).size === subnets.length)
    .filter(({ networkName, test }) => test?.name === undefined || networkName === undefined || networkName.toLowerCase() !== test.name.toLowerCase())
    .map((c) => {
        const space = `10.${c.octet}.0.0/${c.spacePrefix}`;
        const testPrefix = c.spacePrefix - (c.test?.growBy ?? 0);
        const testSpace = `10.${128 + c.octet - (c.octet % 2 ** (c.test?.growBy ?? 0))}.0.0/${testPrefix}`;
        const network = {
            ...(c.networkName === undefined ? {} : { name: c.networkName }),
            addressSpace: [pad(space, c.spaces)],
            // Subnets /24 apart from the start of the space, which at /20 holds 16 of them.
            ...(c.subnets === undefined
                ? {}
                : { subnets: c.subnets.map(([name, offset]) => ({ name, addressPrefix: pad(`10.${c.octet}.${offset}.0/24`, c.spaces) })) }),
            ...(c.test === undefined ? {} : { testFailover: { ...(c.test.name === undefined ? {} : { name: c.test.name }), addressSpace: [testSpace] } }),
        };
        return {
            "azure-native:location": "westeurope",
            ...(c.resourceGroupName === undefined ? {} : { "asr-hyperv:resourceGroupName": c.resourceGroupName }),
            "asr-hyperv:storage": json({ performance: c.performance }),
            "asr-hyperv:network": json(network),
            "asr-hyperv:tags": json(Object.fromEntries(c.tags)),
        };
    });

/** A config broken on purpose in one way, and the key its message must name. */
export interface BrokenConfig {
    what: string;
    overrides: Record<string, string | undefined>;
    key: string;
}

const broken = (what: string, key: string, overrides: Record<string, string | undefined>): BrokenConfig => ({ what, key, overrides });

const badTags = fc.oneof(
    fc.constantFrom("", "a<b", "a>b", "50%", "R&D", "a\\b", "why?", "a/b", "n".repeat(129), "toString", "__proto__", "constructor", "asr-hyperv:Role").map((name) =>
        broken(`tag name ${JSON.stringify(name.slice(0, 20))}`, "asr-hyperv:tags", { "asr-hyperv:tags": `{${JSON.stringify(name)}:"v"}` }),
    ),
    fc.integer({ min: 257, max: 5000 }).map((length) => broken(`a tag value of ${length}`, "asr-hyperv:tags.t", { "asr-hyperv:tags": json({ t: "v".repeat(length) }) })),
    fc.integer({ min: 49, max: 200 }).map((count) =>
        broken(`${count} tags`, "asr-hyperv:tags", { "asr-hyperv:tags": json(Object.fromEntries(Array.from({ length: count }, (_, i) => [`t${i}`, "v"]))) }),
    ),
    fc.constant(broken("two tags alike but for case", "asr-hyperv:tags", { "asr-hyperv:tags": json({ Env: "a", ENV: "b" }) })),
    fc.constantFrom("[]", '"text"', "3", "null").map((value) => broken(`tags ${value}`, "asr-hyperv:tags", { "asr-hyperv:tags": value })),
);

// A block with a leading zero in one of its numbers.
const zeroPadded = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom("0", "00")).map(([part, zeros]) => {
    const parts = ["10", "50", "0", "0", "16"];
    parts[part] = `${zeros}${parts[part]}`;
    return `${parts.slice(0, 4).join(".")}/${parts[4]}`;
});

const badCidrs = fc.oneof(
    zeroPadded.map((block) => broken(`address space ${block}`, "asr-hyperv:network.addressSpace[0]", { "asr-hyperv:network": json({ addressSpace: [block] }) })),
    zeroPadded.map((block) =>
        broken(`test address space ${block}`, "asr-hyperv:network.testFailover", { "asr-hyperv:network": json({ addressSpace: ["10.60.0.0/16"], testFailover: { addressSpace: [block] } }) }),
    ),
    fc.constantFrom("203.0.113.07", "0203.0.113.0/24", "203.0.113.0/024").map((rule) =>
        broken(`IP rule ${rule}`, "asr-hyperv:storage.firewall.ipRules[0]", { "asr-hyperv:storage": json({ firewall: { ipRules: [rule] } }) }),
    ),
    fc.constantFrom("10.50.1.0 /24", "10.50.1.0/24/", "10.50.1.0", "10.50.1.256/24", "１0.50.1.0/24").map((prefix) =>
        broken(`subnet ${prefix}`, "asr-hyperv:network.subnets[0].addressPrefix", { "asr-hyperv:network": json({ subnets: [{ name: "web", addressPrefix: prefix }] }) }),
    ),
);

const badNames = fc.oneof(
    fc.constantFrom("²", "Ⅻ", "½", "𝟘", "٫", "\u200b").map((digit) => broken(`resource group with ${digit}`, "asr-hyperv:resourceGroupName", { "asr-hyperv:resourceGroupName": `rg-${digit}` })),
    fc.integer({ min: 51, max: 100_000 }).map((length) => broken(`vault name of ${length}`, "asr-hyperv:vault.name", { "asr-hyperv:vault": json({ name: "v".repeat(length) }) })),
    fc.constantFrom("rsv\u200bdr", "rsv\u202edr", "rsv dr", "rsv\u00a0dr").map((name) => broken("vault name with a hidden character", "asr-hyperv:vault.name", { "asr-hyperv:vault": json({ name }) })),
    vnetName.map((name) =>
        broken("test network named as the failover one", "asr-hyperv:network.testFailover.name", {
            "asr-hyperv:network": json({ name, testFailover: { name: name.toUpperCase(), addressSpace: ["10.99.0.0/16"] } }),
        }),
    ),
);

const crashes = fc.oneof(
    fc.integer({ min: 30, max: 32 }).map((prefix) => broken(`address space /${prefix}`, "asr-hyperv:network.addressSpace[0]", { "asr-hyperv:network": json({ addressSpace: [`10.50.0.0/${prefix}`] }) })),
    fc.integer({ min: 2, max: 1000 }).map((count) =>
        broken(`${count} alike subnets`, "asr-hyperv:network.subnets[", {
            "asr-hyperv:network": json({ subnets: Array.from({ length: count }, (_, i) => ({ name: `s${i}`, addressPrefix: "10.50.0.0/24" })) }),
        }),
    ),
    fc.integer({ min: 2, max: 1000 }).map((count) =>
        broken(`${count} alike address blocks`, "asr-hyperv:network.addressSpace[", { "asr-hyperv:network": json({ addressSpace: Array.from({ length: count }, () => "10.50.0.0/16") }) }),
    ),
    fc.integer({ min: 2, max: 1000 }).map((count) =>
        broken(`${count} bad IP rules`, "asr-hyperv:storage.firewall.ipRules[", {
            "asr-hyperv:storage": json({ firewall: { ipRules: Array.from({ length: count }, (_, i) => `10.1.${i >> 8}.${i & 255}`) } }),
        }),
    ),
    fc.integer({ min: 1000, max: 200_000 }).map((depth) =>
        broken(`lists ${depth} deep`, "asr-hyperv:vault", { "asr-hyperv:vault": `${"[".repeat(depth)}${"]".repeat(depth)}` }),
    ),
    fc.constantFrom("toString", "__proto__", "constructor", "valueOf").map((key) =>
        broken(`a key named ${key}`, `asr-hyperv:vault.${key}`, { "asr-hyperv:vault": `{${JSON.stringify(key)}:{"name":"x"}}` }),
    ),
);

// One letter added, dropped or changed, or the case changed: what a hand slips into.
const misspelledNamespace = fc
    .tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom("add", "drop", "change", "case"), fc.constantFrom("storage", "network", "vault", "tags", "protect"))
    .map(([at, how, key]) => {
        const ns = "asr-hyperv";
        const namespace =
            how === "add" ? `${ns.slice(0, at)}x${ns.slice(at)}` : how === "drop" ? `${ns.slice(0, at)}${ns.slice(at + 1)}` : how === "change" ? `${ns.slice(0, at)}q${ns.slice(at + 1)}` : ns.toUpperCase();
        return broken(`namespace ${namespace}`, `"${namespace}:${key}"`, { [`${namespace}:${key}`]: "{}" });
    });

const wrongTypes = fc
    .tuple(fc.constantFrom("vault", "storage", "network", "protect", "existingResourceGroup"), fc.constantFrom("[1]", '"text"', "42", "null", "{}", "true"))
    .filter(([key, value]) => !(value === "{}" && ["vault", "storage", "network"].includes(key)) && !(value === "true" && ["protect", "existingResourceGroup"].includes(key)))
    .map(([key, value]) => broken(`${key} = ${value}`, `asr-hyperv:${key}`, { [`asr-hyperv:${key}`]: value }));

const mirrorTooSmall = fc
    .integer({ min: 17, max: 23 })
    .map((prefix) =>
        broken(`a /${prefix} test space`, "asr-hyperv:network.testFailover.subnets", {
            "asr-hyperv:network": json({ addressSpace: ["10.50.0.0/16"], subnets: [{ name: "web", addressPrefix: "10.50.255.0/24" }], testFailover: { addressSpace: [`10.99.0.0/${prefix}`] } }),
        }),
    );

/** A site of one cloud with `vm` (and a second VM where asked): phase 2 as config writes it. */
const siteWith = (vm: Record<string, unknown>, more: Record<string, unknown>[] = []) => json({ vmmServer: "vmm01.contoso.com", clouds: [{ name: "Gold", vms: [{ name: "web01", osType: "Windows", ...vm }, ...more] }] });

const badReplication = fc.oneof(
    fc.integer({ min: -1000, max: 100_000 }).filter((seconds) => ![30, 300, 900].includes(seconds)).map((seconds) =>
        broken(`copy frequency ${seconds} s`, "asr-hyperv:replicationPolicies[0].copyFrequencySeconds", { "asr-hyperv:replicationPolicies": json([{ copyFrequencySeconds: seconds }]) }),
    ),
    fc.oneof(fc.integer({ min: 25, max: 10_000 }), fc.integer({ min: -10_000, max: -1 }), fc.double({ min: 0.1, max: 23.9, noNaN: true }).filter((hours) => !Number.isInteger(hours))).map((hours) =>
        broken(`retention ${hours} h`, "asr-hyperv:replicationPolicies[0].recoveryPointRetentionHours", { "asr-hyperv:replicationPolicies": json([{ recoveryPointRetentionHours: hours }]) }),
    ),
    fc.constantFrom("[1]", '"text"', "42", "null", "{}", "[]").map((value) => broken(`replication policies ${value}`, "asr-hyperv:replicationPolicies", { "asr-hyperv:replicationPolicies": value })),
    fc.constantFrom("[1]", '"text"', "42", "null", "{}", "[]").map((value) => broken(`site ${value}`, "asr-hyperv:site", { "asr-hyperv:site": value })),
    fc
        .string({ minLength: 1, maxLength: 80, unit: "grapheme" })
        .filter((name) => name.trim() !== "" && !/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(name.trim()))
        .map((name) => broken(`VM name ${JSON.stringify(name)}`, "asr-hyperv:site.clouds[0].vms[0].name", { "asr-hyperv:site": siteWith({ name }) })),
    fc.oneof(fc.integer({ min: -100, max: 0 }), fc.integer({ min: 8, max: 1000 })).map((group) =>
        broken(`boot group ${group}`, "asr-hyperv:site.clouds[0].vms[0].bootGroup", { "asr-hyperv:site": siteWith({ bootGroup: group }) }),
    ),
    fc.integer({ min: 17, max: 2000 }).map((count) =>
        broken(`${count} data disks`, "asr-hyperv:site.clouds[0].vms[0].dataDisks", { "asr-hyperv:site": siteWith({ dataDisks: Array.from({ length: count }, (_, d) => `d${d}.vhdx`) }) }),
    ),
    fc.integer({ min: 1, max: 1000 }).map((count) =>
        broken(`${count} more VMs of one name`, "asr-hyperv:site.clouds[0].vms[", {
            "asr-hyperv:site": siteWith({}, Array.from({ length: count }, (_, v) => ({ name: "WEB01", osType: "Linux", targetVmName: `web-${v}` }))),
        }),
    ),
    fc.constantFrom("toString", "__proto__", "constructor").map((key) =>
        broken(`a VM key named ${key}`, `asr-hyperv:site.clouds[0].vms[0].${key}`, { "asr-hyperv:site": siteWith({}).replace('"osType"', `${JSON.stringify(key)}:1,"osType"`) }),
    ),
);

/** Configs broken in every way the issue lists (one way each), with the key each must be refused at. */
export const brokenConfig: fc.Arbitrary<BrokenConfig> = fc.oneof(badTags, badCidrs, badNames, crashes, misspelledNamespace, wrongTypes, mirrorTooSmall, badReplication);
