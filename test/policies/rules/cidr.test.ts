import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIpv4, parseCidr, rangesOverlap } from "../../../policies/rules";

/** The first address of the /prefix block holding 10.<octet>.0.0. */
function blockStart(octet: number, prefix: number): string {
    const size = 2 ** (32 - prefix);
    return formatIpv4(Math.floor((10 * 2 ** 24 + octet * 2 ** 16) / size) * size);
}

describe("CIDR blocks", () => {
    it("parses blocks and rejects host bits and nonsense", () => {
        expect(parseCidr("10.0.0.0/8")).toMatchObject({ prefix: 8, first: 10 * 2 ** 24 });
        expect(parseCidr("10.0.0.1/8")).toMatch(/host bits/);
        expect(parseCidr("10.0.0.0/33")).toMatch(/not an IPv4 CIDR/);
        expect(parseCidr("256.0.0.0/8")).toMatch(/not an IPv4 CIDR/);
        expect(parseCidr("fd00::/8")).toMatch(/not an IPv4 CIDR/);
    });

    it("finds two blocks overlapping exactly when they share an address", () => {
        fc.assert(
            fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 16, max: 24 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 16, max: 24 }), (a, pa, b, pb) => {
                const x = parseCidr(`${blockStart(a, pa)}/${pa}`);
                const y = parseCidr(`${blockStart(b, pb)}/${pb}`);
                if (typeof x === "string" || typeof y === "string") {
                    throw new Error("generator made a bad block");
                }
                expect(rangesOverlap(x, y)).toBe(x.first <= y.last && y.first <= x.last);
            }),
        );
    });
});
