// `npm run bench`: every benchmark under bench/, one after the other, printed as the tables
// of docs/benchmarks.md. Each script also runs alone (see its first lines).
// Usage: npm run bench [-- --runs 5 --sizes 100,1000,10000 --only protocol,in-process,program,site,pack,plan]
import { cpus, totalmem } from "node:os";
import { inProcessLines, measureInProcess } from "./analyze-in-process";
import { runCounts } from "./measure";
import { measureStartup, startupLines } from "./pack-startup";
import { measurePlanStartup, planStartupLines } from "./plan-startup";
import { measureProtocol, protocolLines } from "./policies-protocol";
import { measurePrograms, programLines } from "./program-evaluation";
import { measureSite, siteLines } from "./site-evaluation";

const PARTS = ["protocol", "in-process", "program", "site", "pack", "plan"] as const;

async function main(): Promise<void> {
    const { runs, warmups, args } = runCounts({ runs: 5 });
    const sizes = (args.sizes ?? "100,1000,10000").split(",").map(Number);
    const only = new Set((args.only ?? PARTS.join(",")).split(","));
    const print = (title: string, lines: string[]) => console.log([`\n## ${title}`, ...lines.map((line) => `- ${line}`)].join("\n"));
    console.log(`# npm run bench: ${new Date().toISOString().slice(0, 10)}`);
    console.log(`${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}; ${runs} counted runs after ${warmups} warm-up, compared commands alternating; median (min-max)`);
    if (only.has("protocol")) {
        print("AnalyzeStack over the Analyzer protocol (ours vs a trivial JavaScript pack)", protocolLines(await measureProtocol(sizes, runs, warmups)));
    }
    if (only.has("in-process")) {
        print("The plan's in-process policy pass", inProcessLines(await measureInProcess(sizes, runs, warmups)));
    }
    if (only.has("program")) {
        print("Program evaluation", programLines(await measurePrograms([801], runs, warmups)));
    }
    if (only.has("site")) {
        print("Program evaluation of a large DR site (50 clouds, 500 VMs, 2,000 disks)", siteLines(await measureSite(runs, warmups)));
    }
    if (only.has("pack")) {
        print("Policy pack start-up", startupLines(await measureStartup(Math.max(runs, 31), warmups)));
    }
    if (only.has("plan")) {
        print("Plan start-up", planStartupLines(await measurePlanStartup("dev", Math.max(runs, 10), Math.max(warmups, 2)), "dev"));
    }
}

void main();
