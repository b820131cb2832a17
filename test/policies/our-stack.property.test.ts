import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "./support/fixtures";
import { AZURE_REGIONS } from "../../policies/rules";
import { recordStack } from "../support/record";

/** Valid stack configs, as a user would write them in Pulumi.<stack>.yaml. */
const validConfig = fc
    .record({
        region: fc.constantFrom(...Object.keys(AZURE_REGIONS)).chain((name) => fc.constantFrom(name, AZURE_REGIONS[name]!)),
        vault: fc.record({
            storageRedundancy: fc.constantFrom("GeoRedundant", "LocallyRedundant"),
            publicNetworkAccess: fc.constantFrom("Enabled", "Disabled"),
        }),
        storage: fc.record({
            performance: fc.constantFrom("Standard", "Premium"),
            redundancy: fc.constantFrom("GRS", "RAGRS", "LRS"),
            lock: fc.boolean(),
        }),
        firewall: fc.option(fc.record({ ipRules: fc.constant(["203.0.113.0/24"]), subnetIds: fc.constant([]) }), { nil: undefined }),
        octet: fc.integer({ min: 0, max: 127 }),
        subnetOffsets: fc.uniqueArray(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 4 }),
        withTestNetwork: fc.boolean(),
        protect: fc.boolean(),
        existingResourceGroup: fc.boolean(),
    })
    .map((c) => ({
        "azure-native:location": c.region,
        "asr-hyperv:vault": JSON.stringify(c.vault),
        "asr-hyperv:storage": JSON.stringify({ ...c.storage, ...(c.firewall ? { firewall: c.firewall } : {}) }),
        "asr-hyperv:network": JSON.stringify({
            addressSpace: [`10.${c.octet}.0.0/16`],
            subnets: c.subnetOffsets.map((offset, index) => ({ name: `subnet${index}`, addressPrefix: `10.${c.octet}.${offset}.0/24` })),
            ...(c.withTestNetwork ? { testFailover: { addressSpace: [`10.${c.octet + 128}.0.0/16`] } } : {}),
        }),
        // A vault closed to public networks is reached through private replication (A13).
        ...(c.vault.publicNetworkAccess === "Disabled" ? { "asr-hyperv:privateReplication": JSON.stringify({ subnet: "subnet0", blob: true }) } : {}),
        "asr-hyperv:protect": String(c.protect),
        "asr-hyperv:existingResourceGroup": String(c.existingResourceGroup),
    }));

describe("our program under the policy pack", () => {
    it("never violates a mandatory policy, whatever valid config it is given", async () => {
        await fc.assert(
            fc.asyncProperty(validConfig, async (config) => {
                const recording = await recordStack("dev", config, true);
                const analysis = await analyze(recording.resources, { outputs: recording.outputs });
                const mandatory = analysis.violations.filter((violation) => violation.enforcementLevel === "mandatory");
                expect(mandatory).toEqual([]);
                expect(analysis.violations.filter((violation) => violation.message.startsWith("can't run"))).toEqual([]);
            }),
            { numRuns: 40 },
        );
    });

    it("is judged: its premium storage, vault and networks are recognised as Site Recovery resources", async () => {
        const premium = await recordStack("dev", { "asr-hyperv:storage": JSON.stringify({ performance: "Premium", redundancy: "LRS" }) }, true);
        const withoutLogAccount = premium.resources.filter((resource) => resource.name !== "storage-standard");
        const analysis = await analyze(withoutLogAccount, { outputs: premium.outputs });
        expect(analysis.violations.map((violation) => violation.policyName)).toContain("premium-storage-has-log-account");
        // An LRS log account beside premium data holds no replicated data: nothing to advise.
        expect((await analyze(premium.resources, { outputs: premium.outputs })).violations).toEqual([]);
        const lrs = await recordStack("dev", { "asr-hyperv:storage": JSON.stringify({ redundancy: "LRS", replicas: "StorageAccount" }) }, true);
        const advice = await analyze(lrs.resources, { outputs: lrs.outputs });
        expect(advice.violations.map((violation) => violation.policyName)).toEqual(["replication-storage-geo-redundant"]);
        // With managed-disk replicas the LRS account holds only the logs: nothing to advise.
        const logs = await recordStack("dev", { "asr-hyperv:storage": JSON.stringify({ redundancy: "LRS" }) }, true);
        expect((await analyze(logs.resources, { outputs: logs.outputs })).violations).toEqual([]);
    });
});
