import { describe, expect, it } from "vitest";
import { tagsSchema } from "../../config/tags";

describe("tagsSchema", () => {
    it("reads tag names and values from the map's own keys", () => {
        expect(tagsSchema.parse(JSON.parse('{"costCenter":"dr","valueOf2":"x"}'))).toEqual({ costCenter: "dr", valueOf2: "x" });
    });

    it("refuses names every JavaScript object has, which the Pulumi SDK would lose or trip over", () => {
        const result = tagsSchema.safeParse(JSON.parse('{"__proto__":"a","toString":"b","hasOwnProperty":"c"}'));
        expect(result.success).toBe(false);
        expect(result.error?.issues.map((issue) => issue.path)).toEqual([["__proto__"], ["toString"], ["hasOwnProperty"]]);
    });

    it("refuses what is not a map of text, and what Azure refuses", () => {
        expect(tagsSchema.safeParse(["a"]).error?.issues[0]?.message).toBe('["a"] is not a map of tag names to text values, e.g. { costCenter: dr }');
        expect(tagsSchema.safeParse({ n: 1 }).error?.issues[0]).toMatchObject({ path: ["n"], message: "1 is not text; tag values are text (quote numbers and true/false)" });
        expect(tagsSchema.safeParse({ "a&b": "x" }).error?.issues[0]).toMatchObject({ path: ["a&b"], message: expect.stringMatching(/holds "&"/) });
    });
});
