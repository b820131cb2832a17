import { describe, expect, it } from "vitest";
import { definePolicy } from "../../../policies/lib/define";
import { policies } from "../../../policies/pack";
import { FACTS } from "../../../policies/rules/facts";

describe("definePolicy", () => {
    const declared = definePolicy(["A1", "A2"], {
        name: "example",
        summary: "Vault, storage and network share a region.",
        enforcementLevel: "mandatory",
        validateStack: () => undefined,
    });

    it("makes the description from the summary and each fact with its source", () => {
        expect(declared.description).toBe(
            `Vault, storage and network share a region. A1: ${FACTS.A1.text} (source: ${FACTS.A1.source}). A2: ${FACTS.A2.text} (source: ${FACTS.A2.source}).`,
        );
        expect(declared).not.toHaveProperty("summary");
    });

    it("keeps the facts as data beside the policy the engine sees", () => {
        expect(declared.facts).toEqual(["A1", "A2"]);
        expect(declared).toMatchObject({ name: "example", enforcementLevel: "mandatory" });
    });

    it("describes a policy that enforces no documented fact by its summary alone", () => {
        const baseline = policies.find((policy) => policy.name === "replication-storage-secure-transport");
        expect(baseline?.facts).toEqual([]);
        expect(baseline?.description).not.toMatch(/\b[ARPV]\d+:/);
    });
});
