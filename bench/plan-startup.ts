// Prints how long the offline plan of the dev stack takes next to a Node process that only
// loads what any plan must: @pulumi/pulumi, @pulumi/policy and the azure-native submodules the
// program uses. Runs alternate, so both see the same machine. A script, not a test.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { runs: { type: "string", default: "15" }, stack: { type: "string", default: "dev" } } });
const runs = Number(values.runs);
const root = resolve(__dirname, "..");
const plan = [join(root, "plan", "main.cjs"), "--stack", values.stack, "--json"];

const document = JSON.parse(execFileSync(process.execPath, plan, { cwd: root, encoding: "utf8" })) as { resources: { type: string }[] };
const submodules = [...new Set(document.resources.map((r) => r.type.split(":")).filter(([pkg]) => pkg === "azure-native").map(([, module]) => module!))].sort();
const baseline = [
    "-e",
    `require("@pulumi/pulumi"); require("@pulumi/policy"); for (const m of ${JSON.stringify(submodules)}) require("@pulumi/azure-native/" + m);`,
];

function timed(args: string[], env: NodeJS.ProcessEnv): number {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) {
        throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr.toString()}`);
    }
    return elapsed;
}

function median(samples: number[]): number {
    const sorted = [...samples].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const cache = mkdtempSync(join(tmpdir(), "plan-bench-cache-"));
const plain = { ...process.env, NODE_DISABLE_COMPILE_CACHE: "1" };
const cached = { ...process.env, NODE_COMPILE_CACHE: cache };
const variants = {
    baseline: { args: baseline, env: { ...process.env } },
    plan: { args: plan, env: { ...process.env } },
    baselineCached: { args: baseline, env: cached },
    planCached: { args: plan, env: cached },
    planNoCache: { args: plan, env: plain },
};
const samples = Object.fromEntries(Object.keys(variants).map((key) => [key, [] as number[]])) as Record<keyof typeof variants, number[]>;
for (let round = -2; round < runs; round++) {
    for (const [key, { args, env }] of Object.entries(variants) as [keyof typeof variants, { args: string[]; env: NodeJS.ProcessEnv }][]) {
        const elapsed = timed(args, env);
        if (round >= 0) {
            samples[key].push(elapsed);
        }
    }
}
rmSync(cache, { recursive: true, force: true });

const m = Object.fromEntries(Object.entries(samples).map(([key, list]) => [key, median(list)])) as Record<keyof typeof variants, number>;
const ms = (value: number) => `${value.toFixed(0)} ms`;
console.log(`plan-startup: ${runs} runs of each after 2 warm-ups, alternating; node ${process.version}; stack ${values.stack}`);
console.log(`azure-native submodules the program uses: ${submodules.join(", ")}`);
console.log(`baseline (node loads @pulumi/pulumi, @pulumi/policy, those submodules): median ${ms(m.baseline)}`);
console.log(`plan (npm run plan -- --stack ${values.stack} --json, as shipped):            median ${ms(m.plan)}`);
console.log(`ratio plan / baseline: ${(m.plan / m.baseline).toFixed(2)} (target <= 1.50)`);
console.log("like for like:");
console.log(`  both with V8's compile cache: baseline ${ms(m.baselineCached)}, plan ${ms(m.planCached)}, ratio ${(m.planCached / m.baselineCached).toFixed(2)}`);
console.log(`  plan without the compile cache: ${ms(m.planNoCache)}, ratio to baseline ${(m.planNoCache / m.baseline).toFixed(2)}`);
