import { describe, expect, it } from "vitest";
import { ourSiteViolations } from "./support/our-site";

describe("our phase-1 and phase-2 components under the whole pack", () => {
    it.each([
        ["a preview, managed-disk replicas", true, {}],
        ["an update, managed-disk replicas", false, {}],
        ["a preview, premium storage-account replicas", true, { storage: { performance: "Premium" as const } }],
        ["an update, premium storage-account replicas", false, { storage: { performance: "Premium" as const } }],
    ])("violate nothing in %s", async (_, preview, choices) => {
        expect(await ourSiteViolations(choices, preview)).toEqual([]);
    });
});
