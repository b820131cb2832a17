import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { inheritedEnv } from "./grpc";
import { startEngineServer, type EngineRecords } from "./monitor-server";
import { StackFileError, programInfo, readStack } from "./project";

// What `pulumi preview` / `pulumi up` does to start a Node.js program, minus the CLI: the
// engine's getPwdMain, then the language host's Run (pulumi/pulumi
// sdk/nodejs/cmd/pulumi-language-nodejs: locateModule, constructArguments, execRuntime):
// `node [nodeargs] <@pulumi/pulumi/cmd/run> --monitor --engine ... <entry point>` in the
// program folder, with config in PULUMI_CONFIG (keys as `<namespace>:config:<key>`) and
// PULUMI_NODEJS_TYPESCRIPT unless `runtime.options.typescript` is false.

export interface RunProgramOptions {
    projectDir: string;
    stack: string;
    /** Config over the stack file's, as text per `<namespace>:<key>` (JSON for objects). */
    config?: Record<string, string>;
    /** A preview (`--dry-run`). Default true. */
    preview?: boolean;
    /** Extra environment for the program. */
    env?: Record<string, string>;
    /** Stop the program after this long. Default 120 s. */
    timeoutMs?: number;
}

export interface RunProgramResult {
    exitCode: number | null;
    stdout: string;
    stderr: string;
    records: EngineRecords;
    /** The variables the language host adds to the inherited environment. */
    hostEnv: Record<string, string>;
}

/** Runs the Pulumi program of `projectDir` as the Node.js language host would, against a stand-in engine. */
export async function runProgram(options: RunProgramOptions): Promise<RunProgramResult> {
    const settings = readStack(options.projectDir, options.stack);
    if (settings.secretKeys.length > 0) {
        throw new StackFileError(`${settings.project.file}: secrets (${settings.secretKeys.join(", ")}) can't be decrypted offline`);
    }
    const config = { ...settings.config, ...options.config };
    const { project } = settings;
    const info = programInfo(project);
    const preview = options.preview ?? true;
    const organization = "organization";
    const engine = await startEngineServer({ project: project.name, stack: options.stack, organization, preview, config, secretKeys: [] });

    const hostEnv: Record<string, string> = {
        PULUMI_CONFIG: JSON.stringify(Object.fromEntries(Object.entries(config).map(([key, value]) => [key.replace(":", ":config:"), value]))),
        PULUMI_CONFIG_SECRET_KEYS: "[]",
        ...(project.runtimeOptions.typescript ? { PULUMI_NODEJS_TYPESCRIPT: "true" } : {}),
        ...(project.runtimeOptions.tsconfig === "" ? {} : { PULUMI_NODEJS_TSCONFIG_PATH: project.runtimeOptions.tsconfig }),
    };
    const pipes = mkdtempSync(join(tmpdir(), "pulumi-node-pipes"));
    const run = require.resolve("@pulumi/pulumi/cmd/run", { paths: [info.programDirectory] });
    const argv = [
        ...project.runtimeOptions.nodeargs.split(/\s+/).filter((arg) => arg !== ""),
        run,
        ...["--monitor", engine.address, "--engine", engine.address, "--sync", pipes, "--organization", organization],
        ...["--project", project.name, "--root-directory", project.dir, "--stack", options.stack, "--pwd", info.programDirectory],
        ...(preview ? ["--dry-run"] : []),
        ...["--parallel", String(availableParallelism() * 4), info.entryPoint],
    ];
    try {
        const child = spawn(process.execPath, argv, {
            cwd: info.programDirectory,
            env: { ...inheritedEnv(["PULUMI_CONFIG_SECRET_KEYS"]), ...options.env, ...hostEnv },
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 120_000);
        const exitCode = await new Promise<number | null>((resolve, reject) => {
            child.on("error", reject);
            child.on("close", resolve);
        });
        clearTimeout(timer);
        return { exitCode, stdout, stderr, records: engine.records, hostEnv };
    } finally {
        await engine.close();
        rmSync(pipes, { recursive: true, force: true });
    }
}

const ANSI_ESCAPE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, "g");

/** What the program logged at `severity` through the engine, without the SDK's colour codes. */
export function logged(records: EngineRecords, severity: "warning" | "error"): string[] {
    return records.logs.filter((log) => log.severity === severity).map((log) => log.message.replace(ANSI_ESCAPE, ""));
}
