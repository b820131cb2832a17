import { describe, expect, it } from "vitest";
import { protectionAfterMapping } from "../../../policies/rules/protection-order";

describe("protectionAfterMapping", () => {
    it("takes an item that waits for a mapping of its policy to its cloud, or one that may be", () => {
        expect(protectionAfterMapping([{ name: "gold", samePolicy: true, awaited: true }])).toBeUndefined();
        expect(protectionAfterMapping([{ name: "silver", samePolicy: false, awaited: false }, { name: "gold", samePolicy: undefined, awaited: true }])).toBeUndefined();
    });

    it("judges nothing for a cloud with no known mapping: it may be mapped elsewhere", () => {
        expect(protectionAfterMapping([])).toBeUndefined();
    });

    it("refuses an item whose policy its cloud's mappings don't map, and one that waits for none of those that may", () => {
        expect(protectionAfterMapping([{ name: "silver", samePolicy: false, awaited: true }])).toMatch(/^its replication policy is not mapped to its cloud: the cloud's mappings \(silver\) map other policies/);
        expect(protectionAfterMapping([{ name: "silver", samePolicy: false, awaited: true }, { name: "gold", samePolicy: true, awaited: false }])).toMatch(/^it does not depend on its cloud's mapping gold, /);
    });
});
