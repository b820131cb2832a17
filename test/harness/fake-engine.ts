// A stand-in for the Pulumi engine, as seen by a Node.js Pulumi program.
//
// It serves, on ONE gRPC server bound to 127.0.0.1 (a port the kernel picks), the two services a
// program talks to during `pulumi up` / `pulumi preview`:
//
//   * `pulumirpc.ResourceMonitor` (--monitor): resource registrations, invokes, reads, feature probes;
//   * `pulumirpc.Engine`          (--engine):  log messages and the root (stack) resource.
//
// It behaves like the engine of a preview with no providers installed: every registration succeeds,
// URNs are built the way the engine builds them, custom resources get the id `<name>_id`, and a
// resource's outputs are its inputs echoed back. It records everything the program sends so tests can
// assert on the resource graph, the options and the diagnostics.
//
// Resource transforms, stack transforms and invoke transforms are run like the engine runs them (the
// engine calls back into the program's callback server), so programs that use `transforms` or
// `pulumi.runtime.registerResourceTransform` load here as they do under `pulumi up`. Resource hooks,
// error hooks and state migrations need the engine to call back at lifecycle points it never reaches
// here, so those features are reported as unsupported (the SDK then fails loudly if a program uses them).
//
// The generated protobuf/gRPC modules of @pulumi/pulumi are used, and @grpc/grpc-js and google-protobuf
// are loaded from where that @pulumi/pulumi resolves them, so `instanceof` checks inside the generated
// (de)serializers hold.

import { createRequire } from "node:module";
import * as path from "node:path";

import type * as grpcTypes from "@grpc/grpc-js";
import type * as aliasPb from "@pulumi/pulumi/proto/alias_pb";
import type * as callbackGrpc from "@pulumi/pulumi/proto/callback_grpc_pb";
import type * as callbackPb from "@pulumi/pulumi/proto/callback_pb";
import type * as engineGrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import type * as enginePb from "@pulumi/pulumi/proto/engine_pb";
import type * as providerPb from "@pulumi/pulumi/proto/provider_pb";
import type * as resourceGrpc from "@pulumi/pulumi/proto/resource_grpc_pb";
import type * as resourcePb from "@pulumi/pulumi/proto/resource_pb";
import type * as emptyPb from "google-protobuf/google/protobuf/empty_pb";
import type * as structPb from "google-protobuf/google/protobuf/struct_pb";

// ---------------------------------------------------------------------------------------------------
// Module loading

interface Protos {
    grpc: typeof grpcTypes;
    resource: typeof resourcePb;
    resourceGrpc: typeof resourceGrpc;
    engine: typeof enginePb;
    engineGrpc: typeof engineGrpc;
    callback: typeof callbackPb;
    callbackGrpc: typeof callbackGrpc;
    provider: typeof providerPb;
    alias: typeof aliasPb;
    empty: typeof emptyPb;
    struct: typeof structPb;
}

let cachedProtos: Protos | undefined;

function loadProtos(): Protos {
    if (cachedProtos !== undefined) {
        return cachedProtos;
    }
    const here = createRequire(__filename);
    const resourceGrpcPath = here.resolve("@pulumi/pulumi/proto/resource_grpc_pb");
    // Resolve every dependency from the SDK's own proto folder so that we share module instances
    // with the generated code.
    const sdk = createRequire(resourceGrpcPath);
    const protoDir = path.dirname(resourceGrpcPath);
    cachedProtos = {
        grpc: sdk("@grpc/grpc-js") as typeof grpcTypes,
        resource: sdk(path.join(protoDir, "resource_pb")) as typeof resourcePb,
        resourceGrpc: sdk(resourceGrpcPath) as typeof resourceGrpc,
        engine: sdk(path.join(protoDir, "engine_pb")) as typeof enginePb,
        engineGrpc: sdk(path.join(protoDir, "engine_grpc_pb")) as typeof engineGrpc,
        callback: sdk(path.join(protoDir, "callback_pb")) as typeof callbackPb,
        callbackGrpc: sdk(path.join(protoDir, "callback_grpc_pb")) as typeof callbackGrpc,
        provider: sdk(path.join(protoDir, "provider_pb")) as typeof providerPb,
        alias: sdk(path.join(protoDir, "alias_pb")) as typeof aliasPb,
        empty: sdk("google-protobuf/google/protobuf/empty_pb") as typeof emptyPb,
        struct: sdk("google-protobuf/google/protobuf/struct_pb") as typeof structPb,
    };
    return cachedProtos;
}

// ---------------------------------------------------------------------------------------------------
// Wire-format helpers

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** The value the SDK sends for a property whose value is not known yet (an unknown output). */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** Key under which the SDK puts the signature of a special value (secret, resource reference, ...). */
export const SPECIAL_SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const RESOURCE_REFERENCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
export const OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
export const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
export const ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";

export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

function isJsonObject(v: JsonValue | undefined): v is JsonObject {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

function structToJson(s: structPb.Struct | undefined): JsonObject {
    if (s === undefined) {
        return {};
    }
    return s.toJavaScript() as JsonObject;
}

function jsonToStruct(p: Protos, o: JsonObject): structPb.Struct {
    return p.struct.Struct.fromJavaScript(o);
}

/**
 * The "plain" view of a wire value: secrets and output values are replaced by what they wrap (an
 * unknown output value becomes {@link UNKNOWN_VALUE}), a resource reference becomes `{ urn, id? }`.
 * Assets and archives are left as they are.
 */
export function plainValue(v: JsonValue): JsonValue {
    if (Array.isArray(v)) {
        return v.map(plainValue);
    }
    if (!isJsonObject(v)) {
        return v;
    }
    const sig = v[SPECIAL_SIG_KEY];
    if (sig === SECRET_SIG) {
        return plainValue(v["value"] ?? null);
    }
    if (sig === OUTPUT_VALUE_SIG) {
        return "value" in v ? plainValue(v["value"] ?? null) : UNKNOWN_VALUE;
    }
    if (sig === RESOURCE_REFERENCE_SIG) {
        const ref: JsonObject = { urn: v["urn"] ?? null };
        if ("id" in v) {
            ref["id"] = plainValue(v["id"] ?? null);
        }
        return ref;
    }
    if (sig === ASSET_SIG || sig === ARCHIVE_SIG) {
        return v;
    }
    const out: JsonObject = {};
    for (const [k, inner] of Object.entries(v)) {
        out[k] = plainValue(inner);
    }
    return out;
}

function plainObject(o: JsonObject): JsonObject {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(o)) {
        out[k] = plainValue(v);
    }
    return out;
}

/**
 * What the engine hands back as outputs for non-remote resources: output values are downgraded to
 * their plain value (kept secret if they were secret) or to the unknown sentinel.
 */
function downgradeOutputValues(v: JsonValue): JsonValue {
    if (Array.isArray(v)) {
        return v.map(downgradeOutputValues);
    }
    if (!isJsonObject(v)) {
        return v;
    }
    if (v[SPECIAL_SIG_KEY] === OUTPUT_VALUE_SIG) {
        if (!("value" in v)) {
            return UNKNOWN_VALUE;
        }
        const inner = downgradeOutputValues(v["value"] ?? null);
        return v["secret"] === true ? { [SPECIAL_SIG_KEY]: SECRET_SIG, value: inner } : inner;
    }
    const out: JsonObject = {};
    for (const [k, inner] of Object.entries(v)) {
        out[k] = downgradeOutputValues(inner);
    }
    return out;
}

/** The qualified type (parent types joined with `$`) of a URN `urn:pulumi:<stack>::<project>::<qtype>::<name>`. */
export function urnQualifiedType(urn: string): string {
    const parts = urn.split("::");
    const qualifiedType = parts[2];
    if (!urn.startsWith("urn:pulumi:") || parts.length < 4 || qualifiedType === undefined) {
        throw new Error(`invalid URN ${JSON.stringify(urn)}`);
    }
    return qualifiedType;
}

/** The name part of a URN. */
export function urnName(urn: string): string {
    return urn.split("::").slice(3).join("::");
}

/** The URN the engine gives a resource (see the engine's `generateURN`: the root stack's type is not prefixed). */
export function makeUrn(stack: string, project: string, parentUrn: string, type: string, name: string): string {
    let parentType = "";
    if (parentUrn !== "") {
        const q = urnQualifiedType(parentUrn);
        if (q !== ROOT_STACK_TYPE) {
            parentType = q;
        }
    }
    const qualifiedType = parentType === "" ? type : `${parentType}$${type}`;
    return `urn:pulumi:${stack}::${project}::${qualifiedType}::${name}`;
}

// ---------------------------------------------------------------------------------------------------
// Features

export const MONITOR_FEATURES = [
    "secrets",
    "resourceReferences",
    "outputValues",
    "aliasSpecs",
    "replacementTrigger",
    "deletedWith",
    "replaceWith",
    "transforms",
    "invokeTransforms",
    "parameterization",
    "resourceHooks",
    "errorHooks",
    "invokeDependsOn",
    "stateMigrations",
] as const;
export type MonitorFeature = (typeof MONITOR_FEATURES)[number];

/**
 * What the fake engine advertises by default: everything a current engine supports, except the
 * features whose callbacks it never makes (hooks, error hooks, state migrations).
 */
export const DEFAULT_FEATURES: Readonly<Record<MonitorFeature, boolean>> = {
    secrets: true,
    resourceReferences: true,
    outputValues: true,
    aliasSpecs: true,
    replacementTrigger: true,
    deletedWith: true,
    replaceWith: true,
    transforms: true,
    invokeTransforms: true,
    parameterization: true,
    resourceHooks: false,
    errorHooks: false,
    invokeDependsOn: true,
    stateMigrations: false,
};

function featureEnum(p: Protos, f: MonitorFeature): resourcePb.ResourceMonitorFeature {
    const F = p.resource.ResourceMonitorFeature;
    switch (f) {
        case "secrets":
            return F.RESOURCE_MONITOR_FEATURE_SECRETS;
        case "resourceReferences":
            return F.RESOURCE_MONITOR_FEATURE_RESOURCE_REFERENCES;
        case "outputValues":
            return F.RESOURCE_MONITOR_FEATURE_OUTPUT_VALUES;
        case "aliasSpecs":
            return F.RESOURCE_MONITOR_FEATURE_ALIAS_SPECS;
        case "replacementTrigger":
            return F.RESOURCE_MONITOR_FEATURE_REPLACEMENT_TRIGGER;
        case "deletedWith":
            return F.RESOURCE_MONITOR_FEATURE_DELETED_WITH;
        case "replaceWith":
            return F.RESOURCE_MONITOR_FEATURE_REPLACE_WITH;
        case "transforms":
            return F.RESOURCE_MONITOR_FEATURE_TRANSFORMS;
        case "invokeTransforms":
            return F.RESOURCE_MONITOR_FEATURE_INVOKE_TRANSFORMS;
        case "parameterization":
            return F.RESOURCE_MONITOR_FEATURE_PARAMETERIZATION;
        case "resourceHooks":
            return F.RESOURCE_MONITOR_FEATURE_RESOURCE_HOOKS;
        case "errorHooks":
            return F.RESOURCE_MONITOR_FEATURE_ERROR_HOOKS;
        case "invokeDependsOn":
            return F.RESOURCE_MONITOR_FEATURE_INVOKE_DEPENDS_ON;
        case "stateMigrations":
            return F.RESOURCE_MONITOR_FEATURE_STATE_MIGRATIONS;
    }
}

function isMonitorFeature(id: string): id is MonitorFeature {
    return (MONITOR_FEATURES as readonly string[]).includes(id);
}

// ---------------------------------------------------------------------------------------------------
// Records

export interface CustomTimeoutsRecord {
    create: string;
    update: string;
    delete: string;
    read: string;
}

export interface ResourceRecord {
    /** Order of arrival (0-based) among RegisterResource and ReadResource calls. */
    seq: number;
    type: string;
    name: string;
    urn: string;
    /** `<name>_id` for custom resources, "" for components. */
    id: string;
    custom: boolean;
    remote: boolean;
    /** Parent URN, "" for none (only the stack has none once the stack exists). */
    parent: string;
    /** `dependsOn` plus the resources the inputs depend on (after transforms). */
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    protect: boolean | undefined;
    retainOnDelete: boolean | undefined;
    /** `undefined` when the program did not set it. */
    deleteBeforeReplace: boolean | undefined;
    ignoreChanges: string[];
    replaceOnChanges: string[];
    additionalSecretOutputs: string[];
    hideDiffs: string[];
    replaceWith: string[];
    deletedWith: string;
    /** Provider reference `<provider urn>::<provider id>`, "" for the default provider. */
    provider: string;
    providers: Record<string, string>;
    version: string;
    pluginDownloadUrl: string;
    packageRef: string;
    importId: string;
    customTimeouts: CustomTimeoutsRecord | undefined;
    aliases: aliasPb.Alias.AsObject[];
    /** The inputs as sent on the wire (after transforms), with secret/output/resource signatures. */
    object: JsonObject;
    /** The inputs with secrets and output values unwrapped (see {@link plainValue}). */
    inputs: JsonObject;
    /** Number of transforms (own, ancestors', stack) that ran on this registration. */
    transformsRun: number;
    sourcePosition: { uri: string; line: number; column: number } | undefined;
}

export interface ReadRecord {
    seq: number;
    type: string;
    name: string;
    id: string;
    urn: string;
    parent: string;
    provider: string;
    dependencies: string[];
    object: JsonObject;
    inputs: JsonObject;
}

export interface OutputsRecord {
    urn: string;
    /** As sent on the wire. */
    object: JsonObject;
    /** With secrets and output values unwrapped. */
    outputs: JsonObject;
}

export interface InvokeRecord {
    token: string;
    /** Arguments after invoke transforms, as sent on the wire. */
    object: JsonObject;
    args: JsonObject;
    provider: string;
    version: string;
    parent: string;
    dependsOn: string[];
}

export interface CallRecord {
    token: string;
    object: JsonObject;
    args: JsonObject;
    provider: string;
}

export type LogSeverityName = "debug" | "info" | "warning" | "error";

export interface LogRecord {
    severity: LogSeverityName;
    message: string;
    urn: string;
    streamId: number;
    ephemeral: boolean;
    /** "program" for Engine.Log calls; "engine" for errors the fake engine itself reported. */
    source: "program" | "engine";
}

export interface PackageRecord {
    ref: string;
    name: string;
    version: string;
    downloadUrl: string;
    parameterization: { name: string; version: string } | undefined;
}

export interface FakeEngineRecords {
    resources: ResourceRecord[];
    reads: ReadRecord[];
    outputs: OutputsRecord[];
    invokes: InvokeRecord[];
    calls: CallRecord[];
    logs: LogRecord[];
    packages: PackageRecord[];
    /** Feature ids asked for through SupportsFeature (the SDK only asks if GetDeploymentInfo is missing). */
    featureQueries: string[];
    deploymentInfoRequests: number;
    stackTransforms: number;
    stackInvokeTransforms: number;
    requiredPulumiVersions: string[];
    /** The URN given to Engine.SetRootResource (the stack's URN). */
    rootResource: string | undefined;
    /** True once the program called ResourceMonitor.SignalAndWaitForShutdown (it finished cleanly). */
    shutdownSignalled: boolean;
}

// ---------------------------------------------------------------------------------------------------
// Options and handle

export interface InvokeRequestInfo {
    token: string;
    args: JsonObject;
    provider: string;
    version: string;
    parent: string;
}

export interface FakeEngineOptions {
    project: string;
    stack: string;
    organization?: string;
    /** Reported by GetDeploymentInfo; the program learns it from `--dry-run`. Default true. */
    preview?: boolean;
    parallel?: number;
    /** Config as the language host gets it (`<namespace>:<key>` to string), reported by GetDeploymentInfo. */
    config?: Record<string, string>;
    configSecretKeys?: string[];
    /** Overrides of {@link DEFAULT_FEATURES}. */
    features?: Partial<Record<MonitorFeature, boolean>>;
    /**
     * Serve ResourceMonitor.GetDeploymentInfo (default true, as a current engine does). When false it
     * answers UNIMPLEMENTED, like an older engine, and the SDK probes each feature with SupportsFeature.
     */
    deploymentInfo?: boolean;
    /** Result of an Invoke (plain JSON, wire form); default `{}`. */
    onInvoke?: (req: InvokeRequestInfo) => JsonObject | undefined;
}

export interface FakeEngine {
    /** `127.0.0.1:<port>`, serving both ResourceMonitor and Engine. */
    address: string;
    records: FakeEngineRecords;
    /** The features the engine advertises. */
    features: Readonly<Record<MonitorFeature, boolean>>;
    close(): Promise<void>;
}

/** Channel options the SDK itself uses (400 MiB messages). */
const CHANNEL_OPTIONS = {
    "grpc.max_receive_message_length": 1024 * 1024 * 400,
    "grpc.max_send_message_length": 1024 * 1024 * 400,
};

type Severity = LogSeverityName;

function severityName(p: Protos, s: enginePb.LogSeverity): Severity {
    const S = p.engine.LogSeverity;
    switch (s) {
        case S.DEBUG:
            return "debug";
        case S.INFO:
            return "info";
        case S.WARNING:
            return "warning";
        default:
            return "error";
    }
}

class RpcError extends Error {
    constructor(
        readonly code: grpcTypes.status,
        message: string,
    ) {
        super(message);
    }
}

function toServiceError(p: Protos, err: unknown): grpcTypes.ServerErrorResponse {
    const code = err instanceof RpcError ? err.code : p.grpc.status.UNKNOWN;
    const message = err instanceof Error ? err.message : String(err);
    return Object.assign(new Error(message), { code, details: message });
}

type Transform = (
    state: { props: JsonObject; opts: resourcePb.TransformResourceOptions },
    meta: { type: string; name: string; custom: boolean; parent: string },
) => Promise<{ props: JsonObject; opts: resourcePb.TransformResourceOptions }>;

type InvokeTransform = (state: {
    token: string;
    args: JsonObject;
    opts: resourcePb.TransformInvokeOptions;
}) => Promise<{ args: JsonObject; opts: resourcePb.TransformInvokeOptions }>;

/** Start the fake engine. Close it with `close()`. */
export async function startFakeEngine(options: FakeEngineOptions): Promise<FakeEngine> {
    const p = loadProtos();
    const { grpc } = p;
    const organization = options.organization ?? "organization";
    const preview = options.preview ?? true;
    const features: Record<MonitorFeature, boolean> = { ...DEFAULT_FEATURES, ...options.features };

    const records: FakeEngineRecords = {
        resources: [],
        reads: [],
        outputs: [],
        invokes: [],
        calls: [],
        logs: [],
        packages: [],
        featureQueries: [],
        deploymentInfoRequests: 0,
        stackTransforms: 0,
        stackInvokeTransforms: 0,
        requiredPulumiVersions: [],
        rootResource: undefined,
        shutdownSignalled: false,
    };

    let seq = 0;
    const known = new Set<string>(); // URNs registered or read
    const parents = new Map<string, string>(); // urn -> parent urn
    const resourceTransforms = new Map<string, Transform[]>(); // urn -> its own transforms
    const stackTransforms: Transform[] = [];
    const stackInvokeTransforms: InvokeTransform[] = [];
    const callbackClients = new Map<string, callbackGrpc.CallbacksClient>();

    const engineError = (message: string, urn = ""): void => {
        records.logs.push({ severity: "error", message, urn, streamId: 0, ephemeral: false, source: "engine" });
    };

    const callbacksClient = (target: string): callbackGrpc.CallbacksClient => {
        let client = callbackClients.get(target);
        if (client === undefined) {
            client = new p.callbackGrpc.CallbacksClient(target, grpc.credentials.createInsecure(), CHANNEL_OPTIONS);
            callbackClients.set(target, client);
        }
        return client;
    };

    const invokeCallback = (cb: callbackPb.Callback, request: Uint8Array): Promise<Uint8Array> => {
        if (cb.getTarget() === "") {
            throw new RpcError(grpc.status.INVALID_ARGUMENT, "target must be specified");
        }
        const req = new p.callback.CallbackInvokeRequest();
        req.setToken(cb.getToken());
        req.setRequest(request);
        return new Promise((resolve, reject) => {
            callbacksClient(cb.getTarget()).invoke(req, (err, resp) => {
                if (err) {
                    reject(err);
                } else {
                    resolve(resp.getResponse_asU8());
                }
            });
        });
    };

    const wrapTransform =
        (cb: callbackPb.Callback): Transform =>
        async (state, meta) => {
            const req = new p.resource.TransformRequest();
            req.setType(meta.type);
            req.setName(meta.name);
            req.setCustom(meta.custom);
            req.setParent(meta.parent);
            req.setProperties(jsonToStruct(p, state.props));
            req.setOptions(state.opts);
            const respBytes = await invokeCallback(cb, req.serializeBinary());
            const resp = p.resource.TransformResponse.deserializeBinary(respBytes);
            return {
                props: resp.hasProperties() ? structToJson(resp.getProperties()) : state.props,
                opts: resp.getOptions() ?? state.opts,
            };
        };

    const wrapInvokeTransform =
        (cb: callbackPb.Callback): InvokeTransform =>
        async (state) => {
            const req = new p.resource.TransformInvokeRequest();
            req.setToken(state.token);
            req.setArgs(jsonToStruct(p, state.args));
            req.setOptions(state.opts);
            const respBytes = await invokeCallback(cb, req.serializeBinary());
            const resp = p.resource.TransformInvokeResponse.deserializeBinary(respBytes);
            return {
                token: state.token,
                args: resp.hasArgs() ? structToJson(resp.getArgs()) : state.args,
                opts: resp.getOptions() ?? state.opts,
            };
        };

    const validateParent = (parent: string): void => {
        if (parent !== "") {
            try {
                urnQualifiedType(parent);
            } catch {
                throw new RpcError(grpc.status.INVALID_ARGUMENT, `invalid parent URN: ${parent}`);
            }
        }
    };

    const validateType = (type: string, custom: boolean, remote: boolean): void => {
        // Custom and remote resources need a three-part type token `pkg:module:Type`.
        if ((custom || remote) && type.split(":").length !== 3) {
            throw new RpcError(
                grpc.status.INVALID_ARGUMENT,
                `'${type}' is not a valid type token (must have format '*:*:*')`,
            );
        }
    };

    const claimUrn = (urn: string, type: string, name: string): void => {
        if (known.has(urn)) {
            const message =
                `Duplicate resource URN '${urn}'; try giving it a unique name` + ` (type ${type}, name ${name})`;
            engineError(message, urn);
            throw new RpcError(grpc.status.INVALID_ARGUMENT, message);
        }
        known.add(urn);
    };

    const transformOptionsFromRequest = (
        req: resourcePb.RegisterResourceRequest,
    ): resourcePb.TransformResourceOptions => {
        const o = new p.resource.TransformResourceOptions();
        o.setDependsOnList(req.getDependenciesList());
        if (req.hasProtect()) {
            o.setProtect(req.getProtect() === true);
        }
        o.setIgnoreChangesList(req.getIgnorechangesList());
        o.setReplaceOnChangesList(req.getReplaceonchangesList());
        o.setVersion(req.getVersion());
        const aliases: aliasPb.Alias[] = req.getAliasurnsList().map((u) => new p.alias.Alias().setUrn(u));
        aliases.push(...req.getAliasesList());
        o.setAliasesList(aliases);
        o.setProvider(req.getProvider());
        const providers = o.getProvidersMap();
        for (const [k, v] of req.getProvidersMap().entries()) {
            providers.set(k, v);
        }
        const timeouts = req.getCustomtimeouts();
        if (timeouts !== undefined) {
            o.setCustomTimeouts(timeouts);
        }
        o.setPluginDownloadUrl(req.getPlugindownloadurl());
        if (req.hasRetainondelete()) {
            o.setRetainOnDelete(req.getRetainondelete() === true);
        }
        o.setDeletedWith(req.getDeletedwith());
        if (req.getDeletebeforereplacedefined() || req.getDeletebeforereplace()) {
            o.setDeleteBeforeReplace(req.getDeletebeforereplace());
        }
        o.setAdditionalSecretOutputsList(req.getAdditionalsecretoutputsList());
        o.setHideDiffList(req.getHidediffsList());
        o.setReplaceWithList(req.getReplaceWithList());
        const trigger = req.getReplacementTrigger();
        if (trigger !== undefined) {
            o.setReplacementTrigger(trigger);
        }
        o.setImport(req.getImportid());
        return o;
    };

    const nextSeq = (): number => seq++;

    const monitor: resourceGrpc.IResourceMonitorServer = {
        getDeploymentInfo: (_call, callback) => {
            records.deploymentInfoRequests++;
            if (options.deploymentInfo === false) {
                callback(toServiceError(p, new RpcError(grpc.status.UNIMPLEMENTED, "GetDeploymentInfo is not implemented")));
                return;
            }
            const info = new p.resource.DeploymentInfo();
            info.setProject(options.project);
            info.setStack(options.stack);
            info.setOrganization(organization);
            const cfg = info.getConfigMap();
            for (const [k, v] of Object.entries(options.config ?? {})) {
                cfg.set(k, v);
            }
            info.setConfigsecretkeysList(options.configSecretKeys ?? []);
            info.setDryrun(preview);
            info.setParallel(options.parallel ?? 0);
            info.setSupportedfeaturesList(
                MONITOR_FEATURES.filter((f) => features[f]).map((f) => featureEnum(p, f)),
            );
            callback(null, info);
        },

        supportsFeature: (call, callback) => {
            const id = call.request.getId();
            records.featureQueries.push(id);
            const resp = new p.resource.SupportsFeatureResponse();
            resp.setHassupport(isMonitorFeature(id) ? features[id] : false);
            callback(null, resp);
        },

        registerResource: (call, callback) => {
            const req = call.request;
            const order = nextSeq();
            (async () => {
                const type = req.getType();
                const name = req.getName();
                const custom = req.getCustom();
                const remote = req.getRemote();
                const parent = req.getParent();
                validateParent(parent);
                validateType(type, custom, remote);
                const urn = makeUrn(options.stack, options.project, parent, type, name);
                claimUrn(urn, type, name);
                parents.set(urn, parent);

                let props = structToJson(req.getObject());
                let opts = transformOptionsFromRequest(req);

                // Run transforms like the engine: this resource's own, then each ancestor's, then the stack's.
                const own = req.getTransformsList().map(wrapTransform);
                resourceTransforms.set(urn, own);
                const transforms: Transform[] = [...own];
                for (let cur = parent; cur !== ""; cur = parents.get(cur) ?? "") {
                    transforms.push(...(resourceTransforms.get(cur) ?? []));
                }
                transforms.push(...stackTransforms);
                for (const t of transforms) {
                    ({ props, opts } = await t({ props, opts }, { type, name, custom, parent }));
                }

                const propertyDependencies: Record<string, string[]> = {};
                for (const [k, deps] of req.getPropertydependenciesMap().entries()) {
                    propertyDependencies[k] = deps.getUrnsList();
                }
                const timeouts = opts.getCustomTimeouts();
                const position = req.getSourceposition();
                const id = custom ? `${name}_id` : "";
                const providers: Record<string, string> = {};
                for (const [k, v] of opts.getProvidersMap().entries()) {
                    providers[k] = v;
                }

                records.resources.push({
                    seq: order,
                    type,
                    name,
                    urn,
                    id,
                    custom,
                    remote,
                    parent,
                    dependencies: opts.getDependsOnList(),
                    propertyDependencies,
                    protect: opts.hasProtect() ? opts.getProtect() : undefined,
                    retainOnDelete: opts.hasRetainOnDelete() ? opts.getRetainOnDelete() : undefined,
                    deleteBeforeReplace: opts.hasDeleteBeforeReplace() ? opts.getDeleteBeforeReplace() : undefined,
                    ignoreChanges: opts.getIgnoreChangesList(),
                    replaceOnChanges: opts.getReplaceOnChangesList(),
                    additionalSecretOutputs: opts.getAdditionalSecretOutputsList(),
                    hideDiffs: opts.getHideDiffList(),
                    replaceWith: opts.getReplaceWithList(),
                    deletedWith: opts.getDeletedWith(),
                    provider: opts.getProvider(),
                    providers,
                    version: opts.getVersion(),
                    pluginDownloadUrl: opts.getPluginDownloadUrl(),
                    packageRef: req.getPackageref(),
                    importId: opts.getImport(),
                    customTimeouts:
                        timeouts === undefined
                            ? undefined
                            : {
                                  create: timeouts.getCreate(),
                                  update: timeouts.getUpdate(),
                                  delete: timeouts.getDelete(),
                                  read: timeouts.getRead(),
                              },
                    aliases: opts.getAliasesList().map((a) => a.toObject()),
                    object: props,
                    inputs: plainObject(props),
                    transformsRun: transforms.length,
                    sourcePosition:
                        position === undefined
                            ? undefined
                            : { uri: position.getUri(), line: position.getLine(), column: position.getColumn() },
                });

                const resp = new p.resource.RegisterResourceResponse();
                resp.setUrn(urn);
                resp.setId(id);
                const outputs = remote ? props : (downgradeOutputValues(props) as JsonObject);
                resp.setObject(jsonToStruct(p, outputs));
                resp.setResult(p.resource.Result.SUCCESS);
                return resp;
            })().then(
                (resp) => callback(null, resp),
                (err: unknown) => callback(toServiceError(p, err)),
            );
        },

        registerResourceOutputs: (call, callback) => {
            const object = structToJson(call.request.getOutputs());
            records.outputs.push({ urn: call.request.getUrn(), object, outputs: plainObject(object) });
            callback(null, new p.empty.Empty());
        },

        readResource: (call, callback) => {
            const req = call.request;
            const order = nextSeq();
            try {
                const type = req.getType();
                const name = req.getName();
                const parent = req.getParent();
                validateParent(parent);
                validateType(type, true, false);
                const urn = makeUrn(options.stack, options.project, parent, type, name);
                claimUrn(urn, type, name);
                parents.set(urn, parent);
                const object = structToJson(req.getProperties());
                records.reads.push({
                    seq: order,
                    type,
                    name,
                    id: req.getId(),
                    urn,
                    parent,
                    provider: req.getProvider(),
                    dependencies: req.getDependenciesList(),
                    object,
                    inputs: plainObject(object),
                });
                const resp = new p.resource.ReadResourceResponse();
                resp.setUrn(urn);
                resp.setId(req.getId());
                resp.setProperties(jsonToStruct(p, downgradeOutputValues(object) as JsonObject));
                resp.setResult(p.resource.Result.SUCCESS);
                callback(null, resp);
            } catch (err) {
                callback(toServiceError(p, err));
            }
        },

        existsResource: (_call, callback) => {
            // Nothing exists in a fresh fake deployment.
            const resp = new p.resource.ExistsResourceResponse();
            resp.setExists(false);
            callback(null, resp);
        },

        invoke: (call, callback) => {
            const req = call.request;
            (async () => {
                let args = structToJson(req.getArgs());
                let opts = new p.resource.TransformInvokeOptions();
                opts.setProvider(req.getProvider());
                opts.setVersion(req.getVersion());
                opts.setPluginDownloadUrl(req.getPlugindownloadurl());
                const token = req.getTok();
                for (const t of stackInvokeTransforms) {
                    ({ args, opts } = await t({ token, args, opts }));
                }
                const info: InvokeRequestInfo = {
                    token,
                    args: plainObject(args),
                    provider: opts.getProvider(),
                    version: opts.getVersion(),
                    parent: req.getParent(),
                };
                records.invokes.push({
                    token,
                    object: args,
                    args: info.args,
                    provider: info.provider,
                    version: info.version,
                    parent: info.parent,
                    dependsOn: req.getDependsonList(),
                });
                const result = options.onInvoke?.(info) ?? {};
                const resp = new p.resource.ResourceInvokeResponse();
                resp.setReturn(jsonToStruct(p, result));
                return resp;
            })().then(
                (resp) => callback(null, resp),
                (err: unknown) => callback(toServiceError(p, err)),
            );
        },

        call: (call, callback) => {
            const req = call.request;
            const object = structToJson(req.getArgs());
            records.calls.push({ token: req.getTok(), object, args: plainObject(object), provider: req.getProvider() });
            const resp = new p.provider.CallResponse();
            resp.setReturn(jsonToStruct(p, {}));
            callback(null, resp);
        },

        registerStackTransform: (call, callback) => {
            try {
                if (!features.transforms) {
                    throw new RpcError(grpc.status.UNIMPLEMENTED, "transforms are not supported");
                }
                if (call.request.getTarget() === "") {
                    throw new RpcError(grpc.status.INVALID_ARGUMENT, "target must be specified");
                }
                stackTransforms.push(wrapTransform(call.request));
                records.stackTransforms++;
                callback(null, new p.empty.Empty());
            } catch (err) {
                callback(toServiceError(p, err));
            }
        },

        registerStackInvokeTransform: (call, callback) => {
            try {
                if (!features.invokeTransforms) {
                    throw new RpcError(grpc.status.UNIMPLEMENTED, "invoke transforms are not supported");
                }
                if (call.request.getTarget() === "") {
                    throw new RpcError(grpc.status.INVALID_ARGUMENT, "target must be specified");
                }
                stackInvokeTransforms.push(wrapInvokeTransform(call.request));
                records.stackInvokeTransforms++;
                callback(null, new p.empty.Empty());
            } catch (err) {
                callback(toServiceError(p, err));
            }
        },

        registerResourceHook: (_call, callback) => {
            callback(toServiceError(p, new RpcError(grpc.status.UNIMPLEMENTED, "resource hooks are not supported")));
        },

        registerErrorHook: (_call, callback) => {
            callback(toServiceError(p, new RpcError(grpc.status.UNIMPLEMENTED, "error hooks are not supported")));
        },

        registerPackage: (call, callback) => {
            const req = call.request;
            const ref = `package-ref-${records.packages.length}`;
            const param = req.getParameterization() ?? req.getExtension$();
            records.packages.push({
                ref,
                name: req.getName(),
                version: req.getVersion(),
                downloadUrl: req.getDownloadUrl(),
                parameterization:
                    param === undefined ? undefined : { name: param.getName(), version: param.getVersion() },
            });
            const resp = new p.resource.RegisterPackageResponse();
            resp.setRef(ref);
            callback(null, resp);
        },

        signalAndWaitForShutdown: (_call, callback) => {
            records.shutdownSignalled = true;
            callback(null, new p.empty.Empty());
        },
    };

    const engine: engineGrpc.IEngineServer = {
        log: (call, callback) => {
            const req = call.request;
            records.logs.push({
                severity: severityName(p, req.getSeverity()),
                message: req.getMessage(),
                urn: req.getUrn(),
                streamId: req.getStreamid(),
                ephemeral: req.getEphemeral(),
                source: "program",
            });
            callback(null, new p.empty.Empty());
        },
        getRootResource: (_call, callback) => {
            const resp = new p.engine.GetRootResourceResponse();
            resp.setUrn(records.rootResource ?? "");
            callback(null, resp);
        },
        setRootResource: (call, callback) => {
            records.rootResource = call.request.getUrn();
            callback(null, new p.engine.SetRootResourceResponse());
        },
        startDebugging: (_call, callback) => {
            callback(toServiceError(p, new RpcError(grpc.status.UNIMPLEMENTED, "debugging is not supported")));
        },
        requirePulumiVersion: (call, callback) => {
            // Accept every range: the fake engine stands for a current CLI.
            records.requiredPulumiVersions.push(call.request.getPulumiVersionRange());
            callback(null, new p.engine.RequirePulumiVersionResponse());
        },
    };

    const server = new grpc.Server(CHANNEL_OPTIONS);
    server.addService(p.resourceGrpc.ResourceMonitorService, monitor);
    server.addService(p.engineGrpc.EngineService, engine);
    const port = await new Promise<number>((resolve, reject) => {
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, boundPort) => {
            if (err) {
                reject(err);
            } else {
                resolve(boundPort);
            }
        });
    });

    let closed: Promise<void> | undefined;
    const close = (): Promise<void> => {
        closed ??= (async () => {
            for (const client of callbackClients.values()) {
                client.close();
            }
            await new Promise<void>((resolve) => {
                const timer = setTimeout(() => {
                    server.forceShutdown();
                    resolve();
                }, 2_000);
                server.tryShutdown(() => {
                    clearTimeout(timer);
                    resolve();
                });
            });
        })();
        return closed;
    };

    return { address: `127.0.0.1:${port}`, records, features, close };
}

// ---------------------------------------------------------------------------------------------------
// Small query helpers for tests

/** The registered resource with that type and name; throws if there is none or more than one. */
export function findResource(records: FakeEngineRecords, type: string, name?: string): ResourceRecord {
    const found = records.resources.filter((r) => r.type === type && (name === undefined || r.name === name));
    const [first] = found;
    if (first === undefined || found.length > 1) {
        const all = records.resources.map((r) => `${r.type}::${r.name}`).join(", ");
        throw new Error(
            `expected exactly one ${type}${name === undefined ? "" : `::${name}`}, found ${found.length} (have: ${all})`,
        );
    }
    return first;
}

/** The stack resource (`pulumi:pulumi:Stack`), or undefined if it was never registered. */
export function stackResource(records: FakeEngineRecords): ResourceRecord | undefined {
    return records.resources.find((r) => r.type === ROOT_STACK_TYPE);
}

/** The outputs registered on the stack resource (the program's exports), plain form. */
export function stackOutputs(records: FakeEngineRecords): JsonObject | undefined {
    const stack = stackResource(records);
    if (stack === undefined) {
        return undefined;
    }
    const regs = records.outputs.filter((o) => o.urn === stack.urn);
    return regs[regs.length - 1]?.outputs;
}

const ANSI_ESCAPE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, "g");

/** The text without ANSI colour codes (the SDK colours the stack traces of unhandled errors). */
export function stripAnsi(text: string): string {
    return text.replace(ANSI_ESCAPE, "");
}

/**
 * Messages of the given severity (default: error) logged through the engine, without ANSI colour
 * codes (the raw messages are in `records.logs`).
 */
export function logMessages(records: FakeEngineRecords, severity: LogSeverityName = "error"): string[] {
    return records.logs.filter((l) => l.severity === severity).map((l) => stripAnsi(l.message));
}
