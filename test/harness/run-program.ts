// Runs a Pulumi Node.js program the way `pulumi up` / `pulumi preview` runs it, minus the CLI:
// a fake engine (./fake-engine.ts) stands in for the engine, and this module does what the Go
// language host `pulumi-language-nodejs` does in `Run`:
//
//   * reads `Pulumi.yaml` (name, `main`, `runtime.options`) like the CLI/engine builds ProgramInfo
//     (root directory, program directory, entry point; see the engine's getPwdMain);
//   * resolves `@pulumi/pulumi/cmd/run` from the program directory (the host's locateModule);
//   * spawns `node [nodeargs...] <run> --monitor <addr> --engine <addr> --sync <dir>
//     --organization <org> --project <p> --root-directory <root> --stack <s> --pwd <programDir>
//     [--dry-run] --parallel <n> <entryPoint> [args...]` (the host's constructArguments);
//   * with the host's environment plus PULUMI_CONFIG (keys rewritten to `<ns>:config:<name>`, as the
//     host's constructConfig does), PULUMI_CONFIG_SECRET_KEYS, PULUMI_NODEJS_TYPESCRIPT=true unless
//     `runtime.options.typescript` is false, and PULUMI_NODEJS_TSCONFIG_PATH when
//     `runtime.options.tsconfig` is set (the host's execRuntime).
//
// The PULUMI_NODEJS_PROJECT/STACK/... variables are NOT set here: the host does not set them either;
// `cmd/run` derives them from its argv. A broken `cmd/run` therefore fails here as it would under the CLI.

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readStack, readYaml } from "../../config/stack-file";

import { startFakeEngine, type FakeEngineOptions, type FakeEngineRecords } from "./fake-engine";

// ---------------------------------------------------------------------------------------------------
// Pulumi.yaml

export interface NodejsRuntimeOptions {
    /** `runtime.options.typescript`, default true. */
    typescript: boolean;
    /** `runtime.options.tsconfig`, "" when unset. */
    tsconfig: string;
    /** `runtime.options.nodeargs`, "" when unset. */
    nodeargs: string;
}

export interface ProjectFile {
    /** Absolute path of Pulumi.yaml / Pulumi.yml. */
    path: string;
    name: string;
    runtimeName: string;
    runtimeOptions: NodejsRuntimeOptions;
    /** Top-level `main`, "" when unset. */
    main: string;
}

export interface ProgramInfo {
    /** Where Pulumi.yaml is. */
    rootDirectory: string;
    /** `--pwd`: the root, or `main` if it is a directory, or the directory holding `main`. */
    programDirectory: string;
    /** "." or the file name of `main`. */
    entryPoint: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Read and check `Pulumi.yaml` in `projectDir` the way the CLI and the Node.js language host do. */
export function readProjectFile(projectDir: string): ProjectFile {
    const candidates = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(projectDir, f));
    const file = candidates.find((f) => fs.existsSync(f));
    if (file === undefined) {
        throw new Error(`no Pulumi.yaml in ${projectDir}`);
    }
    const doc = readYaml(file);
    if (!isRecord(doc)) {
        throw new Error(`${file}: expected a mapping`);
    }
    const name = doc["name"];
    if (typeof name !== "string" || name === "") {
        throw new Error(`${file}: 'name' is required`);
    }
    const runtime = doc["runtime"];
    let runtimeName: unknown;
    let rawOptions: unknown = {};
    if (typeof runtime === "string") {
        runtimeName = runtime;
    } else if (isRecord(runtime)) {
        runtimeName = runtime["name"];
        rawOptions = runtime["options"] ?? {};
    }
    if (typeof runtimeName !== "string" || runtimeName === "") {
        throw new Error(`${file}: 'runtime' is required`);
    }
    if (!isRecord(rawOptions)) {
        throw new Error(`${file}: 'runtime.options' must be a mapping`);
    }
    // Same checks and defaults as the host's parseOptions.
    const runtimeOptions: NodejsRuntimeOptions = { typescript: true, tsconfig: "", nodeargs: "" };
    if ("typescript" in rawOptions) {
        const ts = rawOptions["typescript"];
        if (typeof ts !== "boolean") {
            throw new Error("typescript option must be a boolean");
        }
        runtimeOptions.typescript = ts;
    }
    if ("tsconfig" in rawOptions) {
        const tsconfig = rawOptions["tsconfig"];
        if (typeof tsconfig !== "string") {
            throw new Error("tsconfigpath option must be a string");
        }
        runtimeOptions.tsconfig = tsconfig;
    }
    if ("nodeargs" in rawOptions) {
        const nodeargs = rawOptions["nodeargs"];
        if (typeof nodeargs !== "string") {
            throw new Error("nodeargs option must be a string");
        }
        runtimeOptions.nodeargs = nodeargs;
    }
    const main = doc["main"] ?? "";
    if (typeof main !== "string") {
        throw new Error(`${file}: 'main' must be a string`);
    }
    return { path: file, name, runtimeName, runtimeOptions, main };
}

/** The engine's getPwdMain: program directory and entry point from the root and `main`. */
export function programInfo(rootDirectory: string, main: string): ProgramInfo {
    const root = path.resolve(rootDirectory);
    if (main === "") {
        return { rootDirectory: root, programDirectory: root, entryPoint: "." };
    }
    const full = path.isAbsolute(main) ? main : path.resolve(root, main);
    let stat: fs.Stats;
    try {
        stat = fs.statSync(full);
    } catch (err) {
        throw new Error(`project 'main' could not be read: ${String(err)}`, { cause: err });
    }
    return stat.isDirectory()
        ? { rootDirectory: root, programDirectory: full, entryPoint: "." }
        : { rootDirectory: root, programDirectory: path.dirname(full), entryPoint: path.basename(full) };
}

// ---------------------------------------------------------------------------------------------------
// Config

/** A config value: strings as they are; other values are JSON-encoded (as the CLI does for objects). */
export type ConfigValue = string | number | boolean | null | ConfigValue[] | { [key: string]: ConfigValue };

/**
 * Parse a config key like the engine's config.ParseKey: `<ns>:<name>` or `<ns>:config:<name>`.
 * A key without a namespace is qualified with the project name (as `pulumi config set` does).
 */
export function parseConfigKey(key: string, project: string): { namespace: string; name: string } {
    const parts = key.split(":");
    if (parts.length === 1) {
        return { namespace: project, name: key };
    }
    if (parts.length === 2 && parts[0] !== undefined && parts[1] !== undefined) {
        return { namespace: parts[0], name: parts[1] };
    }
    if (parts.length === 3 && parts[1] === "config" && parts[0] !== undefined && parts[2] !== undefined) {
        return { namespace: parts[0], name: parts[2] };
    }
    throw new Error(
        `could not parse ${key} as a configuration key ` +
            "(configuration keys should be of the form `<namespace>:<name>`)",
    );
}

function configString(v: ConfigValue): string {
    return typeof v === "string" ? v : JSON.stringify(v);
}

export interface StackConfig {
    /** `<ns>:<key>` to the value as the engine hands it to the host (JSON for non-strings). */
    config: Record<string, string>;
    /** Keys whose values are `secure:` in the stack file (their ciphertext cannot be read here). */
    secureKeys: string[];
}

/**
 * The config `pulumi up` would read for a stack, as config/stack-file reads it; `secure:`
 * values can't be decrypted here, so their keys are returned in `secureKeys` instead.
 */
export function readStackConfig(projectDir: string, stack: string): StackConfig {
    const settings = readStack(projectDir, stack);
    const config = { ...settings.config };
    for (const key of settings.secretKeys) {
        delete config[key];
    }
    return { config, secureKeys: settings.secretKeys };
}

// ---------------------------------------------------------------------------------------------------
// Process helpers

/** exec.LookPath: the first executable `name` on PATH. */
export function lookPath(name: string, pathEnv: string | undefined): string | undefined {
    for (const dir of (pathEnv ?? "").split(path.delimiter)) {
        if (dir === "") {
            continue;
        }
        const candidate = path.join(dir, name);
        try {
            fs.accessSync(candidate, fs.constants.X_OK);
            if (fs.statSync(candidate).isFile()) {
                return candidate;
            }
        } catch {
            // not here
        }
    }
    return undefined;
}

/** A small shlex.Split for `runtime.options.nodeargs` (whitespace, single/double quotes, backslash). */
export function shellSplit(s: string): string[] {
    const out: string[] = [];
    let cur = "";
    let inWord = false;
    let quote: "'" | '"' | undefined;
    for (let i = 0; i < s.length; i++) {
        const c = s.charAt(i);
        if (quote === "'") {
            if (c === "'") {
                quote = undefined;
            } else {
                cur += c;
            }
        } else if (quote === '"') {
            if (c === '"') {
                quote = undefined;
            } else if (c === "\\" && i + 1 < s.length) {
                cur += s.charAt(++i);
            } else {
                cur += c;
            }
        } else if (c === "'" || c === '"') {
            quote = c;
            inWord = true;
        } else if (c === "\\" && i + 1 < s.length) {
            cur += s.charAt(++i);
            inWord = true;
        } else if (/\s/.test(c)) {
            if (inWord) {
                out.push(cur);
                cur = "";
                inWord = false;
            }
        } else {
            cur += c;
            inWord = true;
        }
    }
    if (quote !== undefined) {
        throw new Error(`unterminated quote in ${JSON.stringify(s)}`);
    }
    if (inWord) {
        out.push(cur);
    }
    return out;
}

/**
 * This process's environment without what a test runner adds and what the engine sets
 * itself (PULUMI_NODEJS_*, PULUMI_CONFIG and the names in `engineSets`): what a plugin
 * the CLI starts would inherit.
 */
export function inheritedEnv(engineSets: readonly string[] = ["PULUMI_CONFIG_SECRET_KEYS"]): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) {
        if (v === undefined) {
            continue;
        }
        if (k.startsWith("PULUMI_NODEJS_") || k === "PULUMI_CONFIG" || engineSets.includes(k)) {
            continue;
        }
        if (k.startsWith("VITEST") || k === "NODE_V8_COVERAGE") {
            continue;
        }
        // Vitest sets NODE_ENV=test and TEST=true in its workers; a CLI run has neither.
        if (process.env["VITEST"] !== undefined && ((k === "NODE_ENV" && v === "test") || (k === "TEST" && v === "true"))) {
            continue;
        }
        env[k] = v;
    }
    return env;
}

// ---------------------------------------------------------------------------------------------------
// Run

export interface RunProgramOptions {
    /** Directory holding Pulumi.yaml (the project root). */
    projectDir: string;
    /** Project name; default: `name` from Pulumi.yaml (what the engine uses). */
    project?: string;
    stack: string;
    /** Default "organization" (what a DIY backend reports). */
    organization?: string;
    /**
     * Also read the stack's config like the CLI: Pulumi.<stack>.yaml over the Pulumi.yaml defaults
     * (see {@link readStackConfig}); `config` and `secretConfig` apply over it. `secure:` values must
     * be given in `secretConfig`. Default false.
     */
    stackConfigFile?: boolean;
    /** Config, `<ns>:<key>` (or bare `<key>`, qualified with the project) to value. */
    config?: Record<string, ConfigValue>;
    /** Secret config, same form; also listed in PULUMI_CONFIG_SECRET_KEYS. */
    secretConfig?: Record<string, ConfigValue>;
    /** `--dry-run`: true for a preview (the first phase of `pulumi up`). Default true. */
    preview?: boolean;
    /** `--parallel`; default like the CLI: 4 x the number of CPUs. */
    parallel?: number;
    /** Extra program arguments (after the entry point). */
    args?: string[];
    /** Kill the program after this long. Default 120 s. */
    timeoutMs?: number;
    /** Extra environment for the program (applied over the inherited one, under the host's own variables). */
    env?: Record<string, string | undefined>;
    /** Node binary; default: `node` on the PATH the program gets, like the host's exec.LookPath. */
    nodeBinary?: string;
    /** Options passed to the fake engine (features, invoke results). */
    engine?: Pick<FakeEngineOptions, "features" | "onInvoke" | "deploymentInfo">;
    /** Also copy the program's stdout/stderr to this process's (for debugging). */
    echo?: boolean;
}

export interface RunProgramResult {
    /** Exit code, or null if killed by a signal. 0 = success; 32 = failed after logging the error to the engine. */
    exitCode: number | null;
    signal: NodeJS.Signals | null;
    timedOut: boolean;
    stdout: string;
    stderr: string;
    records: FakeEngineRecords;
    durationMs: number;
    /** The argv given to node (after the node binary). */
    argv: string[];
    /** The variables the host adds to the inherited environment. */
    hostEnv: Record<string, string>;
    nodeBinary: string;
    programInfo: ProgramInfo;
    project: ProjectFile;
}

/** Run the Pulumi program in `projectDir` as `pulumi-language-nodejs` would, against a fake engine. */
export async function runProgramAsLanguageHost(options: RunProgramOptions): Promise<RunProgramResult> {
    const started = performance.now();
    const projectFile = readProjectFile(options.projectDir);
    if (projectFile.runtimeName !== "nodejs") {
        throw new Error(`${projectFile.path}: runtime ${projectFile.runtimeName} is not nodejs`);
    }
    const info = programInfo(options.projectDir, projectFile.main);
    const project = options.project ?? projectFile.name;
    const organization = options.organization ?? "organization";
    const preview = options.preview ?? true;
    const parallel = options.parallel ?? os.availableParallelism() * 4;

    // The config map as the engine hands it to the host (RunRequest.Config), then as the host hands it on.
    const engineConfig: Record<string, string> = {};
    const hostConfig: Record<string, string> = {};
    const secretKeys: string[] = [];
    const addConfig = (values: Record<string, ConfigValue> | undefined, secret: boolean): void => {
        for (const [key, value] of Object.entries(values ?? {})) {
            const { namespace, name } = parseConfigKey(key, project);
            engineConfig[`${namespace}:${name}`] = configString(value);
            hostConfig[`${namespace}:config:${name}`] = configString(value);
            if (secret) {
                secretKeys.push(`${namespace}:${name}`);
            }
        }
    };
    if (options.stackConfigFile === true) {
        const fromFiles = readStackConfig(options.projectDir, options.stack);
        const given = new Set(
            Object.keys(options.secretConfig ?? {}).map((k) => {
                const { namespace, name } = parseConfigKey(k, project);
                return `${namespace}:${name}`;
            }),
        );
        const missing = fromFiles.secureKeys.filter((k) => !given.has(k));
        if (missing.length > 0) {
            throw new Error(`secure config values cannot be decrypted here; pass them in secretConfig: ${missing.join(", ")}`);
        }
        addConfig(fromFiles.config, false);
    }
    addConfig(options.config, false);
    addConfig(options.secretConfig, true);

    // locateModule: `node -e "require.resolve('@pulumi/pulumi/cmd/run')"` run in the program directory.
    const runPath = require.resolve("@pulumi/pulumi/cmd/run", { paths: [info.programDirectory] });

    const hostEnv: Record<string, string> = {
        PULUMI_CONFIG: JSON.stringify(hostConfig),
        PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(secretKeys),
    };
    if (projectFile.runtimeOptions.typescript) {
        hostEnv["PULUMI_NODEJS_TYPESCRIPT"] = "true";
    }
    if (projectFile.runtimeOptions.tsconfig !== "") {
        hostEnv["PULUMI_NODEJS_TSCONFIG_PATH"] = projectFile.runtimeOptions.tsconfig;
    }
    const env: Record<string, string> = inheritedEnv();
    for (const [k, v] of Object.entries(options.env ?? {})) {
        if (v === undefined) {
            delete env[k];
        } else {
            env[k] = v;
        }
    }
    Object.assign(env, hostEnv);

    const nodeBinary = options.nodeBinary ?? lookPath("node", env["PATH"]) ?? process.execPath;

    const fake = await startFakeEngine({
        project,
        stack: options.stack,
        organization,
        preview,
        parallel,
        config: engineConfig,
        configSecretKeys: secretKeys,
        ...options.engine,
    });
    // The host's pipes directory for synchronous invokes (pulumi-node-pipes*). The SDK only opens the
    // FIFOs in it for synchronous invokes, which @pulumi/pulumi 3.x no longer makes; the directory is
    // left empty so that an SDK that did try would fail at once instead of blocking on a FIFO.
    const pipesDir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-node-pipes"));

    const argv: string[] = [...shellSplit(projectFile.runtimeOptions.nodeargs), runPath];
    const maybeAppendArg = (k: string, v: string): void => {
        if (v !== "") {
            argv.push(`--${k}`, v);
        }
    };
    maybeAppendArg("monitor", fake.address);
    maybeAppendArg("engine", fake.address);
    maybeAppendArg("sync", pipesDir);
    maybeAppendArg("organization", organization);
    maybeAppendArg("project", project);
    maybeAppendArg("root-directory", info.rootDirectory);
    maybeAppendArg("stack", options.stack);
    maybeAppendArg("pwd", info.programDirectory);
    if (preview) {
        argv.push("--dry-run");
    }
    maybeAppendArg("parallel", String(parallel));
    argv.push(info.entryPoint, ...(options.args ?? []));

    const timeoutMs = options.timeoutMs ?? 120_000;
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    try {
        const { exitCode, signal } = await new Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }>(
            (resolve, reject) => {
                const child = spawn(nodeBinary, argv, {
                    cwd: info.programDirectory,
                    env,
                    stdio: ["ignore", "pipe", "pipe"],
                });
                child.stdout.setEncoding("utf8");
                child.stderr.setEncoding("utf8");
                child.stdout.on("data", (chunk: string) => {
                    stdout += chunk;
                    if (options.echo) {
                        process.stdout.write(chunk);
                    }
                });
                child.stderr.on("data", (chunk: string) => {
                    stderr += chunk;
                    if (options.echo) {
                        process.stderr.write(chunk);
                    }
                });
                // Like the host on cancellation: interrupt, then kill if it is still there 5 s later.
                let killTimer: NodeJS.Timeout | undefined;
                const timer = setTimeout(() => {
                    timedOut = true;
                    child.kill("SIGINT");
                    killTimer = setTimeout(() => child.kill("SIGKILL"), 5_000);
                }, timeoutMs);
                // Never leave the program behind if this process goes away first.
                const killOnExit = (): void => {
                    child.kill("SIGKILL");
                };
                process.once("exit", killOnExit);
                const settle = (): void => {
                    clearTimeout(timer);
                    clearTimeout(killTimer);
                    process.removeListener("exit", killOnExit);
                };
                child.on("error", (err) => {
                    settle();
                    reject(err);
                });
                child.on("close", (code, sig) => {
                    settle();
                    resolve({ exitCode: code, signal: sig });
                });
            },
        );
        return {
            exitCode,
            signal,
            timedOut,
            stdout,
            stderr,
            records: fake.records,
            durationMs: Math.round(performance.now() - started),
            argv,
            hostEnv,
            nodeBinary,
            programInfo: info,
            project: projectFile,
        };
    } finally {
        await fake.close();
        fs.rmSync(pipesDir, { recursive: true, force: true });
    }
}
