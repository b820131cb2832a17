import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import type * as providerPb from "@pulumi/pulumi/proto/provider_pb";
import { CHANNEL_OPTIONS, inheritedEnv, sdkProtos, waitForPort } from "../../engine/grpc";
import { readYaml } from "../../engine/project";
import { isRecord } from "../../policies/rules/records";

// How the engine runs a Node.js resource plugin such as a component package (pulumi/pulumi
// sdk/go/common/resource/plugin/plugin.go ExecPlugin; sdk/nodejs/cmd/pulumi-language-nodejs
// RunPlugin): the runtime options of the folder's PulumiPlugin.yaml, then
// `node <@pulumi/pulumi/cmd/run-plugin> [nodeargs] <plugin folder> <engine address>` in
// the consumer's working directory, with PULUMI_NODEJS_TYPESCRIPT unless the options turn
// TypeScript off; the first line of stdout is the port of its ResourceProvider service.
// The engine then asks GetSchema, Configure and, per component, Construct with the address
// of its resource monitor.

export interface ConstructArgs {
    /** The engine's resource monitor, which registers the component's children. */
    monitor: string;
    project: string;
    stack: string;
    preview: boolean;
    type: string;
    name: string;
    /** Parent URN: the consumer's stack or component. */
    parent: string;
    inputs: Record<string, unknown>;
    /** URNs an input depends on: the provider receives such an input as an output. */
    inputDependencies?: Record<string, string[]>;
}

export interface ConstructResult {
    urn: string;
    /** The component's outputs as the provider serialized them. */
    state: Record<string, unknown>;
}

export interface ComponentProvider {
    /** From spawn to the port on stdout. */
    startupMs: number;
    /** The environment the language host added for the plugin. */
    hostEnv: Record<string, string>;
    stderr(): string;
    getSchema(): Promise<unknown>;
    configure(): Promise<void>;
    construct(args: ConstructArgs): Promise<ConstructResult>;
    stop(): Promise<void>;
}

/** PulumiPlugin.yaml's runtime options, with the Node.js language host's defaults. */
function runtimeOptions(pluginDir: string): { typescript: boolean; tsconfig: string; nodeargs: string } {
    const project = readYaml(resolve(pluginDir, "PulumiPlugin.yaml"));
    const runtime = isRecord(project) ? project.runtime : undefined;
    const options = isRecord(runtime) && isRecord(runtime.options) ? runtime.options : {};
    return {
        typescript: options.typescript !== false,
        tsconfig: typeof options.tsconfig === "string" ? options.tsconfig : "",
        nodeargs: typeof options.nodeargs === "string" ? options.nodeargs : "",
    };
}

/** Starts the component provider of `pluginDir` as the engine does, for a program in `pwd`. */
export async function startComponentProvider(pluginDir: string, engineAddress: string, pwd: string): Promise<ComponentProvider> {
    const dir = resolve(pluginDir);
    const p = sdkProtos(dir);
    const options = runtimeOptions(dir);
    const runPlugin = require.resolve("@pulumi/pulumi/cmd/run-plugin", { paths: [dir] });
    const hostEnv: Record<string, string> = {
        ...(options.typescript ? { PULUMI_NODEJS_TYPESCRIPT: "true" } : {}),
        ...(options.tsconfig === "" ? {} : { PULUMI_NODEJS_TSCONFIG_PATH: options.tsconfig }),
    };
    const argv = [runPlugin, ...options.nodeargs.split(/\s+/).filter((arg) => arg !== ""), dir, engineAddress];
    const started = performance.now();
    const child = spawn(process.execPath, argv, { cwd: pwd, env: { ...inheritedEnv([]), ...hostEnv }, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const port = await waitForPort(child, "component provider", () => stderr);
    const startupMs = performance.now() - started;
    const client = new p.providerGrpc.ResourceProviderClient(`127.0.0.1:${port}`, p.grpc.credentials.createInsecure(), CHANNEL_OPTIONS);

    const call = <Req, Res>(method: (req: Req, callback: (error: Error | null, response: Res) => void) => unknown, request: Req) =>
        new Promise<Res>((resolveCall, reject) => method.call(client, request, (error, response) => (error ? reject(error) : resolveCall(response))));

    return {
        startupMs,
        hostEnv,
        stderr: () => stderr,
        async getSchema() {
            const response: providerPb.GetSchemaResponse = await call(client.getSchema, new p.provider.GetSchemaRequest().setVersion(0));
            return JSON.parse(response.getSchema()) as unknown;
        },
        async configure() {
            const request = new p.provider.ConfigureRequest()
                .setAcceptsecrets(true)
                .setAcceptresources(true)
                .setSendsOldInputs(true)
                .setSendsOldInputsToDelete(true);
            await call(client.configure, request);
        },
        async construct(args) {
            const request = new p.provider.ConstructRequest()
                .setProject(args.project)
                .setStack(args.stack)
                .setOrganization("organization")
                .setDryrun(args.preview)
                .setParallel(4)
                .setMonitorendpoint(args.monitor)
                .setType(args.type)
                .setName(args.name)
                .setParent(args.parent)
                .setInputs(p.struct.Struct.fromJavaScript(args.inputs as never));
            for (const [key, urns] of Object.entries(args.inputDependencies ?? {})) {
                request.getInputdependenciesMap().set(key, new p.provider.ConstructRequest.PropertyDependencies().setUrnsList(urns));
            }
            const response: providerPb.ConstructResponse = await call(client.construct, request);
            return { urn: response.getUrn(), state: response.getState()?.toJavaScript() ?? {} };
        },
        stop: () =>
            new Promise<void>((resolveStop) => {
                client.close();
                if (child.exitCode !== null) {
                    resolveStop();
                    return;
                }
                child.on("exit", () => resolveStop());
                child.kill();
            }),
    };
}
