import { describe, expect, it } from "vitest";
import { listed, quoted, shown } from "../../../policies/rules";

describe("quoted", () => {
    it("quotes text as JSON would, invisible characters escaped", () => {
        expect(quoted('say "hi"')).toBe('"say \\"hi\\""');
        expect(quoted("a\u200bb\u00a0c\td e")).toBe('"a\\u200bb\\u00a0c\\u0009d e"');
        expect(quoted("rtl\u202eeman")).toBe('"rtl\\u202eeman"');
    });

    it("cuts long text and says how many characters more", () => {
        expect(quoted("x".repeat(100_000))).toBe(`"${"x".repeat(80)}…" (99920 more characters)`);
        expect(quoted("é".repeat(80))).toBe(`"${"é".repeat(80)}"`);
    });
});

describe("listed and shown", () => {
    it("list the first few and count the rest", () => {
        expect(listed(["a", "b"])).toBe("a, b");
        expect(listed(Array.from({ length: 1000 }, (_, i) => String(i)))).toBe("0, 1, 2, 3, 4 and 995 more");
        expect(shown(Array.from({ length: 1000 }, () => "10.0.0.0/8"))).toMatch(/^\["10\.0\.0\.0\/8", .* and 995 more\]$/);
        expect(shown({ a: [1, { b: [2, 3] }], c: null })).toBe('{"a": [1, {… 1 key}], "c": null}');
        expect(shown(true)).toBe("true");
    });
});
