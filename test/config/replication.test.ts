import { describe, expect, it } from "vitest";
import { ConfigError, loadStackConfig } from "../../config/load";
import { readStack } from "../../engine/project";
import { REPO_ROOT } from "../support/record";

const dev = readStack(REPO_ROOT, "dev").config;
const site = readStack(REPO_ROOT, "site").config;

function load(base: Record<string, string>, overrides: Record<string, unknown>) {
    const raw: Record<string, string> = { ...base };
    for (const [key, value] of Object.entries(overrides)) {
        if (value === undefined) {
            delete raw[`asr-hyperv:${key}`];
        } else {
            raw[`asr-hyperv:${key}`] = JSON.stringify(value);
        }
    }
    return loadStackConfig(raw, "asr-hyperv", "dev");
}

function problems(base: Record<string, string>, overrides: Record<string, unknown>): string {
    try {
        load(base, overrides);
    } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).problems.join("\n");
    }
    throw new Error("config was accepted");
}

/** The site stack's `site` section with `change` applied to its first VM. */
function siteWithVm(change: Record<string, unknown>) {
    const section = JSON.parse(site["asr-hyperv:site"]!) as { clouds: { vms: Record<string, unknown>[] }[] };
    section.clouds[0]!.vms[0] = { ...section.clouds[0]!.vms[0], ...change };
    return section;
}

describe("replication policies (phase 1)", () => {
    it("default to one policy with the portal's settings (R6)", () => {
        expect(load(dev, {}).config.replicationPolicies).toEqual([
            { name: "hyperv-to-azure", copyFrequencySeconds: 300, recoveryPointRetentionHours: 2, appConsistentFrequencyHours: 1 },
        ]);
    });

    it("take each setting from config, the rest from the portal", () => {
        const { config } = load(dev, { replicationPolicies: [{ name: "fast", copyFrequencySeconds: 30 }, { name: "slow", copyFrequencySeconds: 900, recoveryPointRetentionHours: 24 }] });
        expect(config.replicationPolicies.map((policy) => [policy.name, policy.copyFrequencySeconds, policy.recoveryPointRetentionHours])).toEqual([
            ["fast", 30, 2],
            ["slow", 900, 24],
        ]);
    });

    it.each([
        ["a copy frequency of 60 s (R1)", { copyFrequencySeconds: 60 }, /asr-hyperv:replicationPolicies\[0\]\.copyFrequencySeconds: copy frequency 60 s is not allowed; allowed: 30, 300, 900 seconds \(R1/],
        ["a retention of 25 h (R3)", { recoveryPointRetentionHours: 25 }, /asr-hyperv:replicationPolicies\[0\]\.recoveryPointRetentionHours: .*\(R3/],
        ["app-consistent snapshots less often than the retention (R4)", { recoveryPointRetentionHours: 2, appConsistentFrequencyHours: 3 }, /asr-hyperv:replicationPolicies\[0\]\.appConsistentFrequencyHours: .*\(R4/],
        ["a retention of 1.5 h", { recoveryPointRetentionHours: 1.5 }, /replicationPolicies\[0\]\.recoveryPointRetentionHours: 1\.5 is not a whole number/],
        ["a name with a space", { name: "gold policy" }, /asr-hyperv:replicationPolicies\[0\]\.name: must be 1-63 letters, digits, hyphens and underscores/],
    ])("refuse %s, naming the key and the fact", (_, policy, message) => {
        expect(problems(dev, { replicationPolicies: [policy] })).toMatch(message);
    });

    it("need a name each when there are several, and names apart", () => {
        expect(problems(dev, { replicationPolicies: [{ name: "a" }, {}] })).toMatch(/replicationPolicies\[1\]\.name: missing; name each policy/);
        expect(problems(dev, { replicationPolicies: [{ name: "gold" }, { name: "GOLD" }] })).toMatch(/replicationPolicies\[1\]\.name: "GOLD" is listed twice/);
    });

    it("refuse 30 seconds when replicas land in a premium account (R2)", () => {
        expect(problems(dev, { storage: { performance: "Premium" }, replicationPolicies: [{ copyFrequencySeconds: 30 }] })).toMatch(
            /replicationPolicies\[0\]\.copyFrequencySeconds: copy frequency 30 s is used with premium storage.*\(R2/,
        );
    });

    it("warn, not refuse, 30 seconds with premium managed disks, which the docs leave open (R2)", () => {
        const { warnings } = load(site, { replicationPolicies: [{ name: "gold-5min", copyFrequencySeconds: 30 }], site: siteWithVm({ diskType: "Premium_LRS" }) });
        expect(warnings).toEqual([expect.stringMatching(/^asr-hyperv:replicationPolicies\[0\]\.copyFrequencySeconds: 30 s with Premium_LRS replica disks.*say nothing of premium managed disks/)]);
    });
});

describe("where replicas land", () => {
    it("is managed disks by default, the standard account holding the logs", () => {
        expect(load(dev, {}).config.storage.replicas).toBe("ManagedDisks");
    });

    it("is the storage account with premium performance", () => {
        expect(load(dev, { storage: { performance: "Premium" } }).config.storage.replicas).toBe("StorageAccount");
    });

    it("refuses a premium account that would hold nothing (A5, A6)", () => {
        expect(problems(dev, { storage: { performance: "Premium", replicas: "ManagedDisks" } })).toMatch(
            /asr-hyperv:storage\.replicas: ManagedDisks keeps replicas on managed disks, so a premium account would hold nothing.*\(A6/,
        );
    });

    it("names the allowed modes", () => {
        expect(problems(dev, { storage: { replicas: "Blob" } })).toMatch(/asr-hyperv:storage\.replicas: "Blob" is not allowed; allowed: ManagedDisks, StorageAccount/);
    });
});

describe("the site (phase 2)", () => {
    it("reads the site stack: VMs by the names VMM shows, with their plan groups", () => {
        const { config, warnings } = load(site, {});
        expect(warnings).toEqual([]);
        expect(config.site?.clouds[0]).toMatchObject({
            name: "Gold",
            replicationPolicy: "gold-5min",
            recoveryPlan: { name: "gold-failover" },
            vms: [
                { name: "sql01", diskType: "StandardSSD_LRS", bootGroup: 1, dataDisks: ["sql01-data.vhdx", "sql01-log.vhdx"] },
                { name: "web01", diskType: "Standard_LRS", bootGroup: 2 },
            ],
        });
    });

    it.each([
        ["a target subnet not in the failover network (A9)", { targetSubnet: "dmz" }, /asr-hyperv:site\.clouds\[0\]\.vms\[0\]\.targetSubnet: "dmz" is not a subnet of the failover network \(network\.subnets\) \(subnets: web, sql\).*\(A9/],
        ["a name Azure won't take for a VM (V1)", { name: "sql_01" }, /asr-hyperv:site\.clouds\[0\]\.vms\[0\]\.name: "sql_01" may hold only letters, digits and hyphens.*set targetVmName.*\(V1/],
        ["a target name Azure won't take (V1)", { targetVmName: "-sql" }, /vms\[0\]\.targetVmName: "-sql" may hold only.*\(V1/],
        ["another VM's Azure name", { targetVmName: "web01" }, /vms\[1\]\.targetVmName: "web01" is another VM's Azure name too/],
        ["its OS disk among the data disks", { dataDisks: ["sql01-os.vhdx"] }, /vms\[0\]\.dataDisks: lists the OS disk "sql01-os.vhdx"; list only data disks/],
        ["17 data disks (V4)", { dataDisks: Array.from({ length: 17 }, (_, index) => `d${index}.vhdx`) }, /vms\[0\]\.dataDisks: lists more than 16 disks.*\(V4/],
        ["boot group 8", { bootGroup: 8 }, /vms\[0\]\.bootGroup: must be 1-7; a recovery plan holds at most 7 groups/],
        ["an Ultra disk type", { diskType: "UltraSSD_LRS" }, /vms\[0\]\.diskType: "UltraSSD_LRS" is not allowed; allowed: Standard_LRS, StandardSSD_LRS, Premium_LRS/],
        ["an OS type Site Recovery doesn't prepare", { osType: "Solaris" }, /vms\[0\]\.osType: "Solaris" is not allowed; allowed: Windows, Linux/],
        ["a misspelled key", { nic: 1 }, /site\.clouds\[0\]\.vms\[0\]\.nic: unknown key; did you mean "name"\? allowed: name, osType, osDisk, dataDisks/],
    ])("refuses a VM with %s, naming the key", (_, change, message) => {
        expect(problems(site, { site: siteWithVm(change) })).toMatch(message);
    });

    it("refuses a cloud's policy that isn't configured, listing those that are", () => {
        const section = JSON.parse(site["asr-hyperv:site"]!) as { clouds: Record<string, unknown>[] };
        section.clouds[0]!.replicationPolicy = "silver";
        expect(problems(site, { site: section })).toMatch(/asr-hyperv:site\.clouds\[0\]\.replicationPolicy: "silver" is not a configured policy; policies \(replicationPolicies\): "gold-5min"/);
    });

    it("refuses names of mappings and plans that would overwrite each other in the vault, or that Azure won't take", () => {
        const twoClouds = (second: Record<string, unknown>) => {
            const section = JSON.parse(site["asr-hyperv:site"]!) as { clouds: Record<string, unknown>[] };
            section.clouds.push({ vms: [{ name: "app01", osType: "Linux" }], ...second });
            return section;
        };
        expect(problems(site, { site: twoClouds({ name: "Gold", recoveryPlan: { name: "other" } }) })).toMatch(/site\.clouds\[1\]\.name: "Gold" is listed twice/);
        expect(problems(site, { site: twoClouds({ name: "Silver", recoveryPlan: { name: "gold-failover" } }) })).toMatch(
            /asr-hyperv:site\.clouds\[1\]\.recoveryPlan\.name: gives the recovery plan the name "gold-failover", as site\.clouds\[0\]\.recoveryPlan\.name does; they would overwrite each other in the vault/,
        );
        const section = JSON.parse(site["asr-hyperv:site"]!) as { clouds: Record<string, unknown>[] };
        section.clouds.push({ name: "Gold 2", vms: [{ name: "app02", osType: "Linux" }] }, { name: "Gold-2", vms: [{ name: "app03", osType: "Linux" }] });
        expect(problems(site, { site: section })).toMatch(/site\.clouds\[2\]\.name: gives the container mapping the name "Gold-2-to-azure", as site\.clouds\[1\]\.name does/);
        expect(problems(site, { site: twoClouds({ name: "c".repeat(60) }) })).toMatch(
            /site\.clouds\[1\]\.name: gives the container mapping the name "c{60}-to-azure", which must be 1-63 letters.*; shorten it or name the container mapping/,
        );
    });

    it("warns of a source subnet that is no failover subnet, where the replica falls back to the first (A9)", () => {
        const { warnings } = load(site, { site: siteWithVm({ sourceSubnet: "sqll" }) });
        expect(warnings).toEqual([expect.stringMatching(/^asr-hyperv:site\.clouds\[0\]\.vms\[0\]\.sourceSubnet: "sqll" is no failover subnet, so the replica joins the first, "web" \(A9/)]);
    });

    it("refuses an empty VM size, saying what to give", () => {
        expect(problems(site, { site: siteWithVm({ targetVmSize: " " }) })).toMatch(/vms\[0\]\.targetVmSize: is empty; give an Azure VM size such as Standard_D2s_v5/);
    });

    it("refuses a VM listed twice and a site without clouds", () => {
        const section = JSON.parse(site["asr-hyperv:site"]!) as { clouds: { vms: unknown[] }[] };
        section.clouds[0]!.vms.push({ name: "SQL01", osType: "Windows", targetVmName: "sql01-b" });
        expect(problems(site, { site: section })).toMatch(/vms\[2\]\.name: "SQL01" is listed twice; a VM is protected once/);
        expect(problems(site, { site: { vmmServer: "vmm01", clouds: [] } })).toMatch(/asr-hyperv:site\.clouds: is empty; list the VMM clouds to protect/);
    });
});
