// What planning a large DR site costs: our program (index.ts) evaluated as the plan records
// it, for the site stack (2 protected VMs) and for a site of 50 clouds, 500 VMs and 2,000
// disks (test/stack/large-site.ts) with its ARM names in config, alternating; each run in a
// process of its own (bench/record-once.ts), since Pulumi's runtime is process-wide. Program
// evaluation is the recording without loading the Pulumi SDK and the program's modules,
// which a plan pays once whatever the size.
// Usage: node --require ./plan/register-ts.cjs bench/site-evaluation.ts [--runs 5]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dump, load } from "js-yaml";
import { largeSite } from "../test/stack/large-site";
import { alternateMeasures, runCounts, show, type Figures } from "./measure";
import { ROOT } from "./program";

/** Issue 11: the large site's program evaluation under 2 seconds. */
const GOAL_MS = 2000;

/** A project running our program with the site stack as `small` and the large site as `large`. */
function siteProject(): { dir: string; remove(): void } {
    const dir = mkdtempSync(join(tmpdir(), "asr-hyperv-bench-site-"));
    writeFileSync(join(dir, "Pulumi.yaml"), dump({ name: "asr-hyperv", runtime: { name: "nodejs", options: { typescript: true } }, main: join(ROOT, "index.ts") }));
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
    const site = load(readFileSync(join(ROOT, "Pulumi.site.yaml"), "utf8")) as { config: Record<string, unknown> };
    writeFileSync(join(dir, "Pulumi.small.yaml"), dump(site));
    const large = Object.fromEntries(Object.entries(largeSite()).map(([key, value]) => [key, JSON.parse(value) as unknown]));
    writeFileSync(join(dir, "Pulumi.large.yaml"), dump({ config: { ...site.config, ...large } }));
    return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function record(dir: string, stack: string): { ms: number; resources: number; evaluation: number } {
    const result = spawnSync(process.execPath, ["--require", join(ROOT, "plan", "register-ts.cjs"), join(__dirname, "record-once.ts"), dir, stack, "--sdk-loaded"], { cwd: ROOT, encoding: "utf8" });
    if (result.status !== 0) {
        throw new Error(`record-once ${stack} exited ${result.status}: ${result.stderr}`);
    }
    const [ms, resources, loading] = result.stdout.trim().split(" ").map(Number);
    return { ms: ms!, resources: resources!, evaluation: ms! - loading! };
}

export interface SiteFigures {
    small: Record<"ms" | "resources" | "evaluation", Figures>;
    large: Record<"ms" | "resources" | "evaluation", Figures>;
}

export async function measureSite(runs: number, warmups: number): Promise<SiteFigures> {
    const project = siteProject();
    try {
        return await alternateMeasures({ small: () => record(project.dir, "small"), large: () => record(project.dir, "large") }, runs, warmups);
    } finally {
        project.remove();
    }
}

export function siteLines(figures: SiteFigures): string[] {
    const { small, large } = figures;
    const added = large.resources.median - small.resources.median;
    const perResource = (large.ms.median - small.ms.median) / added;
    return [
        `site stack (${small.resources.median} Azure resources, 2 protected VMs): ${show(small.ms)} with loading the modules, ${show(small.evaluation)} evaluating the program`,
        `50 clouds, 500 VMs, 2,000 disks (${large.resources.median} Azure resources): ${show(large.ms)} with loading the modules, ${show(large.evaluation)} evaluating the program (goal < ${GOAL_MS} ms: ${large.evaluation.median < GOAL_MS ? "met" : "MISSED"}); ${perResource.toFixed(2)} ms per added resource`,
    ];
}

if (require.main === module) {
    const { runs, warmups } = runCounts({ runs: 5 });
    console.log(`Program evaluation of a large site, ${runs} runs after ${warmups} warm-up, alternating:`);
    void measureSite(runs, warmups).then((figures) => siteLines(figures).forEach((line) => console.log(`  ${line}`)));
}
