// Prints how long checkReadiness takes for the large inventory of the tests (2 VMM servers,
// 50 clouds, 100 hosts, 500 VMs, 2,000 disks), after warm-up runs, with the time to read the
// inventory through its schema beside it. A script, not a test: no timing is asserted anywhere.
import { parseArgs } from "node:util";
import { checkReadiness } from "../readiness/check";
import { inventorySchema } from "../readiness/inventory";
import { largeInventory } from "../test/readiness/examples";

const { values } = parseArgs({ options: { runs: { type: "string", default: "15" }, warmup: { type: "string", default: "3" } } });
const runs = Math.max(5, Number(values.runs));
const warmup = Number(values.warmup);

const inventory = largeInventory();
const input: unknown = JSON.parse(JSON.stringify(inventory));

function timed(work: () => unknown): number[] {
    const samples: number[] = [];
    for (let round = -warmup; round < runs; round++) {
        const start = process.hrtime.bigint();
        work();
        const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
        if (round >= 0) {
            samples.push(elapsed);
        }
    }
    return samples.sort((a, b) => a - b);
}

function median(sorted: number[]): number {
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const findings = checkReadiness(inventory, { region: "westeurope" });
const vms = inventory.vmmServers.flatMap((s) => s.vms);
console.log(`inventory: ${inventory.vmmServers.reduce((n, s) => n + s.clouds.length, 0)} clouds, ${vms.length} VMs, ${vms.flatMap((v) => v.disks).length} disks; ${findings.length} findings`);
for (const [label, work] of [
    ["checkReadiness", () => checkReadiness(inventory, { region: "westeurope" })],
    ["inventorySchema.parse", () => inventorySchema.parse(input)],
] as const) {
    const samples = timed(work);
    const ms = (value: number) => `${value.toFixed(2)} ms`;
    console.log(`${label.padEnd(22)} median ${ms(median(samples))}, min ${ms(samples[0]!)}, max ${ms(samples.at(-1)!)} (${runs} runs after ${warmup} warm-up)`);
}
