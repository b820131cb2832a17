// What every benchmark script shares: counted runs after warm-ups, the compared variants
// alternating within each round so that all of them see the same machine, and the figures
// as median with min and max. A ratio against a baseline is judged round by round: the two
// runs of a round are seconds apart, where the runs of different rounds can be minutes
// apart on a shared machine whose load drifts.
import { parseArgs } from "node:util";

export interface Figures {
    median: number;
    min: number;
    max: number;
    samples: number[];
}

export function figures(samples: readonly number[]): Figures {
    const sorted = [...samples].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
    return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, samples: [...samples] };
}

/** `--runs N` (at least 5 counted runs) and `--warmups N` from the command line, with the script's defaults. */
export function runCounts(defaults: { runs: number; warmups?: number }): { runs: number; warmups: number; args: Record<string, string | undefined> } {
    const { values } = parseArgs({ options: { runs: { type: "string" }, warmups: { type: "string" }, sizes: { type: "string" }, stack: { type: "string" }, only: { type: "string" } }, strict: false });
    const runs = Math.max(5, Number(values.runs ?? defaults.runs));
    const warmups = Number(values.warmups ?? defaults.warmups ?? 1);
    return { runs, warmups, args: values as Record<string, string | undefined> };
}

/** The order of the variants in a round: reversed every other round, so that neither always runs first. */
export function roundOrder<K>(keys: readonly K[], round: number): K[] {
    return Math.abs(round) % 2 === 0 ? [...keys] : [...keys].reverse();
}

/**
 * Runs every variant once per round, `warmups` rounds uncounted then `runs` counted, and
 * returns the figures of each measure each variant returns (ms, MB, ...). The samples of
 * every variant are in round order, so that `samples[i]` of two variants are one round's.
 */
export async function alternateMeasures<K extends string, M extends string>(
    variants: Record<K, () => Promise<Record<M, number>> | Record<M, number>>,
    runs: number,
    warmups: number,
): Promise<Record<K, Record<M, Figures>>> {
    const samples = new Map<K, Map<M, number[]>>();
    for (let round = -warmups; round < runs; round++) {
        for (const key of roundOrder(Object.keys(variants) as K[], round)) {
            const measured = await variants[key]();
            if (round < 0) {
                continue;
            }
            const of = samples.get(key) ?? new Map<M, number[]>();
            samples.set(key, of);
            for (const [measure, value] of Object.entries(measured) as [M, number][]) {
                of.set(measure, [...(of.get(measure) ?? []), value]);
            }
        }
    }
    return Object.fromEntries(
        [...samples].map(([key, of]) => [key, Object.fromEntries([...of].map(([measure, list]) => [measure, figures(list)]))]),
    ) as Record<K, Record<M, Figures>>;
}

/** `alternateMeasures` for variants that each measure one figure. */
export async function alternate<K extends string>(variants: Record<K, () => Promise<number> | number>, runs: number, warmups: number): Promise<Record<K, Figures>> {
    const wrapped = Object.fromEntries(Object.entries(variants).map(([key, run]) => [key, async () => ({ value: await (run as () => Promise<number> | number)() })]));
    const measured = await alternateMeasures(wrapped as Record<K, () => Promise<Record<"value", number>>>, runs, warmups);
    return Object.fromEntries(Object.entries(measured).map(([key, value]) => [key, (value as Record<"value", Figures>).value])) as Record<K, Figures>;
}

/** `median (min-max) unit`, rounded for reading. */
export function show(value: Figures, unit = "ms", digits = 0): string {
    const f = (n: number) => n.toFixed(digits);
    return `${f(value.median)}${unit === "" ? "" : ` ${unit}`} (${f(value.min)}-${f(value.max)})`;
}

/** Each round's ratio of `value` to `base`, as figures: their median is the ratio judged against a goal. */
export function pairedRatio(value: Figures, base: Figures): Figures {
    if (value.samples.length !== base.samples.length) {
        throw new Error(`paired figures need as many samples: ${value.samples.length} and ${base.samples.length}`);
    }
    return figures(value.samples.map((sample, round) => sample / base.samples[round]!));
}

/** The median of the rounds' ratios against a goal, with their range and, for comparison, the ratio of the medians. */
export function ratio(value: Figures, base: Figures, goal: number): string {
    const paired = pairedRatio(value, base);
    const verdict = paired.median <= goal ? "met" : "MISSED";
    return `${paired.median.toFixed(2)}x (rounds ${paired.min.toFixed(2)}-${paired.max.toFixed(2)}, medians ${(value.median / base.median).toFixed(2)}x; goal <= ${goal}x: ${verdict})`;
}
