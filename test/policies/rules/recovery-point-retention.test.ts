import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { recoveryPointRetention } from "../../../policies/rules";

describe("R3: recovery point retention", () => {
    it("is a whole number of hours from 0 to 24", () => {
        fc.assert(
            fc.property(fc.integer({ min: -5, max: 30 }), (hours) => {
                expect(recoveryPointRetention(hours) === undefined).toBe(hours >= 0 && hours <= 24);
            }),
        );
        expect(recoveryPointRetention(1.5)).toMatch(/R3/);
    });
});
