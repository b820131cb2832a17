import { describe, expect, it } from "vitest";
import { closestMatch, editDistance } from "../../../policies/rules/edit-distance";

describe("editDistance", () => {
    it.each([
        ["westeurope", "westeurope", 0],
        ["westeurop", "westeurope", 1],
        ["WestEurope", "westeurope", 0],
        ["uksouht", "uksouth", 2],
        ["", "lock", 4],
    ])("%j to %j: %i", (a, b, expected) => expect(editDistance(a, b)).toBe(expected));
});

describe("closestMatch", () => {
    it("offers the nearest candidate within reach, the first of equals", () => {
        expect(closestMatch("lok", ["name", "lock", "look"], 3)).toBe("lock");
        expect(closestMatch("westus4", ["westus2", "westus3"], 2)).toBe("westus2");
    });

    it("offers nothing beyond reach", () => {
        expect(closestMatch("atlantis", ["westeurope", "uksouth"], 2)).toBeUndefined();
    });
});
