import { describe, expect, it } from "vitest";
import { alternate, figures, pairedRatio, ratio } from "../../bench/measure";

describe("alternate", () => {
    it("reverses the order of the variants every other round, warm-ups included", async () => {
        const calls: string[] = [];
        await alternate({ ours: () => (calls.push("ours"), 1), trivial: () => (calls.push("trivial"), 1) }, 5, 1);
        expect(calls).toEqual(["trivial", "ours", "ours", "trivial", "trivial", "ours", "ours", "trivial", "trivial", "ours", "ours", "trivial"]);
    });

    it("keeps each variant's samples in round order, so that one index is one round's two runs", async () => {
        let run = 0;
        const measured = await alternate({ ours: () => ++run, trivial: () => ++run }, 5, 1);
        expect(measured.ours.samples).toEqual([3, 6, 7, 10, 11]);
        expect(measured.trivial.samples).toEqual([4, 5, 8, 9, 12]);
        expect(measured.ours.samples.map((sample, round) => Math.abs(sample - measured.trivial.samples[round]!))).toEqual([1, 1, 1, 1, 1]);
    });
});

describe("pairedRatio", () => {
    // Rounds 2 and 4 ran under load that doubled both runs: each round's ratio stays what it was.
    const ours = figures([100, 200, 104, 208, 150]);
    const trivial = figures([100, 190, 100, 200, 140]);

    it("takes each round's ratio, so that load shared by a round's two runs cancels", () => {
        const paired = pairedRatio(ours, trivial);
        expect(paired.samples.map((value) => value.toFixed(3))).toEqual(["1.000", "1.053", "1.040", "1.040", "1.071"]);
        expect(paired.median).toBeCloseTo(1.04, 6);
        expect(paired.min).toBe(1);
        expect(paired.max).toBeCloseTo(150 / 140, 6);
    });

    it("prints the verdict on the rounds' median, their range and the medians' ratio", () => {
        expect(ratio(ours, trivial, 1.05)).toBe("1.04x (rounds 1.00-1.07, medians 1.07x; goal <= 1.05x: met)");
        expect(ratio(ours, trivial, 1.0)).toContain("goal <= 1x: MISSED");
    });

    it("refuses figures of different numbers of rounds", () => {
        expect(() => pairedRatio(figures([1, 2, 3, 4, 5]), figures([1, 2, 3, 4]))).toThrow("as many samples: 5 and 4");
    });
});
