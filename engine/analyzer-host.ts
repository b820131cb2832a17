import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import type { EnforcementLevel } from "@pulumi/policy";
import type * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import { CHANNEL_OPTIONS, inheritedEnv, sdkProtos, waitForPort, type Protos } from "./grpc";
import type { PolicyConfig, PolicyInfo } from "./pack-config";

// How the engine runs a Node.js policy pack (pulumi/pulumi sdk/go/common/resource/plugin
// analyzer_plugin.go, NewPolicyAnalyzer; pkg/engine/update.go): `node
// <@pulumi/pulumi/cmd/run-policy-pack> <engine address> .` in the pack's folder, with the
// stack's identity in the environment; the first line of stdout is the port. Then, per
// update: Handshake (UNIMPLEMENTED means an older analyzer), ConfigureStack,
// GetAnalyzerInfo, Configure with the reconciled config, Remediate and Analyze per
// resource, AnalyzeStack at the end.

export interface AnalyzerPolicy extends PolicyInfo {
    description: string;
    enforcementLevel: EnforcementLevel;
    policyType: string;
    severity: string;
    remediationSteps: string;
}

export interface AnalyzerInfo {
    name: string;
    version: string;
    supportsConfig: boolean;
    policies: AnalyzerPolicy[];
}

export interface Diagnostic {
    policyName: string;
    policyPackName: string;
    /** What the policy reported (the sent message is the policy's description, a newline, then this). */
    violation: string;
    enforcementLevel: EnforcementLevel;
    severity: string;
    urn: string;
}

export interface AnalyzeResult {
    diagnostics: Diagnostic[];
    notApplicable: string[];
}

export interface Remediation {
    policyName: string;
    /** The resource's properties as the remediation left them, or a diagnostic when it could not run. */
    properties: Record<string, unknown> | undefined;
    diagnostic: string;
}

/** A resource as the engine sends it: inputs to Analyze and Remediate, outputs to AnalyzeStack. */
export interface AnalyzedResource {
    type: string;
    name: string;
    urn: string;
    properties: Record<string, unknown>;
    parent: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    protect?: boolean;
}

export interface StackIdentity {
    organization: string;
    project: string;
    stack: string;
    dryRun: boolean;
    /** The stack's decrypted config, `<namespace>:<key>` to text. */
    config: Record<string, string>;
}

export interface PolicyPackProcess {
    /** From spawn to the port on stdout. */
    startupMs: number;
    stderr(): string;
    running(): boolean;
    handshake(): Promise<"ok" | "unimplemented">;
    configureStack(tags: Record<string, string>): Promise<void>;
    getAnalyzerInfo(): Promise<AnalyzerInfo>;
    configure(config: Map<string, PolicyConfig>): Promise<void>;
    remediate(resource: AnalyzedResource): Promise<Remediation[]>;
    analyze(resource: AnalyzedResource): Promise<AnalyzeResult>;
    /**
     * The engine's pass over one resource (step generator): Remediate, then Analyze the
     * properties the last successful remediation left.
     */
    check(resource: AnalyzedResource): Promise<AnalyzeResult & { remediations: Remediation[]; properties: Record<string, unknown> }>;
    analyzeStack(resources: AnalyzedResource[]): Promise<AnalyzeResult>;
    /**
     * Requests built and encoded as the engine builds them (in Go, before it calls), for a
     * benchmark to time the pack and not this stand-in's JavaScript: sent with `send`.
     */
    encode: {
        getAnalyzerInfo(): EncodedRequest;
        configure(config: Map<string, PolicyConfig>): EncodedRequest;
        analyze(resource: AnalyzedResource): EncodedRequest;
        analyzeStack(resources: AnalyzedResource[]): EncodedRequest;
    };
    /** Sends an encoded request; the answer comes back as the pack encoded it, since decoding it is the engine's work too. */
    send(request: EncodedRequest): Promise<Buffer>;
    /** An Analyze or AnalyzeStack answer, decoded. */
    decodeResult(answer: Buffer): AnalyzeResult;
    stop(): Promise<void>;
}

/** A request as the engine sends it: the Analyzer method and the encoded message, which any process of the same pack takes. */
export interface EncodedRequest {
    readonly method: "getAnalyzerInfo" | "configure" | "analyze" | "analyzeStack";
    readonly bytes: Buffer;
}

/** The lower-case name of a protocol enum value, without the enum's prefix (`POLICY_SEVERITY_HIGH` is "high"). */
function enumName(values: object, value: number, prefix = ""): string {
    const key = Object.entries(values).find(([, candidate]) => candidate === value)?.[0] ?? "";
    return key.slice(prefix.length).toLowerCase();
}

function result(p: Protos, response: analyzerPb.AnalyzeResponse): AnalyzeResult {
    return {
        diagnostics: response.getDiagnosticsList().map((diagnostic) => ({
            policyName: diagnostic.getPolicyname(),
            policyPackName: diagnostic.getPolicypackname(),
            violation: diagnostic.getMessage().slice(diagnostic.getDescription().length + 1),
            enforcementLevel: enumName(p.analyzer.EnforcementLevel, diagnostic.getEnforcementlevel()) as EnforcementLevel,
            severity: enumName(p.analyzer.PolicySeverity, diagnostic.getSeverity(), "POLICY_SEVERITY_"),
            urn: diagnostic.getUrn(),
        })),
        notApplicable: response.getNotApplicableList().map((skipped) => skipped.getPolicyName()),
    };
}

/** Starts the pack in `packDir` as the engine does and connects to its Analyzer service. */
export async function startPolicyPack(packDir: string, engineAddress: string, identity: StackIdentity): Promise<PolicyPackProcess> {
    const dir = resolve(packDir);
    const p = sdkProtos(dir);
    const runPolicyPack = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [dir] });
    const stackEnv = { ORGANIZATION: identity.organization, PROJECT: identity.project, STACK: identity.stack, DRY_RUN: String(identity.dryRun) };
    const env = {
        ...inheritedEnv(Object.keys(stackEnv).map((key) => `PULUMI_${key}`)),
        ...(Object.keys(identity.config).length > 0 ? { PULUMI_CONFIG: JSON.stringify(identity.config) } : {}),
        ...Object.fromEntries(Object.entries(stackEnv).flatMap(([key, value]) => [[`PULUMI_NODEJS_${key}`, value], [`PULUMI_${key}`, value]])),
    };
    const started = performance.now();
    const child = spawn(process.execPath, [runPolicyPack, engineAddress, "."], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let exited = false;
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", () => (exited = true));
    const port = await waitForPort(child, "policy pack", () => stderr);
    const startupMs = performance.now() - started;
    const client = new p.analyzerGrpc.AnalyzerClient(`127.0.0.1:${port}`, p.grpc.credentials.createInsecure(), CHANNEL_OPTIONS);

    const call = <Req, Res>(method: (req: Req, callback: (error: Error | null, response: Res) => void) => unknown, request: Req) =>
        new Promise<Res>((resolveCall, reject) => method.call(client, request, (error, response) => (error ? reject(error) : resolveCall(response))));

    const options = (resource: AnalyzedResource) => {
        const timeouts = new p.analyzer.AnalyzerResourceOptions.CustomTimeouts().setCreate(0).setUpdate(0).setDelete(0);
        return new p.analyzer.AnalyzerResourceOptions().setProtect(resource.protect ?? false).setParent(resource.parent).setCustomtimeouts(timeouts);
    };
    const analyzeRequest = (resource: AnalyzedResource) =>
        new p.analyzer.AnalyzeRequest()
            .setType(resource.type)
            .setName(resource.name)
            .setUrn(resource.urn)
            .setProperties(p.struct.Struct.fromJavaScript(resource.properties as never))
            .setOptions(options(resource));
    const stackRequest = (resources: AnalyzedResource[]) =>
        new p.analyzer.AnalyzeStackRequest().setResourcesList(
            resources.map((resource) => {
                const analyzed = new p.analyzer.AnalyzerResource()
                    .setType(resource.type)
                    .setName(resource.name)
                    .setUrn(resource.urn)
                    .setProperties(p.struct.Struct.fromJavaScript(resource.properties as never))
                    .setOptions(options(resource))
                    .setParent(resource.parent)
                    .setDependenciesList(resource.dependencies ?? []);
                for (const [key, urns] of Object.entries(resource.propertyDependencies ?? {})) {
                    analyzed.getPropertydependenciesMap().set(key, new p.analyzer.AnalyzerPropertyDependencies().setUrnsList(urns));
                }
                return analyzed;
            }),
        );
    const configureRequest = (config: Map<string, PolicyConfig>) => {
        const request = new p.analyzer.ConfigureAnalyzerRequest();
        for (const [name, { enforcementLevel, properties }] of config) {
            const level = p.analyzer.EnforcementLevel[enforcementLevel.toUpperCase() as keyof typeof p.analyzer.EnforcementLevel];
            request.getPolicyconfigMap().set(name, new p.analyzer.PolicyConfig().setEnforcementlevel(level).setProperties(p.struct.Struct.fromJavaScript(properties as never)));
        }
        return request;
    };

    const pack: PolicyPackProcess = {
        startupMs,
        stderr: () => stderr,
        running: () => !exited,
        async handshake() {
            const request = new p.analyzer.AnalyzerHandshakeRequest().setEngineAddress(engineAddress).setRootDirectory(dir).setProgramDirectory(dir);
            try {
                await call(client.handshake, request);
                return "ok";
            } catch (error) {
                if ((error as { code?: number }).code === p.grpc.status.UNIMPLEMENTED) {
                    return "unimplemented";
                }
                throw error;
            }
        },
        async configureStack(tags) {
            const request = new p.analyzer.AnalyzerStackConfigureRequest()
                .setOrganization(identity.organization)
                .setProject(identity.project)
                .setStack(identity.stack)
                .setDryRun(identity.dryRun);
            for (const [key, value] of Object.entries(identity.config)) {
                request.getConfigMap().set(key, value);
            }
            for (const [key, value] of Object.entries(tags)) {
                request.getTagsMap().set(key, value);
            }
            await call(client.configureStack, request);
        },
        async getAnalyzerInfo() {
            const info: analyzerPb.AnalyzerInfo = await call(client.getAnalyzerInfo, new p.empty.Empty());
            return {
                name: info.getName(),
                version: info.getVersion(),
                supportsConfig: info.getSupportsconfig(),
                policies: info.getPoliciesList().map((policy) => {
                    const schema = policy.getConfigschema();
                    return {
                        name: policy.getName(),
                        description: policy.getDescription(),
                        enforcementLevel: enumName(p.analyzer.EnforcementLevel, policy.getEnforcementlevel()) as EnforcementLevel,
                        policyType: enumName(p.analyzer.PolicyType, policy.getPolicyType(), "POLICY_TYPE_"),
                        severity: enumName(p.analyzer.PolicySeverity, policy.getSeverity(), "POLICY_SEVERITY_"),
                        remediationSteps: policy.getRemediationSteps(),
                        configSchema:
                            schema === undefined
                                ? undefined
                                : { properties: schema.getProperties()?.toJavaScript() ?? {}, required: schema.getRequiredList() },
                    };
                }),
            };
        },
        async configure(config) {
            await call(client.configure, configureRequest(config));
        },
        async remediate(resource) {
            const response: analyzerPb.RemediateResponse = await call(client.remediate, analyzeRequest(resource));
            return response.getRemediationsList().map((remediation) => ({
                policyName: remediation.getPolicyname(),
                properties: remediation.getProperties()?.toJavaScript(),
                diagnostic: remediation.getDiagnostic(),
            }));
        },
        async analyze(resource) {
            return result(p, await call(client.analyze, analyzeRequest(resource)));
        },
        async check(resource) {
            const remediations = await pack.remediate(resource);
            const properties = remediations.filter((remediation) => remediation.diagnostic === "").reduce((props, remediation) => remediation.properties ?? props, resource.properties);
            return { ...(await pack.analyze({ ...resource, properties })), remediations, properties };
        },
        async analyzeStack(resources) {
            return pack.decodeResult(await pack.send(pack.encode.analyzeStack(resources)));
        },
        encode: {
            getAnalyzerInfo: () => ({ method: "getAnalyzerInfo", bytes: Buffer.from(new p.empty.Empty().serializeBinary()) }),
            configure: (config) => ({ method: "configure", bytes: Buffer.from(configureRequest(config).serializeBinary()) }),
            analyze: (resource) => ({ method: "analyze", bytes: Buffer.from(analyzeRequest(resource).serializeBinary()) }),
            analyzeStack: (resources) => ({ method: "analyzeStack", bytes: Buffer.from(stackRequest(resources).serializeBinary()) }),
        },
        send({ method, bytes }) {
            const path = p.analyzerGrpc.AnalyzerService[method].path;
            const same = (message: Buffer) => message;
            return new Promise<Buffer>((resolveCall, reject) =>
                client.makeUnaryRequest(path, same, same, bytes, (error, answer) =>
                    error || answer === undefined ? reject(error ?? new Error(`${method} gave no answer`)) : resolveCall(answer),
                ),
            );
        },
        decodeResult(answer) {
            return result(p, p.analyzer.AnalyzeResponse.deserializeBinary(answer));
        },
        async stop() {
            client.close();
            if (!exited) {
                const gone = new Promise((resolveExit) => child.on("exit", resolveExit));
                child.kill("SIGTERM");
                const timer = setTimeout(() => child.kill("SIGKILL"), 2_000);
                await gone;
                clearTimeout(timer);
            }
        },
    };
    return pack;
}
