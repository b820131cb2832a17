import { specialResourceSig, specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { describe, expect, it } from "vitest";
import { hasUnknown, presentable } from "../../engine/values";

describe("presentable", () => {
    it("makes Pulumi's wire markers readable", () => {
        const secret = { [specialSigKey]: specialSecretSig, value: "hunter2" };
        const reference = { [specialSigKey]: specialResourceSig, urn: "urn:pulumi:dev::p::t::n" };
        expect(presentable({ id: unknownValue, password: secret, parent: reference, list: [1, "a"] })).toEqual({
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
