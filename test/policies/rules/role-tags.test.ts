import { describe, expect, it } from "vitest";
import { tagNamesVault } from "../../../policies/rules";

describe("tagNamesVault", () => {
    it.each<[string | undefined, boolean]>([
        ["rsv-dr", true],
        ["RSV-DR", true],
        ["rg-dr/rsv-dr", true],
        ["rg-other/rsv-dr", false],
        ["rsv-other", false],
        [undefined, false],
    ])("a tag %s names the vault rsv-dr in rg-dr: %s", (tag, names) => {
        expect(tagNamesVault(tag, "rsv-dr", "rg-dr")).toBe(names);
    });
});
