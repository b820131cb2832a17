// The plan's in-process pass of the policy pack (engine/resources.ts analysisOf, then
// engine/analyze.ts analyzeStack: Analyze of every resource, AnalyzeStack once) over the
// generated Site Recovery stacks of bench/sites.ts, in this process, as the plan runs it: one
// stack frame per error (plan/main.cjs).
// Usage: node --require ./plan/register-ts.cjs bench/analyze-in-process.ts [--runs 5] [--sizes 100,1000,10000]
import { performance } from "node:perf_hooks";
import { analyzeStack } from "../engine/analyze";
import { analysisOf } from "../engine/resources";
import { policies, startOperation } from "../policies/pack";
import { registered } from "../test/policies/support/fixtures";
import { alternateMeasures, runCounts, show, type Figures } from "./measure";
import { generatedStack, SHAPE_NAMES, SHAPES, type Shape } from "./sites";

const GOAL_MS = 1000;

export interface InProcessFigures {
    shape: Shape;
    count: number;
    /** Wall time, and the CPU time the process spent: what the pass costs on a machine others share too. */
    pass: Record<"ms" | "cpu", Figures>;
}

async function pass(stack: ReturnType<typeof registered>): Promise<Record<"ms" | "cpu", number>> {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const analysis = await analyzeStack(policies, analysisOf(stack), { startOperation });
    const used = process.cpuUsage(cpu);
    const ms = performance.now() - started;
    if (analysis.violations.length > 0) {
        throw new Error(`the generated stack should comply: ${JSON.stringify(analysis.violations.slice(0, 3))}`);
    }
    return { ms, cpu: (used.user + used.system) / 1000 };
}

export async function measureInProcess(sizes: readonly number[], runs: number, warmups: number): Promise<InProcessFigures[]> {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 1;
    try {
        const results: InProcessFigures[] = [];
        for (const count of sizes) {
            // The shapes alternate, so that both see the same machine.
            const stacks = Object.fromEntries(SHAPES.map((shape) => [shape, registered(generatedStack(shape, count), false)]));
            const figures = await alternateMeasures(
                Object.fromEntries(SHAPES.map((shape) => [shape, () => pass(stacks[shape]!)])) as Record<Shape, () => Promise<Record<"ms" | "cpu", number>>>,
                runs,
                warmups,
            );
            results.push(...SHAPES.map((shape) => ({ shape, count, pass: figures[shape] })));
        }
        return results;
    } finally {
        Error.stackTraceLimit = limit;
    }
}

export function inProcessLines(results: readonly InProcessFigures[]): string[] {
    const largest = Math.max(...results.map((row) => row.count));
    return results.map((row) => {
        const goal = row.count === largest ? ` (goal at ${largest} < ${GOAL_MS} ms: ${row.pass.ms.median < GOAL_MS ? "met" : "MISSED"})` : "";
        return `${row.count} resources, ${SHAPE_NAMES[row.shape]}: ${show(row.pass.ms)}, CPU ${show(row.pass.cpu)}${goal}`;
    });
}

if (require.main === module) {
    const { runs, warmups, args } = runCounts({ runs: 5 });
    const sizes = (args.sizes ?? "100,1000,10000").split(",").map(Number);
    console.log(`The plan's in-process policy pass, ${runs} runs after ${warmups} warm-up, shapes alternating:`);
    void measureInProcess(sizes, runs, warmups).then((results) => inProcessLines(results).forEach((line) => console.log(`  ${line}`)));
}
