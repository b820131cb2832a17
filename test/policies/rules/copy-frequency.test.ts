import { describe, expect, it } from "vitest";
import { copyFrequency } from "../../../policies/rules";

describe("R1: copy frequency", () => {
    it.each([
        [30, true],
        [300, true],
        [900, true],
        [60, false],
        [0, false],
    ])("%i s allowed is %s", (seconds, ok) => expect(copyFrequency(seconds) === undefined).toBe(ok));

    it("honours a narrower list", () => {
        expect(copyFrequency(900, [30, 300])).toMatch(/allowed: 30, 300 seconds/);
    });
});
