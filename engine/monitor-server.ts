import { specialOutputValueSig, specialResourceSig, specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";
import type * as grpcTypes from "@grpc/grpc-js";
import type * as engineGrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import type * as resourceGrpc from "@pulumi/pulumi/proto/resource_grpc_pb";
import type * as resourcePb from "@pulumi/pulumi/proto/resource_pb";
import { CHANNEL_OPTIONS, sdkProtos, type Protos } from "./grpc";
import { engineUrn } from "./urn";
import { isRecord } from "../policies/rules/records";

// The engine's side of a program run, for `cmd/run` and `run-policy-pack` to talk to: the
// ResourceMonitor (registrations, invokes) and the Engine service (logs, the root
// resource) on one local port, as in a preview with no provider plugins. Only what our
// programs use is served: features the engine offers but these programs never use
// (transforms, hooks, packages, reads, calls) are declared unsupported, so a program that
// did use them would fail here rather than pass untested.

/** One RegisterResource request as the engine saw it. */
export interface Registration {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    parent: string;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    protect: boolean | undefined;
    /** The inputs with secrets and output values unwrapped, unknowns as the wire's marker. */
    inputs: Record<string, unknown>;
}

export interface EngineLog {
    severity: "debug" | "info" | "warning" | "error";
    message: string;
    urn: string;
}

export interface EngineRecords {
    resources: Registration[];
    /** Outputs registered per URN (the stack's are the program's exports), unwrapped. */
    outputs: Map<string, Record<string, unknown>>;
    invokes: { token: string; args: Record<string, unknown> }[];
    logs: EngineLog[];
}

export interface EngineServer {
    /** `127.0.0.1:<port>`: pass as `--monitor` and `--engine`. */
    address: string;
    records: EngineRecords;
    close(): Promise<void>;
}

export interface EngineServerOptions {
    project: string;
    stack: string;
    organization: string;
    preview: boolean;
    /** `<namespace>:<key>` to text, as the engine hands config to the language host. */
    config: Record<string, string>;
    secretKeys: string[];
}

const SUPPORTED = ["SECRETS", "RESOURCE_REFERENCES", "OUTPUT_VALUES", "ALIAS_SPECS", "DELETED_WITH", "INVOKE_DEPENDS_ON"] as const;

/** The value with secrets, resource references and output values as what they stand for. */
function unwrap(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(unwrap);
    }
    if (!isRecord(value)) {
        return value;
    }
    switch (value[specialSigKey]) {
        case specialSecretSig:
            return unwrap(value.value);
        case specialOutputValueSig:
            return "value" in value ? unwrap(value.value) : unknownValue;
        case specialResourceSig:
            return value.urn;
        default:
            return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, unwrap(inner)]));
    }
}

function severity(p: Protos, level: number): EngineLog["severity"] {
    const S = p.engine.LogSeverity;
    return level === S.DEBUG ? "debug" : level === S.INFO ? "info" : level === S.WARNING ? "warning" : "error";
}

/** Serves the engine's gRPC services on a local port until `close()`. */
export async function startEngineServer(options: EngineServerOptions): Promise<EngineServer> {
    const p = sdkProtos(__dirname);
    const { grpc } = p;
    const records: EngineRecords = { resources: [], outputs: new Map(), invokes: [], logs: [] };
    const urns = new Set<string>();
    let root = "";
    const fail = (code: number, message: string) => Object.assign(new Error(message), { code, details: message });

    const register = (req: resourcePb.RegisterResourceRequest): resourcePb.RegisterResourceResponse => {
        const parent = req.getParent();
        const urn = engineUrn(options.stack, options.project, parent, req.getType(), req.getName());
        if (urns.has(urn)) {
            throw fail(grpc.status.INVALID_ARGUMENT, `Duplicate resource URN '${urn}'; try giving it a unique name`);
        }
        urns.add(urn);
        const object = req.getObject()?.toJavaScript() ?? {};
        const propertyDependencies: Record<string, string[]> = {};
        for (const [key, deps] of req.getPropertydependenciesMap().entries()) {
            propertyDependencies[key] = deps.getUrnsList();
        }
        records.resources.push({
            urn,
            type: req.getType(),
            name: req.getName(),
            custom: req.getCustom(),
            parent,
            dependencies: req.getDependenciesList(),
            propertyDependencies,
            protect: req.hasProtect() ? req.getProtect() : undefined,
            inputs: unwrap(object) as Record<string, unknown>,
        });
        // With no provider to ask, a resource's outputs are its inputs, and ids stay unknown.
        const response = new p.resource.RegisterResourceResponse();
        response.setUrn(urn);
        response.setId(req.getCustom() && !options.preview ? `${req.getName()}_id` : "");
        response.setObject(p.struct.Struct.fromJavaScript(object as never));
        response.setResult(p.resource.Result.SUCCESS);
        return response;
    };

    const server = new grpc.Server(CHANNEL_OPTIONS);
    const monitor: Partial<resourceGrpc.IResourceMonitorServer> = {
        getDeploymentInfo: (_call, callback) => {
            const info = new p.resource.DeploymentInfo();
            info.setProject(options.project);
            info.setStack(options.stack);
            info.setOrganization(options.organization);
            for (const [key, value] of Object.entries(options.config)) {
                info.getConfigMap().set(key, value);
            }
            info.setConfigsecretkeysList(options.secretKeys);
            info.setDryrun(options.preview);
            info.setSupportedfeaturesList(SUPPORTED.map((feature) => p.resource.ResourceMonitorFeature[`RESOURCE_MONITOR_FEATURE_${feature}`]));
            callback(null, info);
        },
        supportsFeature: (call, callback) => {
            const feature = call.request.getId().replace(/[A-Z]/g, (letter: string) => `_${letter}`).toUpperCase();
            callback(null, new p.resource.SupportsFeatureResponse().setHassupport((SUPPORTED as readonly string[]).includes(feature)));
        },
        registerResource: (call, callback) => {
            try {
                callback(null, register(call.request));
            } catch (error) {
                callback(error as Error);
            }
        },
        registerResourceOutputs: (call, callback) => {
            records.outputs.set(call.request.getUrn(), unwrap(call.request.getOutputs()?.toJavaScript() ?? {}) as Record<string, unknown>);
            callback(null, new p.empty.Empty());
        },
        invoke: (call, callback) => {
            records.invokes.push({ token: call.request.getTok(), args: unwrap(call.request.getArgs()?.toJavaScript() ?? {}) as Record<string, unknown> });
            callback(null, new p.resource.ResourceInvokeResponse().setReturn(p.struct.Struct.fromJavaScript({})));
        },
        signalAndWaitForShutdown: (_call, callback) => callback(null, new p.empty.Empty()),
    };
    const engine: Partial<engineGrpc.IEngineServer> = {
        log: (call, callback) => {
            records.logs.push({ severity: severity(p, call.request.getSeverity()), message: call.request.getMessage(), urn: call.request.getUrn() });
            callback(null, new p.empty.Empty());
        },
        getRootResource: (_call, callback) => callback(null, new p.engine.GetRootResourceResponse().setUrn(root)),
        setRootResource: (call, callback) => {
            root = call.request.getUrn();
            callback(null, new p.engine.SetRootResourceResponse());
        },
        requirePulumiVersion: (_call, callback) => callback(null, new p.engine.RequirePulumiVersionResponse()),
    };
    // Methods left out answer UNIMPLEMENTED, as an engine without the feature would.
    server.addService(p.resourceGrpc.ResourceMonitorService, monitor as grpcTypes.UntypedServiceImplementation);
    server.addService(p.engineGrpc.EngineService, engine as grpcTypes.UntypedServiceImplementation);
    const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    return {
        address: `127.0.0.1:${port}`,
        records,
        close: () =>
            new Promise<void>((resolve) => {
                const timer = setTimeout(() => {
                    server.forceShutdown();
                    resolve();
                }, 2_000);
                server.tryShutdown(() => {
                    clearTimeout(timer);
                    resolve();
                });
            }),
    };
}
