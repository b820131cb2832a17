// The policy pack run as `pulumi preview --policy-pack policies` runs it: the pack process started the
// way the engine starts it, driven over the Analyzer gRPC protocol in the engine's order (Handshake,
// ConfigureStack, GetAnalyzerInfo, Configure with the reconciled config, Analyze per resource,
// AnalyzeStack at the end). See test/harness/analyzer-client.ts for where each step comes from.

import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PACK_NAME, policies } from "../../policies/pack";
import { ROLE_TAG, ROLES, VAULT_TAG } from "../../policies/rules/role-tags";
import { startFakeEngine, type FakeEngine, type JsonObject } from "../harness/fake-engine";
import { readStackConfig } from "../harness/run-program";
import {
    reconcilePolicyPackConfig,
    startPolicyPack,
    UNKNOWN,
    type AnalyzeResult,
    type AnalyzerInfo,
    type Diagnostic,
    type PolicyConfig,
    type PolicyPackConfigFile,
    type PolicyPackProcess,
    type ProviderResource,
    type ResourceToAnalyze,
} from "../harness/analyzer-client";
import { REPO_ROOT } from "../support/record";

const PACK_DIR = path.join(REPO_ROOT, "policies");
const PROJECT = "asr-hyperv";
const STACK = "dev";
const ORGANIZATION = "organization";

const STORAGE = "azure-native:storage:StorageAccount";
const VAULT = "azure-native:recoveryservices:Vault";
const REPLICATION_POLICY = "azure-native:recoveryservices:ReplicationPolicy";

/**
 * What each policy must say about itself: the documented fact it enforces (none for the security
 * baseline, which is not a Site Recovery prerequisite), its default level and severity, whether it
 * judges one resource or the stack, and the config keys it accepts.
 */
const EXPECTED: Record<
    string,
    { fact: string | null; level: "advisory" | "mandatory"; severity: string; kind: "resource" | "stack"; config?: string[] }
> = {
    "storage-in-vault-region": { fact: "A1", level: "mandatory", severity: "critical", kind: "stack" },
    "replication-policy-storage-in-vault-region": { fact: "A1", level: "mandatory", severity: "critical", kind: "stack" },
    "network-in-vault-region": { fact: "A2", level: "mandatory", severity: "critical", kind: "stack" },
    "replication-storage-redundancy": { fact: "A3", level: "mandatory", severity: "high", kind: "resource", config: ["allowedSkus"] },
    "replication-storage-geo-redundant": { fact: "A4", level: "advisory", severity: "medium", kind: "resource" },
    "premium-storage-has-log-account": { fact: "A6", level: "mandatory", severity: "high", kind: "stack" },
    "replication-storage-kind": { fact: "A7", level: "mandatory", severity: "high", kind: "resource" },
    "replication-storage-secure-transport": { fact: null, level: "mandatory", severity: "high", kind: "resource" },
    "replication-storage-firewall": { fact: "A11", level: "advisory", severity: "medium", kind: "resource" },
    "test-failover-network-isolated": { fact: "A10", level: "advisory", severity: "medium", kind: "stack" },
    "vault-redundancy-set-at-creation": { fact: "A12", level: "mandatory", severity: "high", kind: "resource", config: ["allowedRedundancies"] },
    "vault-private-access-identity": { fact: "A13", level: "advisory", severity: "medium", kind: "resource" },
    "replication-policy-copy-frequency": { fact: "R1", level: "mandatory", severity: "high", kind: "resource", config: ["allowedFrequencies"] },
    "premium-storage-copy-frequency": { fact: "R2", level: "mandatory", severity: "high", kind: "stack" },
    "replication-policy-retention": { fact: "R3", level: "mandatory", severity: "high", kind: "resource" },
    "replication-policy-app-consistent-frequency": { fact: "R4", level: "mandatory", severity: "high", kind: "resource" },
};

/** As a `--policy-pack-config` file would say it. */
const POLICY_CONFIG: PolicyPackConfigFile = {
    "replication-storage-geo-redundant": "mandatory",
    "replication-storage-redundancy": { allowedSkus: ["Standard_GRS"] },
    "replication-storage-kind": { enforcementLevel: "disabled" },
};

const STACK_TAGS = { "pulumi:project": PROJECT, "pulumi:runtime": "nodejs", environment: "dev" };

/** The default provider the engine attaches to every azure-native resource it analyzes. */
const PROVIDER: ProviderResource = {
    type: "pulumi:providers:azure-native",
    urn: `urn:pulumi:${STACK}::${PROJECT}::pulumi:providers:azure-native::default_3_28_0`,
    name: "default_3_28_0",
    properties: { version: "3.28.0", location: "westeurope" },
};

const VAULT_NAME = "rsv-dr";
const ROLE_TAGS = { [ROLE_TAG]: ROLES.replicationStorage, [VAULT_TAG]: VAULT_NAME };

function account(name: string, props: JsonObject): ResourceToAnalyze {
    return {
        type: STORAGE,
        name,
        provider: PROVIDER,
        properties: {
            resourceGroupName: "rg-asr-dr-dev",
            accountName: name.replace(/-/g, ""),
            kind: "StorageV2",
            location: "westeurope",
            sku: { name: "Standard_GRS" },
            minimumTlsVersion: "TLS1_2",
            enableHttpsTrafficOnly: true,
            allowBlobPublicAccess: false,
            ...props,
        },
    };
}

function vault(name = "vault"): ResourceToAnalyze {
    return {
        type: VAULT,
        name,
        provider: PROVIDER,
        properties: {
            name: VAULT_NAME,
            vaultName: VAULT_NAME,
            location: "westeurope",
            sku: { name: "Standard" },
            properties: { redundancySettings: { standardTierStorageRedundancy: "GeoRedundant" }, publicNetworkAccess: "Enabled" },
            tags: { [ROLE_TAG]: ROLES.vault, [VAULT_TAG]: VAULT_NAME, environment: "dev" },
        },
    };
}

function byPolicy(result: AnalyzeResult): Record<string, Diagnostic> {
    const out: Record<string, Diagnostic> = {};
    for (const d of result.diagnostics) {
        expect(out[d.policyName], `${d.policyName} reported twice: ${JSON.stringify(result.diagnostics)}`).toBeUndefined();
        out[d.policyName] = d;
    }
    return out;
}

function mandatory(result: AnalyzeResult): Diagnostic[] {
    return result.diagnostics.filter((d) => d.enforcementLevel === "mandatory");
}

let engine: FakeEngine;
let pack: PolicyPackProcess;
let infoAtStart: AnalyzerInfo;
let sentConfig: Record<string, PolicyConfig>;
let handshake: "ok" | "unimplemented";

beforeAll(async () => {
    // The engine passes its own gRPC address; give the pack a real one to call back, as the engine does.
    engine = await startFakeEngine({ project: PROJECT, stack: STACK, organization: ORGANIZATION });
    // The decrypted stack config the engine puts in PULUMI_CONFIG and sends with ConfigureStack.
    const stackConfig = readStackConfig(REPO_ROOT, STACK).config;
    pack = await startPolicyPack({
        packDir: PACK_DIR,
        engineAddress: engine.address,
        organization: ORGANIZATION,
        project: PROJECT,
        stack: STACK,
        dryRun: true,
        stackConfig,
    });
    handshake = await pack.handshake();
    await pack.configureStack({
        organization: ORGANIZATION,
        project: PROJECT,
        stack: STACK,
        dryRun: true,
        config: stackConfig,
        tags: STACK_TAGS,
    });
    infoAtStart = await pack.getAnalyzerInfo();
    sentConfig = reconcilePolicyPackConfig(infoAtStart, POLICY_CONFIG);
    await pack.configure(sentConfig);
});

afterAll(async () => {
    const timings = pack?.timings ?? [];
    if (pack !== undefined) {
        const per = new Map<string, number[]>();
        for (const t of timings) {
            per.set(t.method, [...(per.get(t.method) ?? []), t.ms]);
        }
        const summary = [...per].map(([m, ms]) => `${m} x${ms.length} max ${Math.max(...ms).toFixed(1)} ms, mean ${(ms.reduce((a, b) => a + b, 0) / ms.length).toFixed(1)} ms`);
        const t0 = performance.now();
        await pack.kill();
        const stopMs = performance.now() - t0;
        console.info(
            `policy pack pid ${pack.pid}: port ${pack.port} after ${pack.startupMs.toFixed(0)} ms, stopped in ${stopMs.toFixed(0)} ms (${JSON.stringify(pack.exited())})\n  ${summary.join("\n  ")}`,
        );
        expect(pack.exited()).toBeDefined();
    }
    await engine?.close();
});

describe("the policy pack started as the engine starts it", () => {
    it("runs run-policy-pack from the pack directory with the engine's arguments and environment", () => {
        expect(pack.cwd).toBe(PACK_DIR);
        expect(pack.argv.slice(1)).toEqual([
            require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [PACK_DIR] }),
            engine.address,
            ".",
        ]);
        expect(pack.addedEnv).toMatchObject({
            PULUMI_NODEJS_PROJECT: PROJECT,
            PULUMI_NODEJS_STACK: STACK,
            PULUMI_NODEJS_ORGANIZATION: ORGANIZATION,
            PULUMI_NODEJS_DRY_RUN: "true",
            PULUMI_PROJECT: PROJECT,
            PULUMI_STACK: STACK,
            PULUMI_DRY_RUN: "true",
        });
        expect(JSON.parse(pack.addedEnv["PULUMI_CONFIG"] ?? "{}")).toMatchObject({ "azure-native:location": "westeurope" });
        expect(pack.port).toBeGreaterThan(0);
        // @pulumi/policy has no Handshake; the engine takes UNIMPLEMENTED as "carry on".
        expect(handshake).toBe("unimplemented");
    });

    it("stays up and quiet: nothing on stderr, nothing logged to the engine as an error", () => {
        expect(pack.exited()).toBeUndefined();
        expect(pack.stderr()).toBe("");
        expect(engine.records.logs.filter((l) => l.severity === "error")).toEqual([]);
    });
});

describe("GetAnalyzerInfo", () => {
    it("names the pack and supports config", async () => {
        const info = await pack.getAnalyzerInfo();
        expect(info.name).toBe("asr-hyperv-prerequisites");
        expect(info.name).toBe(PACK_NAME);
        expect(info.version).toBe("0.1.0");
        expect(info.supportsConfig).toBe(true);
        expect(info.provider).toBe("azure");
        expect(info.displayName).not.toBe("");
        expect(await pack.getPluginVersion()).not.toBe("");
    });

    it("lists every policy of policies/pack.ts, in order, and nothing else", async () => {
        const info = await pack.getAnalyzerInfo();
        expect(info.policies.map((p) => p.name)).toEqual(policies.map((p) => p.name));
        expect(Object.keys(EXPECTED).sort()).toEqual(policies.map((p) => p.name).sort());
    });

    it.each(Object.entries(EXPECTED))("%s: level, severity, kind, description citing its fact, remediation, schema", async (name, want) => {
        const info = await pack.getAnalyzerInfo();
        const got = info.policies.find((p) => p.name === name);
        const source = policies.find((p) => p.name === name);
        expect(got, name).toBeDefined();
        expect(source, name).toBeDefined();
        if (got === undefined || source === undefined) {
            return;
        }
        expect(got.enforcementLevel).toBe(want.level);
        expect(got.enforcementLevel).toBe(source.enforcementLevel);
        expect(got.severity).toBe(want.severity);
        expect(got.policyType).toBe(want.kind);
        expect(got.description).toBe(source.description);
        if (want.fact === null) {
            expect(got.description).not.toMatch(/\b[AR][0-9]+:/);
        } else {
            // describePolicy: "<summary> <id>: <fact> (source: <docs>)."
            expect(got.description).toMatch(new RegExp(`\\b${want.fact}: .+ \\(source: .+\\)\\.$`));
        }
        expect(got.remediationSteps).toBe(source.remediationSteps ?? "");
        expect(got.remediationSteps.length).toBeGreaterThan(20);
        if (want.config === undefined) {
            expect(got.configSchema).toBeUndefined();
        } else {
            expect(Object.keys(got.configSchema?.properties ?? {})).toEqual(want.config);
            expect(got.configSchema?.properties).toEqual(JSON.parse(JSON.stringify(source.configSchema?.properties)));
            expect(got.configSchema?.required).toEqual([]);
        }
    });

    it("the config the engine sends holds every policy with its schema defaults and the file's overrides", () => {
        expect(Object.keys(sentConfig).sort()).toEqual(policies.map((p) => p.name).sort());
        expect(sentConfig["replication-storage-geo-redundant"]).toEqual({ enforcementLevel: "mandatory", properties: {} });
        expect(sentConfig["replication-storage-redundancy"]).toEqual({ enforcementLevel: "mandatory", properties: { allowedSkus: ["Standard_GRS"] } });
        expect(sentConfig["replication-storage-kind"]?.enforcementLevel).toBe("disabled");
        expect(sentConfig["replication-policy-copy-frequency"]).toEqual({ enforcementLevel: "mandatory", properties: { allowedFrequencies: [30, 300, 900] } });
        expect(sentConfig["vault-redundancy-set-at-creation"]?.properties).toEqual({ allowedRedundancies: ["GeoRedundant", "LocallyRedundant"] });
    });

    it("config the schema forbids is rejected before it reaches the pack, as the engine rejects it", () => {
        expect(() => reconcilePolicyPackConfig(infoAtStart, { "replication-storage-redundancy": { allowedSkus: ["Standard_ZRS"] } })).toThrow(
            /replication-storage-redundancy: allowedSkus\.0/,
        );
    });
});

describe("Remediate then Analyze (one resource, its inputs, during preview)", () => {
    it("a Site Recovery account with ZRS: the redundancy violation (A3) at mandatory, naming the account", async () => {
        const result = await pack.check(account("replication-storage", { sku: { name: "Standard_ZRS" }, tags: ROLE_TAGS }));
        const found = byPolicy(result);
        const redundancy = found["replication-storage-redundancy"];
        expect(redundancy, JSON.stringify(result.diagnostics)).toBeDefined();
        expect(redundancy).toMatchObject({ policyPackName: PACK_NAME, policyPackVersion: "0.1.0", enforcementLevel: "mandatory", severity: "high" });
        expect(redundancy?.violation).toMatch(/^replication-storage: storage SKU "Standard_ZRS" is not allowed; allowed: Standard_GRS \(A3: /);
        expect(redundancy?.message.startsWith(`${redundancy?.description}\n`)).toBe(true);

        // Raised from advisory by config.
        expect(found["replication-storage-geo-redundant"]).toMatchObject({ enforcementLevel: "mandatory", severity: "medium" });
        expect(found["replication-storage-geo-redundant"]?.violation).toMatch(/^replication-storage: .*Standard_ZRS.*not geo-redundant.*\(A4: /);
        // No policy is at remediate, so the engine's first pass changes nothing.
        expect(result.remediated.remediations).toEqual([]);
        // Nothing else: transport is secure, no firewall, vault and replication-policy checks don't apply.
        expect(Object.keys(found).sort()).toEqual(["replication-storage-geo-redundant", "replication-storage-redundancy"]);
        expect(result.notApplicable.map((n) => n.policyName)).toEqual(
            expect.arrayContaining(["vault-redundancy-set-at-creation", "replication-policy-copy-frequency"]),
        );
    });

    it("the disabled policy is not run: a BlockBlobStorage account gets no kind diagnostic", async () => {
        const result = await pack.check(account("replication-storage", { kind: "BlockBlobStorage", tags: ROLE_TAGS }));
        expect(result.diagnostics.map((d) => d.policyName)).not.toContain("replication-storage-kind");
        expect(result.notApplicable.map((n) => n.policyName)).not.toContain("replication-storage-kind");
        expect(result.diagnostics).toEqual([]);
    });

    it("the same account without the role tags: no diagnostics (unrelated resources are never flagged)", async () => {
        const result = await pack.check(account("replication-storage", { sku: { name: "Standard_ZRS" }, tags: { environment: "dev" } }));
        expect(result.diagnostics).toEqual([]);
        const untaggedNoTags = await pack.check(account("other-storage", { sku: { name: "Standard_ZRS" }, kind: "BlobStorage", minimumTlsVersion: "TLS1_0" }));
        expect(untaggedNoTags.diagnostics).toEqual([]);
    });

    it("an account whose sku is unknown during preview: no violation, no crash", async () => {
        const result = await pack.check(account("replication-storage", { sku: UNKNOWN, tags: ROLE_TAGS }));
        expect(result.diagnostics).toEqual([]);
        const nested = await pack.check(account("replication-storage", { sku: { name: UNKNOWN }, tags: ROLE_TAGS }));
        expect(nested.diagnostics).toEqual([]);
        expect(pack.exited()).toBeUndefined();
    });

    it("a HyperVReplicaAzure replication policy copying every 60 s: the R1 violation", async () => {
        const result = await pack.check({
            type: REPLICATION_POLICY,
            name: "replication-policy",
            provider: PROVIDER,
            properties: {
                resourceGroupName: "rg-asr-dr-dev",
                resourceName: VAULT_NAME,
                policyName: "hyperv-replication",
                properties: { providerSpecificInput: { instanceType: "HyperVReplicaAzure", replicationInterval: 60 } },
            },
        });
        const found = byPolicy(result);
        expect(Object.keys(found)).toEqual(["replication-policy-copy-frequency"]);
        expect(found["replication-policy-copy-frequency"]).toMatchObject({ enforcementLevel: "mandatory", severity: "high", urn: "" });
        expect(found["replication-policy-copy-frequency"]?.violation).toMatch(
            /^replication-policy: copy frequency 60 s is not allowed; allowed: 30, 300, 900 seconds \(R1: /,
        );
    });
});

describe("AnalyzeStack (all resources, outputs, at the end)", () => {
    it("a tagged account in another region than its vault: storage-in-vault-region (A1) on the account's URN", async () => {
        const away = account("replication-storage", { location: "northeurope", tags: ROLE_TAGS });
        const unrelated = account("unrelated-storage", { location: "eastus", sku: { name: "Standard_ZRS" } });
        const result = await pack.analyzeStack([vault(), away, unrelated]);
        expect(result.diagnostics.map((d) => d.policyName)).toEqual(["storage-in-vault-region"]);
        const [d] = result.diagnostics;
        expect(d).toMatchObject({ enforcementLevel: "mandatory", severity: "critical", urn: pack.urn(STORAGE, "replication-storage") });
        expect(d?.violation).toMatch(/^storage account replication-storage \(tagged asr-hyperv:role=replication-storage\) of vault rsv-dr: /);
        expect(d?.violation).toMatch(/"northeurope".*"westeurope" \(A1: /);
    });

    it("premium replicated data without a standard log account: premium-storage-has-log-account (A6) on the vault", async () => {
        const premium = account("replication-storage", { sku: { name: "Premium_LRS" }, tags: ROLE_TAGS });
        const result = await pack.analyzeStack([vault(), premium]);
        expect(result.diagnostics.map((d) => d.policyName)).toEqual(["premium-storage-has-log-account"]);
        expect(result.diagnostics[0]).toMatchObject({ enforcementLevel: "mandatory", severity: "high", urn: pack.urn(VAULT, "vault") });
        expect(result.diagnostics[0]?.violation).toMatch(/^vault rsv-dr \(premium: replication-storage\): .*\(A6: /);
    });

    it("the compliant layout: account in the vault's region, premium data beside a Standard_GRS log account", async () => {
        const premium = account("replication-storage", { sku: { name: "Premium_LRS" }, tags: ROLE_TAGS });
        const log = account("replication-log-storage", { sku: { name: "Standard_GRS" }, tags: { [ROLE_TAG]: ROLES.logStorage, [VAULT_TAG]: VAULT_NAME } });
        const result = await pack.analyzeStack([vault(), premium, log]);
        expect(mandatory(result)).toEqual([]);
        expect(result.diagnostics).toEqual([]);

        const standardOnly = await pack.analyzeStack([vault(), account("replication-storage", { tags: ROLE_TAGS })]);
        expect(standardOnly.diagnostics).toEqual([]);
    });

    it("an account whose location is unknown during preview is not judged", async () => {
        const result = await pack.analyzeStack([vault(), account("replication-storage", { location: UNKNOWN, tags: ROLE_TAGS })]);
        expect(result.diagnostics).toEqual([]);
    });
});

describe("remediation, as the engine runs it before analysis", () => {
    afterAll(async () => {
        await pack.configure(sentConfig);
    });

    it("the firewall policy at remediate adds AzureServices to bypass, and analysis then sees a compliant account", async () => {
        await pack.configure(reconcilePolicyPackConfig(infoAtStart, { ...POLICY_CONFIG, "replication-storage-firewall": "remediate" }));
        const firewalled = account("replication-storage", { networkRuleSet: { defaultAction: "Deny", bypass: "Logging", ipRules: [] }, tags: ROLE_TAGS });
        const before = await pack.analyze(firewalled);
        expect(byPolicy(before)["replication-storage-firewall"]?.enforcementLevel).toBe("mandatory");

        const result = await pack.check(firewalled);
        expect(result.remediated.remediations.map((r) => [r.policyName, r.diagnostic])).toEqual([["replication-storage-firewall", ""]]);
        expect(result.properties["networkRuleSet"]).toEqual({ defaultAction: "Deny", bypass: "Logging, AzureServices", ipRules: [] });
        expect(result.properties).toMatchObject({ sku: { name: "Standard_GRS" }, tags: ROLE_TAGS });
        expect(result.diagnostics).toEqual([]);

        const untagged = await pack.check(account("other-storage", { networkRuleSet: { defaultAction: "Deny", bypass: "None" } }));
        expect(untagged.remediated.remediations).toEqual([]);
        expect(untagged.diagnostics).toEqual([]);
    });
});
