// The policy pack run as `pulumi preview --policy-pack policies` runs it: started through
// `run-policy-pack` as the engine starts it (engine/analyzer-host.ts), driven in the engine's
// order: Handshake, ConfigureStack, GetAnalyzerInfo, Configure with the reconciled config,
// Remediate and Analyze per resource, AnalyzeStack at the end.

import * as path from "node:path";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPolicyPack, type AnalyzedResource, type AnalyzeResult, type AnalyzerInfo, type Diagnostic, type PolicyPackProcess } from "../../engine/analyzer-host";
import { startEngineServer, type EngineServer } from "../../engine/monitor-server";
import { reconcilePackConfig, type PackConfigFile, type PolicyConfig } from "../../engine/pack-config";
import { readStack } from "../../engine/project";
import { previewOutputs } from "../../engine/preview-outputs";
import { engineUrn } from "../../engine/urn";
import { PACK_NAME, policies } from "../../policies/pack";
import { ROLE_TAG, ROLES, VAULT_TAG } from "../../policies/rules/role-tags";
import { REPO_ROOT } from "../support/record";

const PACK_DIR = path.join(REPO_ROOT, "policies");
const PROJECT = "asr-hyperv";
const STACK = "dev";
const ORGANIZATION = "organization";
const STACK_URN = engineUrn(STACK, PROJECT, "", "pulumi:pulumi:Stack", `${PROJECT}-${STACK}`);

const STORAGE = "azure-native:storage:StorageAccount";
const VAULT = "azure-native:recoveryservices:Vault";
const REPLICATION_POLICY = "azure-native:recoveryservices:ReplicationPolicy";

/** As a `--policy-pack-config` file would say it. */
const POLICY_CONFIG: PackConfigFile = {
    "replication-storage-geo-redundant": "mandatory",
    "replication-storage-redundancy": { allowedSkus: ["Standard_GRS"] },
    "replication-storage-kind": { enforcementLevel: "disabled" },
};

const STACK_TAGS = { "pulumi:project": PROJECT, "pulumi:runtime": "nodejs", environment: "dev" };

const VAULT_NAME = "rsv-dr";
const ROLE_TAGS = { [ROLE_TAG]: ROLES.replicationStorage, [VAULT_TAG]: VAULT_NAME };

/** A resource protected from deletion, as a DR stack's vault and replica accounts are. */
function resource(type: string, name: string, properties: Record<string, unknown>): AnalyzedResource {
    return { type, name, urn: engineUrn(STACK, PROJECT, STACK_URN, type, name), parent: STACK_URN, properties, protect: true };
}

function account(name: string, props: Record<string, unknown>): AnalyzedResource {
    return resource(STORAGE, name, {
        resourceGroupName: "rg-asr-dr-dev",
        accountName: name.replace(/-/g, ""),
        kind: "StorageV2",
        location: "westeurope",
        sku: { name: "Standard_GRS" },
        minimumTlsVersion: "TLS1_2",
        enableHttpsTrafficOnly: true,
        allowBlobPublicAccess: false,
        ...props,
    });
}

function vault(name = "vault"): AnalyzedResource {
    return resource(VAULT, name, {
        name: VAULT_NAME,
        vaultName: VAULT_NAME,
        location: "westeurope",
        sku: { name: "Standard" },
        properties: { redundancySettings: { standardTierStorageRedundancy: "GeoRedundant" }, publicNetworkAccess: "Enabled" },
        tags: { [ROLE_TAG]: ROLES.vault, [VAULT_TAG]: VAULT_NAME, environment: "dev" },
    });
}

/**
 * One engine operation over `resources`: Analyze of each one's inputs, then AnalyzeStack of
 * everyone's outputs as azure-native previews them.
 */
async function operation(resources: AnalyzedResource[]): Promise<AnalyzeResult> {
    for (const each of resources) {
        await pack.analyze(each);
    }
    return pack.analyzeStack(resources.map((each) => ({ ...each, properties: previewOutputs(each.type, each.properties) ?? each.properties })));
}

function byPolicy(result: AnalyzeResult): Record<string, Diagnostic> {
    const out: Record<string, Diagnostic> = {};
    for (const d of result.diagnostics) {
        expect(out[d.policyName], `${d.policyName} reported twice: ${JSON.stringify(result.diagnostics)}`).toBeUndefined();
        out[d.policyName] = d;
    }
    return out;
}

let engine: EngineServer;
let pack: PolicyPackProcess;
let infoAtStart: AnalyzerInfo;
let sentConfig: Map<string, PolicyConfig>;
let handshake: "ok" | "unimplemented";

beforeAll(async () => {
    // The decrypted stack config the engine puts in PULUMI_CONFIG and sends with ConfigureStack.
    const { config } = readStack(REPO_ROOT, STACK);
    const identity = { organization: ORGANIZATION, project: PROJECT, stack: STACK, dryRun: true, config };
    // The pack logs through the engine's address: give it a real one, as the engine does.
    engine = await startEngineServer({ ...identity, preview: true, secretKeys: [] });
    pack = await startPolicyPack(PACK_DIR, engine.address, identity);
    handshake = await pack.handshake();
    await pack.configureStack(STACK_TAGS);
    infoAtStart = await pack.getAnalyzerInfo();
    sentConfig = reconcilePackConfig(infoAtStart.policies, POLICY_CONFIG).policies;
    await pack.configure(sentConfig);
});

afterAll(async () => {
    if (pack !== undefined) {
        console.info(`policy pack: port after ${pack.startupMs.toFixed(0)} ms`);
        await pack.stop();
        expect(pack.running()).toBe(false);
    }
    await engine?.close();
});

describe("the policy pack started as the engine starts it", () => {
    it("answers the engine's first calls; @pulumi/policy has no Handshake, which the engine takes as carry on", () => {
        expect(handshake).toBe("unimplemented");
    });

    it("stays up and quiet: nothing on stderr, nothing logged to the engine as an error", () => {
        expect(pack.running()).toBe(true);
        expect(pack.stderr()).toBe("");
        expect(engine.records.logs.filter((l) => l.severity === "error")).toEqual([]);
    });
});

describe("GetAnalyzerInfo", () => {
    it("names the pack, its version and config support", () => {
        expect(infoAtStart.name).toBe(PACK_NAME);
        expect(infoAtStart.version).toBe("0.1.0");
        expect(infoAtStart.supportsConfig).toBe(true);
    });

    it("describes every policy exactly as policies/pack.ts declares it, in order", () => {
        const declared = policies.map((policy) => ({
            name: policy.name,
            description: policy.description,
            enforcementLevel: policy.enforcementLevel,
            policyType: "validateStack" in policy ? "stack" : "resource",
            severity: policy.severity,
            remediationSteps: policy.remediationSteps,
            configSchema: policy.configSchema === undefined ? undefined : { properties: JSON.parse(JSON.stringify(policy.configSchema.properties)), required: [] },
        }));
        expect(infoAtStart.policies).toEqual(declared);
    });

    it("the config the engine sends holds every policy with its schema defaults and the file's overrides", () => {
        expect([...sentConfig.keys()].sort()).toEqual(policies.map((p) => p.name).sort());
        expect(sentConfig.get("replication-storage-geo-redundant")).toEqual({ enforcementLevel: "mandatory", properties: {} });
        expect(sentConfig.get("replication-storage-redundancy")).toEqual({ enforcementLevel: "mandatory", properties: { allowedSkus: ["Standard_GRS"] } });
        expect(sentConfig.get("replication-storage-kind")?.enforcementLevel).toBe("disabled");
        expect(sentConfig.get("replication-policy-copy-frequency")).toEqual({ enforcementLevel: "mandatory", properties: { allowedFrequencies: [30, 300, 900] } });
    });

    it("config the schema forbids is refused before it reaches the pack, as the engine refuses it", () => {
        expect(() => reconcilePackConfig(infoAtStart.policies, { "replication-storage-redundancy": { allowedSkus: ["Standard_ZRS"] } })).toThrow(
            /replication-storage-redundancy: allowedSkus\.0: must be equal to one of the allowed values/,
        );
    });
});

describe("Remediate then Analyze (one resource, its inputs, during preview)", () => {
    it("a Site Recovery account with LRS where config allows only GRS: A3 at mandatory, naming the account", async () => {
        const result = await pack.check(account("replication-storage", { sku: { name: "Standard_LRS" }, tags: ROLE_TAGS }));
        const found = byPolicy(result);
        const redundancy = found["replication-storage-redundancy"];
        expect(redundancy, JSON.stringify(result.diagnostics)).toBeDefined();
        expect(redundancy).toMatchObject({ policyPackName: PACK_NAME, enforcementLevel: "mandatory", severity: "high" });
        expect(redundancy?.violation).toMatch(/^replication-storage: storage SKU "Standard_LRS" is not allowed; allowed: Standard_GRS \(A3: /);

        // Raised from advisory by config.
        expect(found["replication-storage-geo-redundant"]).toMatchObject({ enforcementLevel: "mandatory", severity: "medium" });
        expect(found["replication-storage-geo-redundant"]?.violation).toMatch(/^replication-storage: .*Standard_LRS.*not geo-redundant.*\(A4: /);
        // No policy is at remediate, so the engine's first pass changes nothing.
        expect(result.remediations).toEqual([]);
        // Nothing else: transport is secure, no firewall, vault and replication-policy checks don't apply.
        expect(Object.keys(found).sort()).toEqual(["replication-storage-geo-redundant", "replication-storage-redundancy"]);
        expect(result.notApplicable).toEqual(
            expect.arrayContaining(["replication-policy-copy-frequency", "replication-policy-retention"]),
        );
    });

    it("the disabled policy is not run: a BlockBlobStorage account gets no kind diagnostic", async () => {
        const result = await pack.check(account("replication-storage", { kind: "BlockBlobStorage", tags: ROLE_TAGS }));
        expect(result.diagnostics.map((d) => d.policyName)).not.toContain("replication-storage-kind");
        expect(result.notApplicable).not.toContain("replication-storage-kind");
        expect(result.diagnostics).toEqual([]);
    });

    it("the same account without the role tags: no diagnostics (unrelated resources are never flagged)", async () => {
        const result = await pack.check(account("replication-storage", { sku: { name: "Standard_ZRS" }, tags: { environment: "dev" } }));
        expect(result.diagnostics).toEqual([]);
        const untaggedNoTags = await pack.check(account("other-storage", { sku: { name: "Standard_ZRS" }, kind: "BlobStorage", minimumTlsVersion: "TLS1_0" }));
        expect(untaggedNoTags.diagnostics).toEqual([]);
    });

    it("an account whose sku is unknown during preview: no violation, no crash", async () => {
        const result = await pack.check(account("replication-storage", { sku: unknownValue, tags: ROLE_TAGS }));
        expect(result.diagnostics).toEqual([]);
        const nested = await pack.check(account("replication-storage", { sku: { name: unknownValue }, tags: ROLE_TAGS }));
        expect(nested.diagnostics).toEqual([]);
        expect(pack.running()).toBe(true);
    });

    it("a HyperVReplicaAzure replication policy copying every 60 s: the R1 violation", async () => {
        const result = await pack.check(
            resource(REPLICATION_POLICY, "replication-policy", {
                resourceGroupName: "rg-asr-dr-dev",
                resourceName: VAULT_NAME,
                policyName: "hyperv-replication",
                properties: { providerSpecificInput: { instanceType: "HyperVReplicaAzure", replicationInterval: 60 } },
            }),
        );
        const found = byPolicy(result);
        expect(Object.keys(found)).toEqual(["replication-policy-copy-frequency"]);
        expect(found["replication-policy-copy-frequency"]).toMatchObject({ enforcementLevel: "mandatory", severity: "high", urn: "" });
        expect(found["replication-policy-copy-frequency"]?.violation).toMatch(
            /^replication-policy: copy frequency 60 s is not allowed; allowed: 30, 300, 900 seconds \(R1: /,
        );
    });
});

describe("AnalyzeStack (every resource's preview outputs, after Analyze of its inputs)", () => {
    it("a tagged account in another region than its vault: storage-in-vault-region (A1) on the account's URN", async () => {
        const away = account("replication-storage", { location: "northeurope", tags: ROLE_TAGS });
        const unrelated = account("unrelated-storage", { location: "eastus", sku: { name: "Standard_ZRS" } });
        const result = await operation([vault(), away, unrelated]);
        expect(result.diagnostics.map((d) => d.policyName)).toEqual(["storage-in-vault-region"]);
        const [d] = result.diagnostics;
        expect(d).toMatchObject({ enforcementLevel: "mandatory", severity: "critical", urn: account("replication-storage", {}).urn });
        expect(d?.violation).toMatch(/^storage account replication-storage \(tagged asr-hyperv:role=replication-storage\) of vault rsv-dr: /);
        expect(d?.violation).toMatch(/"northeurope".*"westeurope" \(A1: /);
    });

    it("premium replicated data without a standard log account: premium-storage-has-log-account (A6) on the vault", async () => {
        const premium = account("replication-storage", { sku: { name: "Premium_LRS" }, tags: ROLE_TAGS });
        const result = await operation([vault(), premium]);
        expect(result.diagnostics.map((d) => d.policyName)).toEqual(["premium-storage-has-log-account"]);
        expect(result.diagnostics[0]).toMatchObject({ enforcementLevel: "mandatory", severity: "high", urn: vault().urn });
        expect(result.diagnostics[0]?.violation).toMatch(/^vault rsv-dr \(premium: replication-storage\): .*\(A6: /);
    });

    it("the compliant layout: account in the vault's region, premium data beside a Standard_GRS log account", async () => {
        const premium = account("replication-storage", { sku: { name: "Premium_LRS" }, tags: ROLE_TAGS });
        const log = account("replication-log-storage", { sku: { name: "Standard_GRS" }, tags: { [ROLE_TAG]: ROLES.logStorage, [VAULT_TAG]: VAULT_NAME } });
        const result = await operation([vault(), premium, log]);
        expect(result.diagnostics.filter((d) => d.enforcementLevel === "mandatory")).toEqual([]);
        expect(result.diagnostics).toEqual([]);

        const standardOnly = await operation([vault(), account("replication-storage", { tags: ROLE_TAGS })]);
        expect(standardOnly.diagnostics).toEqual([]);
    });

    it("an account whose location is unknown during preview is not judged", async () => {
        const result = await operation([vault(), account("replication-storage", { location: unknownValue, tags: ROLE_TAGS })]);
        expect(result.diagnostics).toEqual([]);
    });
});

describe("remediation, as the engine runs it before analysis", () => {
    afterAll(async () => {
        await pack.configure(sentConfig);
    });

    it("the firewall policy at remediate adds AzureServices to bypass, and analysis then sees a compliant account", async () => {
        await pack.configure(reconcilePackConfig(infoAtStart.policies, { ...POLICY_CONFIG, "replication-storage-firewall": "remediate" }).policies);
        const firewalled = account("replication-storage", { networkRuleSet: { defaultAction: "Deny", bypass: "Logging", ipRules: [] }, tags: ROLE_TAGS });
        const before = await pack.analyze(firewalled);
        expect(byPolicy(before)["replication-storage-firewall"]?.enforcementLevel).toBe("mandatory");

        const result = await pack.check(firewalled);
        expect(result.remediations.map((r) => [r.policyName, r.diagnostic])).toEqual([["replication-storage-firewall", ""]]);
        expect(result.properties["networkRuleSet"]).toEqual({ defaultAction: "Deny", bypass: "Logging, AzureServices", ipRules: [] });
        expect(result.properties).toMatchObject({ sku: { name: "Standard_GRS" }, tags: ROLE_TAGS });
        expect(result.diagnostics).toEqual([]);

        const untagged = await pack.check(account("other-storage", { networkRuleSet: { defaultAction: "Deny", bypass: "None" } }));
        expect(untagged.remediations).toEqual([]);
        expect(untagged.diagnostics).toEqual([]);
    });
});
