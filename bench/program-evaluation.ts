// What evaluating a program costs per resource, in the plan and in `pulumi up`, on generated
// programs (bench/program.ts) next to our dev stack:
//  - the plan (`node plan/main.cjs -C <project> --stack <stack> --json`), whole: time and
//    peak memory; the cost of an added resource is the difference to the dev stack's plan;
//  - the plan's recording alone (bench/record-once.ts), as the plan runs it and with the SDK
//    whole (aliases, source positions, promise stacks), to tell the SDK's cost from ours;
//  - the program as `pulumi up` runs it: Pulumi's language host path (cmd/run, the real SDK)
//    against the engine stand-in (engine/language-host.ts).
// Usage: node --require ./plan/register-ts.cjs bench/program-evaluation.ts [--runs 5] [--sizes 801]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { runProgram } from "../engine/language-host";
import { alternateMeasures, runCounts, show, type Figures } from "./measure";
import { generatedProject, ROOT, STACK, type GeneratedProject } from "./program";

const GOAL_MS = 5;
const GOAL_MB = 1;
const DEV = { dir: ROOT, stack: "dev" };

const usageDir = mkdtempSync(join(tmpdir(), "asr-hyperv-bench-rss-"));
let usageCount = 0;

/** The environment that has a Node process report its peak memory (bench/max-rss.cjs), and a reader of the report. */
function peakMemory(): { env: Record<string, string>; mb: () => number } {
    const file = join(usageDir, `${usageCount++}.txt`);
    return {
        env: { NODE_OPTIONS: `--require ${join(__dirname, "max-rss.cjs")}`, BENCH_MAX_RSS_FILE: file },
        // A process that starts others reports each: the largest is the program's.
        mb: () => Math.max(...readFileSync(file, "utf8").trim().split("\n").map(Number)) / 1024,
    };
}

function node(args: string[]): { stdout: string; ms: number; mb: number } {
    const memory = peakMemory();
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...memory.env }, encoding: "utf8", maxBuffer: 1 << 30 });
    const ms = performance.now() - started;
    if (result.status !== 0) {
        throw new Error(`node ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
    }
    return { stdout: result.stdout, ms, mb: memory.mb() };
}

function plan(project: { dir: string; stack: string }): { ms: number; mb: number } {
    const { ms, mb } = node([join(ROOT, "plan", "main.cjs"), "-C", project.dir, "--stack", project.stack, "--json"]);
    return { ms, mb };
}

/** The recording alone: the time record-once.ts reports, the whole process's peak memory. */
function record(project: GeneratedProject, wholeSdk: boolean): { ms: number; mb: number } {
    const run = node(["--require", join(ROOT, "plan", "register-ts.cjs"), join(__dirname, "record-once.ts"), project.dir, STACK, ...(wholeSdk ? ["--whole-sdk"] : [])]);
    return { ms: Number(run.stdout.trim().split(" ")[0]), mb: run.mb };
}

async function pulumiUp(project: { dir: string; stack: string }): Promise<{ ms: number; mb: number }> {
    const memory = peakMemory();
    const started = performance.now();
    const result = await runProgram({ projectDir: project.dir, stack: project.stack, preview: true, env: memory.env, timeoutMs: 600_000 });
    const ms = performance.now() - started;
    if (result.exitCode !== 0) {
        throw new Error(`the program failed under the language host (${result.exitCode}): ${result.stderr}`);
    }
    return { ms, mb: memory.mb() };
}

type Measured = Record<"ms" | "mb", Figures>;

export interface ProgramFigures {
    devResources: number;
    size: number;
    plan: { dev: Measured; generated: Measured };
    recording: { plan: Measured; wholeSdk: Measured };
    pulumiUp: { dev: Measured; generated: Measured };
}

export async function measurePrograms(sizes: readonly number[], runs: number, warmups: number): Promise<ProgramFigures[]> {
    const devDocument = JSON.parse(node([join(ROOT, "plan", "main.cjs"), "--stack", "dev", "--json"]).stdout) as { summary: { azureResources: number } };
    const results: ProgramFigures[] = [];
    for (const size of sizes) {
        const project = generatedProject(size);
        const generated = { dir: project.dir, stack: STACK };
        try {
            const m = await alternateMeasures(
                {
                    planDev: () => plan(DEV),
                    plan: () => plan(generated),
                    record: () => record(project, false),
                    recordWhole: () => record(project, true),
                    upDev: () => pulumiUp(DEV),
                    up: () => pulumiUp(generated),
                },
                runs,
                warmups,
            );
            results.push({
                devResources: devDocument.summary.azureResources,
                size: project.resources,
                plan: { dev: m.planDev, generated: m.plan },
                recording: { plan: m.record, wholeSdk: m.recordWhole },
                pulumiUp: { dev: m.upDev, generated: m.up },
            });
        } finally {
            project.remove();
        }
    }
    rmSync(usageDir, { recursive: true, force: true });
    return results;
}

/** Per added resource, from the medians: against the dev stack's. */
function perResource(large: Measured, small: Measured, added: number): { ms: number; mb: number } {
    return { ms: (large.ms.median - small.ms.median) / added, mb: (large.mb.median - small.mb.median) / added };
}

export function programLines(rows: readonly ProgramFigures[]): string[] {
    const lines: string[] = [];
    for (const row of rows) {
        const added = row.size - row.devResources;
        const plan = perResource(row.plan.generated, row.plan.dev, added);
        const up = perResource(row.pulumiUp.generated, row.pulumiUp.dev, added);
        const met = plan.ms <= GOAL_MS && plan.mb <= GOAL_MB;
        lines.push(
            `plan, dev stack (${row.devResources} resources): ${show(row.plan.dev.ms)}, ${show(row.plan.dev.mb, "MB")}`,
            `plan, ${row.size} resources: ${show(row.plan.generated.ms)}, ${show(row.plan.generated.mb, "MB")}`,
            `  per added resource: ${plan.ms.toFixed(2)} ms and ${plan.mb.toFixed(2)} MB (goal <= ${GOAL_MS} ms and ${GOAL_MB} MB: ${met ? "met" : "MISSED"}); ${((row.plan.generated.ms.median - row.plan.dev.ms.median) / 1000).toFixed(1)} s over the dev stack`,
            `recording ${row.size} resources as the plan does: ${show(row.recording.plan.ms)}, ${show(row.recording.plan.mb, "MB")}; with the SDK whole: ${show(row.recording.wholeSdk.ms)}, ${show(row.recording.wholeSdk.mb, "MB")} (${(row.recording.wholeSdk.ms.median / row.recording.plan.ms.median).toFixed(1)}x the time)`,
            `pulumi up's program run (language host, real SDK), dev stack: ${show(row.pulumiUp.dev.ms)}, ${show(row.pulumiUp.dev.mb, "MB")}; ${row.size} resources: ${show(row.pulumiUp.generated.ms)}, ${show(row.pulumiUp.generated.mb, "MB")}`,
            `  per added resource: ${up.ms.toFixed(2)} ms and ${up.mb.toFixed(2)} MB`,
        );
    }
    return lines;
}

if (require.main === module) {
    const { runs, warmups, args } = runCounts({ runs: 5 });
    const sizes = (args.sizes ?? "801").split(",").map(Number);
    console.log(`Program evaluation, ${runs} runs after ${warmups} warm-up, alternating:`);
    void measurePrograms(sizes, runs, warmups).then((rows) => programLines(rows).forEach((line) => console.log(`  ${line}`)));
}
