import { describe, expect, it } from "vitest";
import { hasUnknown, presentable } from "../../plan/values";

describe("presentable", () => {
    it("makes Pulumi's wire markers readable", () => {
        const secret = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "hunter2" };
        const reference = { "4dabf18193072939515e22adb298388d": "5cf8f73096256a8f31e491e813e4eb8e", urn: "urn:pulumi:dev::p::t::n" };
        expect(presentable({ id: "04da6b54-80e4-46f7-96ec-b56ff0331ba9", password: secret, parent: reference, list: [1, "a"] })).toEqual({
            id: "[unknown]",
            password: "[secret]",
            parent: "urn:pulumi:dev::p::t::n",
            list: [1, "a"],
        });
    });

    it("finds unknowns at any depth", () => {
        expect(hasUnknown({ a: [{ b: "[unknown]" }] })).toBe(true);
        expect(hasUnknown({ a: [{ b: "known" }] })).toBe(false);
    });
});
