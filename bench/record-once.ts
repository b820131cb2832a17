// One program evaluation as the plan makes it (engine/recorder.ts), in a process of its own
// since Pulumi's runtime is process-wide: prints `<ms> <resources> <ms loading the program's
// modules>` for bench/program-evaluation.ts and site-evaluation.ts. With --sdk-loaded the
// Pulumi SDK is loaded before the clock starts, as the language host has it loaded before
// it starts the program.
// Usage: node --require ./plan/register-ts.cjs bench/record-once.ts <project dir> <stack> [--whole-sdk | --sdk-loaded]
import { createRequire, setSourceMapsSupport } from "node:module";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { programInfo, programPath, readStack } from "../engine/project";
import { recordProgram } from "../engine/recorder";

async function main([projectDir, stack, flag]: string[]): Promise<void> {
    // As plan/main.cjs runs: source maps on for the program, one frame per error.
    setSourceMapsSupport(true, { nodeModules: false });
    Error.stackTraceLimit = 1;
    const settings = readStack(projectDir!, stack!);
    const entry = programPath(programInfo(settings.project));
    process.chdir(join(projectDir!));
    if (flag === "--sdk-loaded") {
        createRequire(join(projectDir!, "package.json"))("@pulumi/pulumi");
    }
    const started = performance.now();
    let loadMs = 0;
    const recording = await recordProgram({
        projectDir,
        project: settings.project.name,
        stack: settings.stack,
        config: settings.config,
        preview: true,
        wholeSdk: flag === "--whole-sdk",
        // As the language host does: a program that exports a function is run, and its result is the outputs.
        load: async () => {
            const loading = performance.now();
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const exported = require(entry) as unknown;
            loadMs = performance.now() - loading;
            return typeof exported === "function" ? await (exported as () => unknown)() : exported;
        },
    });
    console.log(`${(performance.now() - started).toFixed(1)} ${recording.resources.filter((resource) => resource.custom).length} ${loadMs.toFixed(1)}`);
}

void main(process.argv.slice(2));
