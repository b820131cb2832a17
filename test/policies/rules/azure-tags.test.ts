import { describe, expect, it } from "vitest";
import { MAX_TAGS, azureTags } from "../../../policies/rules";

describe("azureTags", () => {
    it("takes what Azure takes", () => {
        expect(azureTags({ costCenter: "dr", "asr-hyperv:owner": "team a", empty: "" })).toEqual([]);
        expect(azureTags(new Map([["n".repeat(512), "v".repeat(256)]]))).toEqual([]);
    });

    it("finds each tag Azure refuses, by name", () => {
        const problems = azureTags({ "": "x", "a?b": "y", ["n".repeat(513)]: "z", v: "x".repeat(257) });
        expect(problems.map((problem) => problem.tag)).toEqual(["", "a?b", "n".repeat(513), "v"]);
        expect(problems.map((problem) => problem.message)).toEqual([
            "a tag name is empty; Azure needs 1 or more characters",
            'tag name "a?b" holds "?"; Azure tag names can\'t hold < > % & \\ ? /',
            expect.stringMatching(/^tag name "n{80}…" \(433 more characters\) has 513 characters; Azure allows 512$/),
            'tag "v" has a value of 257 characters; Azure allows 256',
        ]);
    });

    it("holds storage account tag names to 128 characters", () => {
        const tags = { ["n".repeat(129)]: "v" };
        expect(azureTags(tags)).toEqual([]);
        expect(azureTags(tags, { storageAccount: true })[0]?.message).toMatch(/has 129 characters; Azure allows 128 on a storage account$/);
    });

    it("counts the tags the caller adds, and refuses their names", () => {
        const tags = Object.fromEntries(Array.from({ length: MAX_TAGS - 1 }, (_, i) => [`t${i}`, "v"]));
        expect(azureTags(tags)).toEqual([]);
        expect(azureTags(tags, { added: ["role", "vault"] })).toEqual([
            { tag: undefined, message: "49 tags with the 2 this project adds is more than Azure's 50 per resource" },
        ]);
        expect(azureTags({ ROLE: "x" }, { added: ["role"] })[0]?.message).toBe('tag name "ROLE" is the tag role this project sets itself (names ignore case)');
    });

    it("refuses two names that differ only in case, which Azure would make one", () => {
        expect(azureTags({ Env: "a", env: "b" })).toEqual([{ tag: "env", message: 'tag name "env" is "Env" too: Azure tag names ignore case' }]);
    });
});
