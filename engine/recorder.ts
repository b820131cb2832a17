import { createRequire } from "node:module";
import { join } from "node:path";
import type * as pulumi from "@pulumi/pulumi";
import type { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { StackFileError } from "./project";
import { engineUrn } from "./urn";
import { azureMockInvoke, azureMockResource, withoutId } from "./azure-mocks";
import { checkedInputs, previewOutputs } from "./preview-outputs";

/** One resource registration as the engine would receive it. */
export interface RecordedResource {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    parent: string | undefined;
    dependencies: string[];
    /** Per input property, the URNs it depends on. */
    propertyDependencies: Record<string, string[]>;
    inputs: Record<string, unknown>;
    options: {
        protect: boolean;
        retainOnDelete: boolean;
        ignoreChanges: string[];
        deleteBeforeReplace: boolean;
    };
}

export interface Recording {
    resources: RecordedResource[];
    /** Outputs registered per URN (the stack's are its exports). */
    outputs: Map<string, Record<string, unknown>>;
}

/** Plain JS for a protobuf Struct, leaving the SDK's unknown sentinel recognisable. */
type Struct = { toJavaScript(): Record<string, unknown> } | undefined;

interface RegisterResourceRequest {
    getType(): string;
    getName(): string;
    getCustom(): boolean;
    getParent(): string;
    getDependenciesList(): string[];
    getPropertydependenciesMap(): { forEach(callback: (value: { getUrnsList(): string[] }, key: string) => void): void };
    getObject(): Struct;
    getProtect(): boolean;
    getRetainondelete(): boolean;
    getIgnorechangesList(): string[];
    getDeletebeforereplace(): boolean;
}

interface RegisterResourceOutputsRequest {
    getUrn(): string;
    getOutputs(): Struct;
}

type Callback = (err: unknown, response: unknown) => void;

/**
 * A mock monitor that keeps each full RegisterResource request: Pulumi's own mock
 * callback sees only type, name and inputs, but a plan needs parents, dependencies and
 * options such as protect.
 */
function recordingMonitorClass(Base: typeof MockMonitor, stack: string, project: string) {
    return class RecordingMonitor extends Base {
        readonly recorded: RecordedResource[] = [];
        readonly outputs = new Map<string, Record<string, unknown>>();

        constructor(mocks: pulumi.runtime.Mocks) {
            super(mocks);
            // The SDK's mock qualifies a child's type with only its parent's last type, and
            // keeps the stack's: the engine's URNs differ, and a plan shows the engine's. The
            // method is private in the SDK's typings, hence the instance property.
            Object.assign(this, { newUrn: (parent: string, type: string, name: string) => engineUrn(stack, project, parent, type, name) });
        }

        override async registerResource(req: RegisterResourceRequest, callback: Callback): Promise<void> {
            await super.registerResource(req, (err: unknown, response: unknown) => {
                if (err === null || err === undefined) {
                    const urn = (response as { getUrn(): string }).getUrn();
                    const propertyDependencies: Record<string, string[]> = {};
                    req.getPropertydependenciesMap().forEach((value, key) => {
                        propertyDependencies[key] = value.getUrnsList();
                    });
                    this.recorded.push({
                        urn,
                        type: req.getType(),
                        name: req.getName(),
                        custom: req.getCustom(),
                        parent: req.getParent() || undefined,
                        dependencies: req.getDependenciesList(),
                        propertyDependencies,
                        inputs: req.getObject()?.toJavaScript() ?? {},
                        options: {
                            protect: req.getProtect(),
                            retainOnDelete: req.getRetainondelete(),
                            ignoreChanges: req.getIgnorechangesList(),
                            deleteBeforeReplace: req.getDeletebeforereplace(),
                        },
                    });
                }
                callback(err, response);
            });
        }

        override registerResourceOutputs(req: RegisterResourceOutputsRequest, callback: Callback): void {
            this.outputs.set(req.getUrn(), req.getOutputs()?.toJavaScript() ?? {});
            super.registerResourceOutputs(req, callback);
        }
    };
}

/** The Pulumi SDK a program uses: the copy its own folder resolves, so mocks reach it. */
interface Sdk {
    pulumi: typeof pulumi;
    MockMonitor: typeof MockMonitor;
    /** Loads one of that SDK's modules. */
    module(name: string): Record<string, unknown>;
}

function loadSdk(projectDir: string): Sdk {
    const projectRequire = createRequire(join(projectDir, "package.json"));
    try {
        projectRequire.resolve("@pulumi/pulumi");
    } catch {
        throw new StackFileError(`${projectDir}: @pulumi/pulumi is not installed for this project; run npm install there`);
    }
    return {
        pulumi: projectRequire("@pulumi/pulumi") as typeof pulumi,
        MockMonitor: (projectRequire("@pulumi/pulumi/runtime/mocks") as { MockMonitor: typeof MockMonitor }).MockMonitor,
        module: (name) => projectRequire(name) as Record<string, unknown>,
    };
}

type Replacement = [holder: Record<string, unknown>, key: string, replace: (original: never) => unknown];

/**
 * What the SDK does for every resource that only `pulumi up` uses, each replaced by what a
 * plan needs. Each is the SDK's: its functions are called through these module and class
 * properties, so they can be replaced while a plan records and put back afterwards.
 *  - Aliases: every azure-native resource merges about 60 version aliases into its options
 *    (`pulumi.mergeOptions(opts, aliasOpts)` in each constructor), and the SDK builds a
 *    chain of Outputs for each (pulumi/pulumi#10010, #11062), most of a large program's time
 *    and memory. An alias only tells the engine which resource of an earlier deployment this
 *    one is: no URN, input or option depends on it, and a plan has no earlier deployment.
 *    The package's exports hold a copy of `mergeOptions` made at load, so both copies go.
 *  - Source positions: each resource constructor formats the whole stack to tell the engine
 *    where it was created; nothing in a plan shows it.
 *  - Promise stacks: each promise the SDK makes keeps a formatted stack, shown only when the
 *    program leaks that promise; with source maps on (plan/main.cjs) each costs a map lookup
 *    per frame. Leaks are still detected, without the stack.
 */
function planReplacements(sdk: Sdk): Replacement[] {
    const dropAliases = (merge: typeof pulumi.mergeOptions) =>
        ((first: pulumi.ResourceOptions | undefined, second: pulumi.ResourceOptions | undefined) => {
            const merged = merge(first, second);
            delete merged.aliases;
            return merged;
        }) as typeof pulumi.mergeOptions;
    const withoutStack =
        <A extends unknown[], R>(make: (...args: A) => R) =>
        (...args: A): R => {
            const limit = Error.stackTraceLimit;
            Error.stackTraceLimit = 0;
            try {
                return make(...args);
            } finally {
                Error.stackTraceLimit = limit;
            }
        };
    const resource = sdk.module("@pulumi/pulumi/resource");
    return [
        [sdk.pulumi as unknown as Record<string, unknown>, "mergeOptions", dropAliases],
        [resource, "mergeOptions", dropAliases],
        [resource.Resource as Record<string, unknown>, "stackTrace", () => () => []],
        [sdk.module("@pulumi/pulumi/runtime/debuggable"), "debuggablePromise", withoutStack],
    ];
}

/** Runs `run` with each replacement in place, and puts the originals back. */
async function replacing<T>(replacements: readonly Replacement[], run: () => Promise<T>): Promise<T> {
    const present = replacements.filter(([holder, key]) => typeof holder[key] === "function");
    const originals = present.map(([holder, key]) => holder[key]);
    present.forEach(([holder, key, replace], index) => (holder[key] = replace(originals[index] as never)));
    try {
        return await run();
    } finally {
        present.forEach(([holder, key], index) => (holder[key] = originals[index]));
    }
}

export interface RecordOptions {
    /** Folder the program's `@pulumi/pulumi` is resolved from. Default: this project's. */
    projectDir?: string;
    project: string;
    stack: string;
    /** Stack config as Pulumi hands it to a program: `<namespace>:<key>` to text. */
    config: Record<string, string>;
    /** Keys of `config` that are secrets, so the program reads them as secret outputs. */
    secretKeys?: string[];
    /** Preview: ids and other outputs the provider assigns stay unknown. Default: true. */
    preview?: boolean;
    /** Loads the program; its top-level code registers the resources. */
    load: () => Promise<unknown>;
    /** Run the SDK whole, as `pulumi up` does, with what a plan leaves out (see planReplacements). Default: false. */
    wholeSdk?: boolean;
}

/**
 * Runs a Pulumi program in this process against a recording mock monitor and returns
 * every registration. Pulumi's runtime state is process-wide: one recording a process.
 */
export async function recordProgram(options: RecordOptions): Promise<Recording> {
    const sdk = loadSdk(options.projectDir ?? join(__dirname, ".."));
    return replacing(options.wholeSdk === true ? [] : planReplacements(sdk), () => record(sdk, options));
}

async function record({ pulumi, MockMonitor }: Sdk, options: RecordOptions): Promise<Recording> {
    // What a self-managed backend reports; storage names don't depend on it.
    const organization = "organization";
    const preview = options.preview ?? true;
    const providerConfig = Object.fromEntries(Object.entries(options.config).filter(([key]) => key.startsWith("azure-native:")));
    const mocks: pulumi.runtime.Mocks = {
        newResource: (args) => {
            // A preview answers as azure-native does (what Azure assigns is unknown); otherwise as Azure would.
            const inputs = checkedInputs(args.type, args.inputs as Record<string, unknown>, providerConfig);
            const answer = preview ? previewOutputs(args.type, inputs) : undefined;
            const { id, state } = azureMockResource({ ...args, inputs });
            return preview ? { id: undefined, state: answer ?? withoutId(state) } : { id, state };
        },
        call: (args) => azureMockInvoke(args.token, args.inputs),
    };
    await pulumi.runtime.setMocks(mocks, options.project, options.stack, preview, organization);
    const monitor = new (recordingMonitorClass(MockMonitor, options.stack, options.project))(mocks);
    pulumi.runtime.setMockOptions(monitor, options.project, options.stack, preview, organization);
    pulumi.runtime.setAllConfig(options.config, options.secretKeys);
    // A program that throws is reported to the caller once, not as a rejection of every
    // promise the SDK derived from the stack resource.
    let failure: { error: unknown } | undefined;
    await pulumi.runtime.runInPulumiStack(async () => {
        try {
            return (await options.load()) as Record<string, unknown>;
        } catch (error) {
            failure = { error };
            return {};
        }
    });
    await waitForRpcs(pulumi);
    if (failure !== undefined) {
        throw failure.error;
    }
    return { resources: monitor.recorded, outputs: monitor.outputs };
}

/** Resolves once every registration the program started has been answered. */
function waitForRpcs(sdk: typeof pulumi): Promise<void> {
    // Internal to the SDK (not in its typings) but exported: what `disconnect` awaits.
    const runtime = sdk.runtime as unknown as { waitForRPCs(): Promise<void> };
    return runtime.waitForRPCs();
}
