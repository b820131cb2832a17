// How long the engine waits for a policy pack before its first check: from starting
// `run-policy-pack` to the answer of the first Analyze, through the engine's calls in between
// (engine/analyzer-host.ts). Our pack and the trivial JavaScript pack with as many policies
// (bench/trivial-pack), started in turn. What the engine does in Go between the calls (decode
// the pack's description, work out and encode its config, encode the resource) is done
// beforehand, in a start of each pack of its own: this stand-in would do it in JavaScript, and
// charge the pack with the larger description for it.
// Usage: node --require ./plan/register-ts.cjs bench/pack-startup.ts [--runs 5]
import { performance } from "node:perf_hooks";
import type { AnalyzedResource } from "../engine/analyzer-host";
import { analysisOf } from "../engine/resources";
import { registered } from "../test/policies/support/fixtures";
import { alternateMeasures, ratio, runCounts, show, type Figures } from "./measure";
import { encodedRequests, engine, startPack, type PackName } from "./pack-process";
import { generatedStack } from "./sites";

const GOAL = 1.0;

export interface StartupFigures {
    port: Record<PackName, Figures>;
    firstCheck: Record<PackName, Figures>;
}

export async function measureStartup(runs: number, warmups: number): Promise<StartupFigures> {
    const [vault] = analysisOf(registered(generatedStack("sites", 10), false));
    const first: AnalyzedResource = { type: vault!.type, name: vault!.name, urn: vault!.urn, parent: "", properties: vault!.inputs };
    const server = await engine();
    try {
        const requests = { ours: await encodedRequests("ours", server, first), trivial: await encodedRequests("trivial", server, first) };
        const start = async (pack: PackName) => {
            const started = performance.now();
            const running = await startPack(pack, server, requests[pack].configure);
            const answer = await running.send(requests[pack].first);
            const firstCheck = performance.now() - started;
            const { diagnostics } = running.decodeResult(answer);
            await running.stop();
            if (diagnostics.length > 0) {
                throw new Error(`the vault should comply: ${JSON.stringify(diagnostics)}`);
            }
            return { port: running.startupMs, firstCheck };
        };
        const measured = await alternateMeasures({ ours: () => start("ours"), trivial: () => start("trivial") }, runs, warmups);
        return {
            port: { ours: measured.ours.port, trivial: measured.trivial.port },
            firstCheck: { ours: measured.ours.firstCheck, trivial: measured.trivial.firstCheck },
        };
    } finally {
        await server.close();
    }
}

export function startupLines({ port, firstCheck }: StartupFigures): string[] {
    return [
        `port on stdout: ours ${show(port.ours)}, trivial pack ${show(port.trivial)}`,
        `first Analyze answered: ours ${show(firstCheck.ours)}, trivial pack ${show(firstCheck.trivial)}, ${ratio(firstCheck.ours, firstCheck.trivial, GOAL)}`,
    ];
}

if (require.main === module) {
    const { runs, warmups } = runCounts({ runs: 31 });
    console.log(`Policy pack start-up, ${runs} runs after ${warmups} warm-up, alternating packs:`);
    void measureStartup(runs, warmups).then((figures) => startupLines(figures).forEach((line) => console.log(`  ${line}`)));
}
