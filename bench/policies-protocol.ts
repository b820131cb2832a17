// AnalyzeStack over the Analyzer protocol, as `pulumi preview --policy-pack policies` drives
// the pack: our pack and the trivial JavaScript pack with as many resource and stack policies
// (bench/trivial-pack), in turn. Each run is one operation as the engine runs it: the pack
// started in a process of its own, Analyze of every resource's inputs, then AnalyzeStack of
// every resource's preview outputs, timed. Generated Site Recovery stacks (bench/sites.ts) of 100,
// 1,000 and 10,000 resources, as sites of 10 resources and as one site.
// Usage: node --require ./plan/register-ts.cjs bench/policies-protocol.ts [--runs 5] [--sizes 100,1000,10000]
import { performance } from "node:perf_hooks";
import type { AnalyzedResource } from "../engine/analyzer-host";
import type { EngineServer } from "../engine/monitor-server";
import { analysisOf } from "../engine/resources";
import { registered } from "../test/policies/support/fixtures";
import { alternate, pairedRatio, runCounts, show, type Figures } from "./measure";
import { engine, startPack, type PackName } from "./pack-process";
import { generatedStack, SHAPE_NAMES, SHAPES, type Shape } from "./sites";

const GOAL_RATIO = 1.2;
const GOAL_GROWTH = 12;

/** The stack as the engine sends it: inputs to Analyze, preview outputs to AnalyzeStack. */
function engineView(shape: Shape, count: number): { inputs: AnalyzedResource[]; outputs: AnalyzedResource[] } {
    const resources = analysisOf(registered(generatedStack(shape, count), false));
    const base = (resource: (typeof resources)[number]) => ({
        type: resource.type,
        name: resource.name,
        urn: resource.urn,
        parent: resource.parent ?? "",
        dependencies: resource.dependencies,
        propertyDependencies: resource.propertyDependencies,
        protect: resource.options.protect,
    });
    return {
        inputs: resources.map((resource) => ({ ...base(resource), properties: resource.inputs })),
        outputs: resources.map((resource) => ({ ...base(resource), properties: resource.outputs })),
    };
}

/**
 * One operation as the engine runs it: a pack process of its own, Analyze of every resource a
 * few at a time as the engine's steps run, then AnalyzeStack, timed; the process is stopped
 * after it, as the engine stops it.
 */
async function operation(name: PackName, server: EngineServer, view: ReturnType<typeof engineView>): Promise<number> {
    const pack = await startPack(name, server);
    try {
        let next = 0;
        const worker = async () => {
            while (next < view.inputs.length) {
                await pack.analyze(view.inputs[next++]!);
            }
        };
        await Promise.all(Array.from({ length: 8 }, worker));
        // The engine builds and encodes the request (in Go) before it calls and decodes the answer
        // after: only the call is timed.
        const request = pack.encode.analyzeStack(view.outputs);
        const started = performance.now();
        const answer = await pack.send(request);
        const elapsed = performance.now() - started;
        const result = pack.decodeResult(answer);
        if (result.diagnostics.length > 0) {
            throw new Error(`the generated stack should comply: ${JSON.stringify(result.diagnostics.slice(0, 3))}`);
        }
        return elapsed;
    } finally {
        await pack.stop();
    }
}

export interface ProtocolFigures {
    shape: Shape;
    count: number;
    ours: Figures;
    trivial: Figures;
}

export async function measureProtocol(sizes: readonly number[], runs: number, warmups: number): Promise<ProtocolFigures[]> {
    const server = await engine();
    const results: ProtocolFigures[] = [];
    try {
        for (const shape of SHAPES) {
            for (const count of sizes) {
                const view = engineView(shape, count);
                const figures = await alternate({ ours: () => operation("ours", server, view), trivial: () => operation("trivial", server, view) }, runs, warmups);
                results.push({ shape, count, ...figures });
            }
        }
    } finally {
        await server.close();
    }
    return results;
}

/** Each size and shape, then growth per 10x and the ratio at the largest size, against the goals. */
export function protocolLines(results: readonly ProtocolFigures[]): string[] {
    const lines = results.map((row) => {
        const paired = pairedRatio(row.ours, row.trivial);
        return `${row.count} resources, ${SHAPE_NAMES[row.shape]}: ours ${show(row.ours)}, trivial pack ${show(row.trivial)}, ratio ${show(paired, "", 2)} by round, ${(row.ours.median / row.trivial.median).toFixed(2)} of the medians`;
    });
    for (const shape of SHAPES) {
        const rows = results.filter((row) => row.shape === shape).sort((a, b) => a.count - b.count);
        for (let index = 1; index < rows.length; index++) {
            const [small, large] = [rows[index - 1]!, rows[index]!];
            const per10x = (pack: "ours" | "trivial") => (large[pack].median / small[pack].median) ** (1 / Math.log10(large.count / small.count));
            const growth = per10x("ours");
            lines.push(
                `${SHAPE_NAMES[shape]}: ${small.count} -> ${large.count}: x${growth.toFixed(1)} per 10x (goal <= x${GOAL_GROWTH}: ${growth <= GOAL_GROWTH ? "met" : "MISSED"}); the trivial pack x${per10x("trivial").toFixed(1)}`,
            );
        }
        const largest = rows[rows.length - 1];
        if (largest !== undefined) {
            const ratio = pairedRatio(largest.ours, largest.trivial).median;
            lines.push(
                `${SHAPE_NAMES[shape]}: ${largest.count} resources: ${ratio.toFixed(2)}x the trivial pack, the median of the rounds' ratios (goal <= ${GOAL_RATIO}x: ${ratio <= GOAL_RATIO ? "met" : "MISSED"})`,
            );
        }
    }
    return lines;
}

if (require.main === module) {
    const { runs, warmups, args } = runCounts({ runs: 5 });
    const sizes = (args.sizes ?? "100,1000,10000").split(",").map(Number);
    console.log(`AnalyzeStack over the Analyzer protocol, ${runs} runs after ${warmups} warm-up, alternating packs:`);
    void measureProtocol(sizes, runs, warmups).then((results) => protocolLines(results).forEach((line) => console.log(`  ${line}`)));
}
