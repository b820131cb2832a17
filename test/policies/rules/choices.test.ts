import { describe, expect, it } from "vitest";
import { STANDARD_REDUNDANCIES, oneOf } from "../../../policies/rules";

describe("oneOf", () => {
    it("names the value, what is allowed and the fact that says so", () => {
        expect(oneOf("GRS", STANDARD_REDUNDANCIES, "A3")).toBeUndefined();
        expect(oneOf("ZRS", STANDARD_REDUNDANCIES, "A3")).toMatch(/^"ZRS" is not allowed; allowed: GRS, RAGRS, LRS \(A3: /);
        expect(oneOf(42, ["Enabled", "Disabled"])).toBe("42 is not allowed; allowed: Enabled, Disabled");
    });
});
