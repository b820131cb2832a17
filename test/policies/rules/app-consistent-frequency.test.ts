import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appConsistentFrequency } from "../../../policies/rules";

describe("R4: app-consistent snapshot frequency", () => {
    it("is 0 to 12 whole hours and not above the retention", () => {
        fc.assert(
            fc.property(fc.integer({ min: -5, max: 30 }), fc.integer({ min: 0, max: 24 }), (hours, retention) => {
                const ok = hours >= 0 && hours <= 12 && hours <= retention;
                expect(appConsistentFrequency(hours, retention) === undefined).toBe(ok);
            }),
        );
    });
});
