import { Secret, unknownCheckingProxy } from "@pulumi/policy";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { describe, expect, it } from "vitest";
import { known, peek, peekKnown, peekString, peekStrings, revealed, UNKNOWN } from "../../../policies/lib/known";

// Props as a stack policy gets them: behind the engine's unknown-checking proxy, an id not known yet.
const props = unknownCheckingProxy({ id: unknownValue, name: "rsv-dr", properties: { storageAccounts: ["/a", unknownValue] }, tags: {} });

describe("peek reads props as the proxy does, without an exception per unknown value", () => {
    it("gives what the proxy gives for a known value, UNKNOWN where it would throw, undefined for what is absent", () => {
        expect(peek(props, "name")).toBe(known(() => props.name));
        expect(peek(props, "properties", "storageAccounts", 0)).toBe("/a");
        expect(peek(props, "id")).toBe(UNKNOWN);
        expect(() => props.id).toThrow();
        expect(peek(props, "properties", "storageAccounts", 1)).toBe(UNKNOWN);
        expect(peek(props, "id", "length")).toBe(UNKNOWN);
        expect(peek(props, "tags", "asr-hyperv:role")).toBeUndefined();
    });

    it("reads text only as text", () => {
        expect(peekString(props, "name")).toBe("rsv-dr");
        expect(peekString(props, "id")).toBeUndefined();
        expect(peekString(props, "properties")).toBeUndefined();
    });

    it("reads a value not known yet as undefined, as `known` of the same read gives it", () => {
        expect(peekKnown(props, "id")).toBe(known(() => props.id));
        expect(peekKnown(props, "name")).toBe("rsv-dr");
    });

    it("reads the known strings of a list, leaving out what is not known yet", () => {
        expect(peekStrings(props, "properties", "storageAccounts")).toEqual(["/a"]);
        expect(peekStrings(props, "id")).toEqual([]);
        expect(peekStrings(props, "name")).toEqual([]);
    });

    it("reads a secret as its value, as the proxy shows it to a policy", () => {
        expect(peek({ tags: new Secret({ owner: "dr" }) }, "tags", "owner")).toBe("dr");
    });
});

describe("revealed", () => {
    it("is the value itself when it holds no secret", () => {
        const value = { tags: { owner: "dr" }, list: [1, 2] };
        expect(revealed(value)).toBe(value);
    });

    it("copies what holds a secret, with the secret's value, and keeps a key named __proto__ a key", () => {
        const value = JSON.parse('{"tags": {"__proto__": "x"}}') as Record<string, unknown>;
        (value.tags as Record<string, unknown>).owner = new Secret("dr");
        const shown = revealed(value) as { tags: Record<string, unknown> };
        expect(shown).not.toBe(value);
        expect(Object.keys(shown.tags)).toEqual(["__proto__", "owner"]);
        expect(shown.tags.owner).toBe("dr");
        expect((value.tags as Record<string, unknown>).owner).toBeInstanceOf(Secret);
    });
});
