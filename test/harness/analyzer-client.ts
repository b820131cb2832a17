// Runs a Node.js policy pack the way the Pulumi engine runs it, and talks to it over the Analyzer gRPC
// protocol the way the engine does. No CLI is needed.
//
// What the engine does (pulumi/pulumi sdk/go/common/resource/plugin/analyzer_plugin.go, NewPolicyAnalyzer
// and constructEnv; pkg/resource/plugin/plugin.go, newPlugin/execPlugin; pkg/engine/update.go,
// installAndLoadPolicyPlugins; pkg/resource/analyzer/config.go, ReconcilePolicyPackConfig):
//
//   1. For `runtime: nodejs` it runs the `pulumi-analyzer-policy` shim (sdk/nodejs/dist) with cwd = the
//      pack directory and argv `<engine address> .` (plus `-<k>=<v>` for each PulumiPolicy.yaml runtime
//      option). The shim resolves `@pulumi/pulumi/cmd/run-policy-pack` from that directory and runs
//      `node <run-policy-pack> <engine address> .`. This module spawns that node command directly.
//   2. The environment is the CLI's own plus PULUMI_CONFIG (the stack's decrypted config as a JSON
//      object of `<ns>:<key>` to string), PULUMI_NODEJS_{ORGANIZATION,PROJECT,STACK,DRY_RUN} and
//      PULUMI_{ORGANIZATION,PROJECT,STACK,DRY_RUN}.
//   3. It reads the first line of stdout as the port, dials 127.0.0.1:<port>, and calls Handshake
//      (engine address, root and program directory = the pack directory), retrying while the server is
//      UNAVAILABLE; UNIMPLEMENTED means "old analyzer, carry on".
//   4. ConfigureStack(organization, project, stack, dryRun, config, configSecretKeys, tags).
//   5. GetAnalyzerInfo; if it supports config, the policy config (from --policy-pack-config or the
//      service) is reconciled with the schema defaults of every policy, validated against the schemas,
//      and sent with Configure: one entry per policy, each with its enforcement level and properties.
//   6. For every resource (pkg/resource/deploy/step_generator.go): Remediate, then Analyze of the
//      remediated inputs (unknowns kept as the unknown sentinel); the engine reports Analyze diagnostics
//      under the resource's URN whatever URN they carry. AnalyzeStack once at the end (outputs, with
//      parent, dependencies and property dependencies).
//
// The generated protobuf/gRPC modules of @pulumi/pulumi are used, and @grpc/grpc-js and google-protobuf
// are loaded from where that @pulumi/pulumi resolves them, so `instanceof` checks inside the generated
// (de)serializers hold.

import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import * as path from "node:path";
import { performance } from "node:perf_hooks";

import type * as grpcTypes from "@grpc/grpc-js";
import type * as analyzerGrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import type * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import type * as emptyPb from "google-protobuf/google/protobuf/empty_pb";
import type * as structPb from "google-protobuf/google/protobuf/struct_pb";

import type { JsonObject, JsonValue } from "./fake-engine";
import { inheritedEnv, lookPath } from "./run-program";

// ---------------------------------------------------------------------------------------------------
// Module loading

interface Protos {
    grpc: typeof grpcTypes;
    analyzer: typeof analyzerPb;
    analyzerGrpc: typeof analyzerGrpc;
    empty: typeof emptyPb;
    struct: typeof structPb;
}

const protoCache = new Map<string, Protos>();

/** The SDK's proto modules as the pack in `packDir` resolves them. */
function loadProtos(packDir: string): Protos {
    const grpcPath = require.resolve("@pulumi/pulumi/proto/analyzer_grpc_pb", { paths: [packDir] });
    const cached = protoCache.get(grpcPath);
    if (cached !== undefined) {
        return cached;
    }
    const sdk = createRequire(grpcPath);
    const protoDir = path.dirname(grpcPath);
    const protos: Protos = {
        grpc: sdk("@grpc/grpc-js") as typeof grpcTypes,
        analyzer: sdk(path.join(protoDir, "analyzer_pb")) as typeof analyzerPb,
        analyzerGrpc: sdk(grpcPath) as typeof analyzerGrpc,
        empty: sdk("google-protobuf/google/protobuf/empty_pb") as typeof emptyPb,
        struct: sdk("google-protobuf/google/protobuf/struct_pb") as typeof structPb,
    };
    protoCache.set(grpcPath, protos);
    return protos;
}

// ---------------------------------------------------------------------------------------------------
// Plain views of the protocol

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";
export type Severity = "" | "low" | "medium" | "high" | "critical";
export type PolicyKind = "unknown" | "resource" | "stack";

export interface PolicyInfo {
    name: string;
    displayName: string;
    description: string;
    message: string;
    enforcementLevel: EnforcementLevel;
    policyType: PolicyKind;
    severity: Severity;
    remediationSteps: string;
    url: string;
    tags: string[];
    /** `properties` and `required` of the policy's config schema, undefined when it has none. */
    configSchema: { properties: JsonObject; required: string[] } | undefined;
}

export interface AnalyzerInfo {
    name: string;
    displayName: string;
    version: string;
    description: string;
    provider: string;
    tags: string[];
    supportsConfig: boolean;
    policies: PolicyInfo[];
    initialConfig: Record<string, PolicyConfig>;
}

export interface PolicyConfig {
    enforcementLevel: EnforcementLevel;
    properties: JsonObject;
}

export interface Diagnostic {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    description: string;
    /** As sent: the policy description, a newline, then what the policy reported. */
    message: string;
    /** What the policy reported (the message without the description in front of it). */
    violation: string;
    enforcementLevel: EnforcementLevel;
    severity: Severity;
    urn: string;
}

export interface AnalyzeResult {
    diagnostics: Diagnostic[];
    notApplicable: { policyName: string; reason: string }[];
}

export interface RemediateResult {
    remediations: { policyName: string; policyPackName: string; description: string; properties: JsonObject | undefined; diagnostic: string }[];
    notApplicable: { policyName: string; reason: string }[];
}

export interface ProviderResource {
    type: string;
    urn: string;
    name: string;
    properties: JsonObject;
}

export interface ResourceToAnalyze {
    type: string;
    name: string;
    /** Defaults to the URN the engine would give a top-level resource of this stack. */
    urn?: string;
    /** Inputs (Analyze) or outputs (AnalyzeStack), wire form: unknowns are {@link UNKNOWN}. */
    properties: JsonObject;
    /** Parent URN; defaults to the stack's URN. */
    parent?: string;
    protect?: boolean;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    provider?: ProviderResource;
}

/** The value the engine sends for a property not known during preview. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "disabled", "remediate"];

function levelName(p: Protos, level: analyzerPb.EnforcementLevel): EnforcementLevel {
    const L = p.analyzer.EnforcementLevel;
    switch (level) {
        case L.ADVISORY:
            return "advisory";
        case L.MANDATORY:
            return "mandatory";
        case L.DISABLED:
            return "disabled";
        case L.REMEDIATE:
            return "remediate";
        default:
            throw new Error(`invalid enforcement level ${String(level)}`);
    }
}

function levelEnum(p: Protos, level: EnforcementLevel): analyzerPb.EnforcementLevel {
    const L = p.analyzer.EnforcementLevel;
    switch (level) {
        case "advisory":
            return L.ADVISORY;
        case "mandatory":
            return L.MANDATORY;
        case "disabled":
            return L.DISABLED;
        case "remediate":
            return L.REMEDIATE;
    }
}

function severityName(p: Protos, s: analyzerPb.PolicySeverity): Severity {
    const S = p.analyzer.PolicySeverity;
    switch (s) {
        case S.POLICY_SEVERITY_LOW:
            return "low";
        case S.POLICY_SEVERITY_MEDIUM:
            return "medium";
        case S.POLICY_SEVERITY_HIGH:
            return "high";
        case S.POLICY_SEVERITY_CRITICAL:
            return "critical";
        default:
            return "";
    }
}

function policyKind(p: Protos, t: analyzerPb.PolicyType): PolicyKind {
    const T = p.analyzer.PolicyType;
    return t === T.POLICY_TYPE_RESOURCE ? "resource" : t === T.POLICY_TYPE_STACK ? "stack" : "unknown";
}

function structToJson(s: structPb.Struct | undefined): JsonObject {
    return s === undefined ? {} : (s.toJavaScript() as JsonObject);
}

function isJsonObject(v: unknown): v is JsonObject {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

function toInfo(p: Protos, ai: analyzerPb.AnalyzerInfo): AnalyzerInfo {
    const initialConfig: Record<string, PolicyConfig> = {};
    ai.getInitialconfigMap().forEach((v, k) => {
        initialConfig[k] = { enforcementLevel: levelName(p, v.getEnforcementlevel()), properties: structToJson(v.getProperties()) };
    });
    return {
        name: ai.getName(),
        displayName: ai.getDisplayname(),
        version: ai.getVersion(),
        description: ai.getDescription(),
        provider: ai.getProvider(),
        tags: ai.getTagsList(),
        supportsConfig: ai.getSupportsconfig(),
        initialConfig,
        policies: ai.getPoliciesList().map((pi) => {
            const schema = pi.getConfigschema();
            return {
                name: pi.getName(),
                displayName: pi.getDisplayname(),
                description: pi.getDescription(),
                message: pi.getMessage(),
                enforcementLevel: levelName(p, pi.getEnforcementlevel()),
                policyType: policyKind(p, pi.getPolicyType()),
                severity: severityName(p, pi.getSeverity()),
                remediationSteps: pi.getRemediationSteps(),
                url: pi.getUrl(),
                tags: pi.getTagsList(),
                configSchema:
                    schema === undefined ? undefined : { properties: structToJson(schema.getProperties()), required: schema.getRequiredList() },
            };
        }),
    };
}

function toResult(p: Protos, resp: analyzerPb.AnalyzeResponse): AnalyzeResult {
    return {
        diagnostics: resp.getDiagnosticsList().map((d) => {
            const description = d.getDescription();
            const message = d.getMessage();
            return {
                policyName: d.getPolicyname(),
                policyPackName: d.getPolicypackname(),
                policyPackVersion: d.getPolicypackversion(),
                description,
                message,
                violation: description !== "" && message.startsWith(`${description}\n`) ? message.slice(description.length + 1) : message,
                enforcementLevel: levelName(p, d.getEnforcementlevel()),
                severity: severityName(p, d.getSeverity()),
                urn: d.getUrn(),
            };
        }),
        notApplicable: resp.getNotApplicableList().map((n) => ({ policyName: n.getPolicyName(), reason: n.getReason() })),
    };
}

// ---------------------------------------------------------------------------------------------------
// Policy config, as the engine reconciles it

/** A `--policy-pack-config` file's content: a level, or an object of properties with an optional level. */
export type PolicyPackConfigFile = Record<string, EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & JsonObject)>;

function parsePolicyPackConfig(file: PolicyPackConfigFile): Record<string, { enforcementLevel?: EnforcementLevel; properties: JsonObject }> {
    const out: Record<string, { enforcementLevel?: EnforcementLevel; properties: JsonObject }> = {};
    for (const [name, value] of Object.entries(file)) {
        if (typeof value === "string") {
            if (!LEVELS.includes(value)) {
                throw new Error(`parsing enforcement level for "${name}": "${value}" is not a valid enforcement level`);
            }
            out[name] = { enforcementLevel: value, properties: {} };
            continue;
        }
        const { enforcementLevel, ...properties } = value;
        if (enforcementLevel !== undefined && !LEVELS.includes(enforcementLevel)) {
            throw new Error(`parsing enforcement level for "${name}": "${String(enforcementLevel)}" is not a valid enforcement level`);
        }
        out[name] = { ...(enforcementLevel === undefined ? {} : { enforcementLevel }), properties: properties as JsonObject };
    }
    return out;
}

/** Errors of `value` against the subset of JSON schema policy config schemas use here (type, enum, items). */
function schemaErrors(schema: JsonValue, value: JsonValue, where: string): string[] {
    if (!isJsonObject(schema)) {
        return [];
    }
    const errors: string[] = [];
    const type = schema["type"];
    const typeOk =
        type === undefined ||
        (type === "array" && Array.isArray(value)) ||
        (type === "object" && isJsonObject(value)) ||
        (type === "string" && typeof value === "string") ||
        (type === "boolean" && typeof value === "boolean") ||
        (type === "number" && typeof value === "number") ||
        (type === "integer" && Number.isInteger(value));
    if (!typeOk) {
        errors.push(`${where}: Invalid type. Expected: ${String(type)}, given: ${JSON.stringify(value)}`);
    }
    const allowed = schema["enum"];
    if (Array.isArray(allowed) && !allowed.some((a) => JSON.stringify(a) === JSON.stringify(value))) {
        errors.push(`${where}: ${where} must be one of the following: ${allowed.map((a) => JSON.stringify(a)).join(", ")}`);
    }
    if (Array.isArray(value) && schema["items"] !== undefined) {
        value.forEach((item, i) => errors.push(...schemaErrors(schema["items"] ?? null, item, `${where}.${i}`)));
    }
    return errors;
}

/**
 * The config the engine sends with Configure: every policy with its own enforcement level and the
 * defaults of its config schema, then the pack's initial config, then `file` (an `all` entry sets every
 * policy's level first). Throws with the validation errors the engine would print, if any.
 */
export function reconcilePolicyPackConfig(info: AnalyzerInfo, file: PolicyPackConfigFile = {}): Record<string, PolicyConfig> {
    const result: Record<string, PolicyConfig> = {};
    for (const policy of info.policies) {
        const properties: JsonObject = {};
        for (const [key, prop] of Object.entries(policy.configSchema?.properties ?? {})) {
            if (isJsonObject(prop) && prop["default"] !== undefined) {
                properties[key] = prop["default"];
            }
        }
        result[policy.name] = { enforcementLevel: policy.enforcementLevel, properties };
    }
    const apply = (config: Record<string, { enforcementLevel?: EnforcementLevel; properties: JsonObject }>): void => {
        const all = config["all"]?.enforcementLevel;
        if (all !== undefined) {
            for (const entry of Object.values(result)) {
                entry.enforcementLevel = all;
            }
        }
        for (const [name, given] of Object.entries(config)) {
            // The engine keeps `all` (and unknown names) as entries too; the pack ignores them.
            const entry = (result[name] ??= { enforcementLevel: given.enforcementLevel ?? "advisory", properties: {} });
            if (given.enforcementLevel !== undefined) {
                entry.enforcementLevel = given.enforcementLevel;
            }
            Object.assign(entry.properties, given.properties);
        }
    };
    apply(info.initialConfig);
    apply(parsePolicyPackConfig(file));

    const errors: string[] = [];
    for (const policy of info.policies) {
        const schema = policy.configSchema;
        if (schema === undefined) {
            continue;
        }
        const props = result[policy.name]?.properties ?? {};
        for (const required of schema.required) {
            if (!(required in props)) {
                errors.push(`${policy.name}: ${required} is required`);
            }
        }
        for (const [key, value] of Object.entries(props)) {
            errors.push(...schemaErrors(schema.properties[key] ?? null, value, key).map((e) => `${policy.name}: ${e}`));
        }
    }
    if (errors.length > 0) {
        throw new Error(`validating policy config:\n${errors.sort().join("\n")}`);
    }
    return result;
}

// ---------------------------------------------------------------------------------------------------
// Starting the pack

export interface StartPolicyPackOptions {
    /** The directory holding PulumiPolicy.yaml (the engine's policyPackPath). */
    packDir: string;
    /** Address of the engine's gRPC server (`host.ServerAddr()`), passed as the first argument. */
    engineAddress: string;
    organization: string;
    project: string;
    stack: string;
    dryRun: boolean;
    /** The stack's decrypted config, `<ns>:<key>` to string; sent in PULUMI_CONFIG when non-empty. */
    stackConfig?: Record<string, string>;
    /** `runtime.options` of PulumiPolicy.yaml, passed as `-<key>=<value>` arguments. */
    runtimeOptions?: Record<string, string>;
    /** How long to wait for the port (ts-node type-checks the pack first). Default 45 s. */
    startTimeoutMs?: number;
}

export interface CallTiming {
    method: string;
    ms: number;
}

export interface StackConfigureArgs {
    organization: string;
    project: string;
    stack: string;
    dryRun: boolean;
    config?: Record<string, string>;
    configSecretKeys?: string[];
    tags?: Record<string, string>;
}

export interface PolicyPackProcess {
    /** `[node, run-policy-pack, engine address, ".", ...runtime options]`. */
    argv: string[];
    cwd: string;
    /** The variables added to the inherited environment. */
    addedEnv: Record<string, string>;
    port: number;
    pid: number;
    /** Spawn to port on stdout. */
    startupMs: number;
    /** Latency of each RPC, in call order. */
    timings: CallTiming[];
    /** What the pack wrote to stderr / to stdout after the port line. */
    stderr(): string;
    stdout(): string;
    /** Exit code and signal, once it has exited. */
    exited(): { code: number | null; signal: NodeJS.Signals | null } | undefined;
    /** Handshake as the engine sends it; "unimplemented" when the pack predates the call. */
    handshake(): Promise<"ok" | "unimplemented">;
    configureStack(args: StackConfigureArgs): Promise<void>;
    getAnalyzerInfo(): Promise<AnalyzerInfo>;
    getPluginVersion(): Promise<string>;
    configure(config: Record<string, PolicyConfig>): Promise<void>;
    analyze(resource: ResourceToAnalyze): Promise<AnalyzeResult>;
    analyzeStack(resources: ResourceToAnalyze[]): Promise<AnalyzeResult>;
    /** Remediate, which the engine calls before Analyze for each resource; remediations run in policy order. */
    remediate(resource: ResourceToAnalyze): Promise<RemediateResult>;
    /**
     * The engine's per-resource pass (step generator): Remediate, take the last remediated properties
     * (a remediation that only reports a diagnostic changes nothing), then Analyze those.
     */
    check(resource: ResourceToAnalyze): Promise<AnalyzeResult & { remediated: RemediateResult; properties: JsonObject }>;
    /** The URN the engine gives a top-level resource of this stack. */
    urn(type: string, name: string): string;
    /** Close the connection and stop the process (SIGTERM, then SIGKILL after 2 s). */
    kill(): Promise<void>;
}

/** Start the pack in `options.packDir` as the engine does and connect to its Analyzer server. */
export async function startPolicyPack(options: StartPolicyPackOptions): Promise<PolicyPackProcess> {
    const packDir = path.resolve(options.packDir);
    const p = loadProtos(packDir);
    const runPolicyPack = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });

    const addedEnv: Record<string, string> = {};
    const config = options.stackConfig ?? {};
    if (Object.keys(config).length > 0) {
        addedEnv["PULUMI_CONFIG"] = JSON.stringify(config);
    }
    const dryRun = String(options.dryRun);
    Object.assign(addedEnv, {
        PULUMI_NODEJS_ORGANIZATION: options.organization,
        PULUMI_NODEJS_PROJECT: options.project,
        PULUMI_NODEJS_STACK: options.stack,
        PULUMI_NODEJS_DRY_RUN: dryRun,
        PULUMI_ORGANIZATION: options.organization,
        PULUMI_PROJECT: options.project,
        PULUMI_STACK: options.stack,
        PULUMI_DRY_RUN: dryRun,
    });
    const env = { ...inheritedEnv(["PULUMI_ORGANIZATION", "PULUMI_PROJECT", "PULUMI_STACK", "PULUMI_DRY_RUN"]), ...addedEnv };
    const node = lookPath("node", env["PATH"]) ?? process.execPath;
    const args = [runPolicyPack, options.engineAddress, "."];
    for (const [k, v] of Object.entries(options.runtimeOptions ?? {})) {
        if (v !== "") {
            args.push(`-${k}=${v}`);
        }
    }

    const started = performance.now();
    const child: ChildProcess = spawn(node, args, { cwd: packDir, env, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let stdout = "";
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
        stderr += chunk;
    });
    const exitedPromise = new Promise<void>((resolve) => {
        child.on("exit", (code, signal) => {
            exit = { code, signal };
            resolve();
        });
    });

    const port = await new Promise<number>((resolve, reject) => {
        let line = "";
        let settled = false;
        const fail = (why: string) => {
            if (!settled) {
                settled = true;
                clearTimeout(timer);
                child.kill("SIGKILL");
                reject(new Error(`policy pack ${packDir} ${why}\nstderr:\n${stderr}\nstdout:\n${line}`));
            }
        };
        const timer = setTimeout(() => fail(`wrote no port within ${options.startTimeoutMs ?? 45_000} ms`), options.startTimeoutMs ?? 45_000);
        child.on("error", (err) => fail(`could not be started: ${err.message}`));
        child.on("exit", (code, signal) => fail(`exited (code ${code}, signal ${signal}) before writing its port`));
        child.stdout?.setEncoding("utf8");
        child.stdout?.on("data", (chunk: string) => {
            if (settled) {
                stdout += chunk;
                return;
            }
            line += chunk;
            const nl = line.indexOf("\n");
            if (nl < 0) {
                return;
            }
            stdout += line.slice(nl + 1);
            const portString = line.slice(0, nl).trim();
            const parsed = Number(portString);
            if (!/^[0-9]+$/.test(portString) || parsed <= 0 || parsed > 65535) {
                fail(`wrote an invalid port to stdout: ${JSON.stringify(portString)}`);
                return;
            }
            settled = true;
            clearTimeout(timer);
            resolve(parsed);
        });
    });
    const startupMs = performance.now() - started;

    const client = new p.analyzerGrpc.AnalyzerClient(`127.0.0.1:${port}`, p.grpc.credentials.createInsecure(), {
        "grpc.max_receive_message_length": 1024 * 1024 * 400,
        "grpc.max_send_message_length": 1024 * 1024 * 400,
    });
    const timings: CallTiming[] = [];

    type Unary<Req, Res> = (
        req: Req,
        metadata: grpcTypes.Metadata,
        opts: Partial<grpcTypes.CallOptions>,
        cb: (err: grpcTypes.ServiceError | null, res: Res) => void,
    ) => unknown;
    const call = <Req, Res>(method: string, fn: Unary<Req, Res>, req: Req): Promise<Res> => {
        const t0 = performance.now();
        return new Promise<Res>((resolve, reject) => {
            fn.call(client, req, new p.grpc.Metadata(), { deadline: Date.now() + 30_000 }, (err, res) => {
                timings.push({ method, ms: performance.now() - t0 });
                if (err !== null) {
                    reject(err);
                } else {
                    resolve(res);
                }
            });
        });
    };

    const stackUrn = `urn:pulumi:${options.stack}::${options.project}::pulumi:pulumi:Stack::${options.project}-${options.stack}`;
    const urn = (type: string, name: string) => `urn:pulumi:${options.stack}::${options.project}::${type}::${name}`;

    const resourceOptions = (r: ResourceToAnalyze): analyzerPb.AnalyzerResourceOptions => {
        const o = new p.analyzer.AnalyzerResourceOptions();
        o.setProtect(r.protect ?? false);
        o.setParent(r.parent ?? stackUrn);
        const timeouts = new p.analyzer.AnalyzerResourceOptions.CustomTimeouts();
        timeouts.setCreate(0);
        timeouts.setUpdate(0);
        timeouts.setDelete(0);
        o.setCustomtimeouts(timeouts);
        return o;
    };
    const provider = (r: ResourceToAnalyze): analyzerPb.AnalyzerProviderResource | undefined => {
        if (r.provider === undefined) {
            return undefined;
        }
        const pr = new p.analyzer.AnalyzerProviderResource();
        pr.setType(r.provider.type);
        pr.setUrn(r.provider.urn);
        pr.setName(r.provider.name);
        pr.setProperties(p.struct.Struct.fromJavaScript(r.provider.properties));
        return pr;
    };

    const analyzeRequest = (r: ResourceToAnalyze): analyzerPb.AnalyzeRequest => {
        const req = new p.analyzer.AnalyzeRequest();
        req.setType(r.type);
        req.setName(r.name);
        req.setUrn(r.urn ?? urn(r.type, r.name));
        req.setProperties(p.struct.Struct.fromJavaScript(r.properties));
        req.setOptions(resourceOptions(r));
        const pr = provider(r);
        if (pr !== undefined) {
            req.setProvider(pr);
        }
        return req;
    };

    const handle: PolicyPackProcess = {
        argv: [node, ...args],
        cwd: packDir,
        addedEnv,
        port,
        pid: child.pid ?? -1,
        startupMs,
        timings,
        stderr: () => stderr,
        stdout: () => stdout,
        exited: () => exit,
        urn,

        async handshake() {
            const req = new p.analyzer.AnalyzerHandshakeRequest();
            req.setEngineAddress(options.engineAddress);
            req.setRootDirectory(packDir);
            req.setProgramDirectory(packDir);
            const deadline = Date.now() + 10_000;
            for (;;) {
                try {
                    await call("Handshake", client.handshake, req);
                    return "ok";
                } catch (err) {
                    const code = (err as grpcTypes.ServiceError).code;
                    if (code === p.grpc.status.UNIMPLEMENTED) {
                        return "unimplemented";
                    }
                    if (code !== p.grpc.status.UNAVAILABLE || Date.now() > deadline) {
                        throw err;
                    }
                    await new Promise((r) => setTimeout(r, 10));
                }
            }
        },

        async configureStack(a) {
            const req = new p.analyzer.AnalyzerStackConfigureRequest();
            req.setOrganization(a.organization);
            req.setProject(a.project);
            req.setStack(a.stack);
            req.setDryRun(a.dryRun);
            req.setConfigSecretKeysList(a.configSecretKeys ?? []);
            for (const [k, v] of Object.entries(a.config ?? {})) {
                req.getConfigMap().set(k, v);
            }
            for (const [k, v] of Object.entries(a.tags ?? {})) {
                req.getTagsMap().set(k, v);
            }
            await call("ConfigureStack", client.configureStack, req);
        },

        async getAnalyzerInfo() {
            return toInfo(p, await call("GetAnalyzerInfo", client.getAnalyzerInfo, new p.empty.Empty()));
        },

        async getPluginVersion() {
            return (await call("GetPluginInfo", client.getPluginInfo, new p.empty.Empty())).getVersion();
        },

        async configure(cfg) {
            const req = new p.analyzer.ConfigureAnalyzerRequest();
            for (const [name, c] of Object.entries(cfg)) {
                const pc = new p.analyzer.PolicyConfig();
                pc.setEnforcementlevel(levelEnum(p, c.enforcementLevel));
                // The engine always sends a Struct (marshalMap), empty when there are no properties.
                pc.setProperties(p.struct.Struct.fromJavaScript(c.properties));
                req.getPolicyconfigMap().set(name, pc);
            }
            await call("Configure", client.configure, req);
        },

        async analyze(r) {
            return toResult(p, await call("Analyze", client.analyze, analyzeRequest(r)));
        },

        async remediate(r) {
            const resp = await call("Remediate", client.remediate, analyzeRequest(r));
            return {
                remediations: resp.getRemediationsList().map((rm) => ({
                    policyName: rm.getPolicyname(),
                    policyPackName: rm.getPolicypackname(),
                    description: rm.getDescription(),
                    properties: rm.getProperties() === undefined ? undefined : structToJson(rm.getProperties()),
                    diagnostic: rm.getDiagnostic(),
                })),
                notApplicable: resp.getNotApplicableList().map((n) => ({ policyName: n.getPolicyName(), reason: n.getReason() })),
            };
        },

        async check(r) {
            const remediated = await handle.remediate(r);
            let properties = r.properties;
            for (const rm of remediated.remediations) {
                if (rm.diagnostic === "" && rm.properties !== undefined) {
                    properties = rm.properties;
                }
            }
            return { ...(await handle.analyze({ ...r, properties })), remediated, properties };
        },

        async analyzeStack(resources) {
            const req = new p.analyzer.AnalyzeStackRequest();
            req.setResourcesList(
                resources.map((r) => {
                    const ar = new p.analyzer.AnalyzerResource();
                    ar.setType(r.type);
                    ar.setName(r.name);
                    ar.setUrn(r.urn ?? urn(r.type, r.name));
                    ar.setProperties(p.struct.Struct.fromJavaScript(r.properties));
                    ar.setOptions(resourceOptions(r));
                    ar.setParent(r.parent ?? stackUrn);
                    ar.setDependenciesList(r.dependencies ?? []);
                    for (const [key, urns] of Object.entries(r.propertyDependencies ?? {})) {
                        if (urns.length > 0) {
                            const deps = new p.analyzer.AnalyzerPropertyDependencies();
                            deps.setUrnsList(urns);
                            ar.getPropertydependenciesMap().set(key, deps);
                        }
                    }
                    const pr = provider(r);
                    if (pr !== undefined) {
                        ar.setProvider(pr);
                    }
                    return ar;
                }),
            );
            return toResult(p, await call("AnalyzeStack", client.analyzeStack, req));
        },

        async kill() {
            client.close();
            if (exit === undefined) {
                child.kill("SIGTERM");
                const timer = setTimeout(() => {
                    if (exit === undefined) {
                        child.kill("SIGKILL");
                    }
                }, 2_000);
                await exitedPromise;
                clearTimeout(timer);
            }
        },
    };
    return handle;
}
