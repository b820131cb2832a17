// How long the offline plan of the dev stack takes, run as the README says and through npm,
// next to the floor: a Node process that only loads what any plan must, @pulumi/pulumi,
// @pulumi/policy and the azure-native submodules the program uses.
// Usage: node --require ./plan/register-ts.cjs bench/plan-startup.ts [--runs 10] [--stack dev]
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { alternate, ratio, runCounts, show, type Figures } from "./measure";
import { ROOT } from "./program";

const GOAL = 1.3;

function timed(command: string, args: string[], env: NodeJS.ProcessEnv): number {
    const started = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) {
        throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr.toString()}`);
    }
    return elapsed;
}

export interface StartupFigures {
    submodules: string[];
    floor: Figures;
    floorCached: Figures;
    node: Figures;
    npm: Figures;
}

export async function measurePlanStartup(stack: string, runs: number, warmups: number): Promise<StartupFigures> {
    const plan = [join(ROOT, "plan", "main.cjs"), "--stack", stack, "--json"];
    const document = JSON.parse(execFileSync(process.execPath, plan, { cwd: ROOT, encoding: "utf8" })) as { resources: { type: string }[] };
    const submodules = [...new Set(document.resources.map((r) => r.type.split(":")).filter(([pkg]) => pkg === "azure-native").map(([, module]) => module!))].sort();
    const floor = ["-e", `require("@pulumi/pulumi"); require("@pulumi/policy"); for (const m of ${JSON.stringify(submodules)}) require("@pulumi/azure-native/" + m);`];
    const cache = mkdtempSync(join(tmpdir(), "plan-bench-cache-"));
    // npm runs the script with the Node that runs npm: the one on PATH, as for a user.
    const env = { ...process.env, PATH: `${join(process.execPath, "..")}:${process.env.PATH ?? ""}` };
    try {
        const figures = await alternate(
            {
                floor: () => timed(process.execPath, floor, env),
                floorCached: () => timed(process.execPath, floor, { ...env, NODE_COMPILE_CACHE: cache }),
                node: () => timed(process.execPath, plan, env),
                npm: () => timed("npm", ["run", "-s", "plan", "--", ...plan.slice(1)], env),
            },
            runs,
            warmups,
        );
        return { submodules, ...figures };
    } finally {
        rmSync(cache, { recursive: true, force: true });
    }
}

export function planStartupLines(figures: StartupFigures, stack: string): string[] {
    return [
        `floor: node loads @pulumi/pulumi, @pulumi/policy and azure-native ${figures.submodules.join(", ")}: ${show(figures.floor)}; with V8's compile cache, as the plan keeps it: ${show(figures.floorCached)}`,
        `node plan/main.cjs --stack ${stack} --json: ${show(figures.node)}, ${ratio(figures.node, figures.floor, GOAL)}; to the cached floor ${(figures.node.median / figures.floorCached.median).toFixed(2)}x`,
        `npm run -s plan -- --stack ${stack} --json: ${show(figures.npm)}, ${(figures.npm.median / figures.floor.median).toFixed(2)}x the floor (npm adds ${(figures.npm.median - figures.node.median).toFixed(0)} ms)`,
    ];
}

if (require.main === module) {
    const { runs, warmups, args } = runCounts({ runs: 10, warmups: 2 });
    const stack = args.stack ?? "dev";
    console.log(`Plan start-up, ${runs} runs after ${warmups} warm-ups, alternating; node ${process.version}:`);
    void measurePlanStartup(stack, runs, warmups).then((figures) => planStartupLines(figures, stack).forEach((line) => console.log(`  ${line}`)));
}
