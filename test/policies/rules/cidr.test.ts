import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIpv4, overlapsWithin, parseCidr, rangesOverlap, type Ipv4Range } from "../../../policies/rules";

/** The first address of the /prefix block holding 10.<octet>.0.0. */
function blockStart(octet: number, prefix: number): string {
    const size = 2 ** (32 - prefix);
    return formatIpv4(Math.floor((10 * 2 ** 24 + octet * 2 ** 16) / size) * size);
}

function range(text: string): Ipv4Range {
    const parsed = parseCidr(text);
    if (typeof parsed === "string") {
        throw new Error(parsed);
    }
    return parsed;
}

describe("CIDR blocks", () => {
    it("parses blocks and rejects host bits and nonsense", () => {
        expect(parseCidr("10.0.0.0/8")).toMatchObject({ prefix: 8, first: 10 * 2 ** 24 });
        expect(parseCidr("10.0.0.1/8")).toMatch(/host bits/);
        expect(parseCidr("10.0.0.0/33")).toMatch(/not an IPv4 CIDR/);
        expect(parseCidr("256.0.0.0/8")).toMatch(/not an IPv4 CIDR/);
        expect(parseCidr("fd00::/8")).toMatch(/not an IPv4 CIDR/);
        expect(parseCidr("10.0.0.0")).toMatch(/not an IPv4 CIDR/);
    });

    it("takes only the canonical form, and says what it is", () => {
        expect(parseCidr("010.0.0.0/8")).toBe('"010.0.0.0/8" has leading zeros, which tools read differently; write 10.0.0.0/8');
        expect(parseCidr("10.0.0.0/08")).toMatch(/leading zeros.*write 10\.0\.0\.0\/8$/);
        expect(parseCidr(" 10.0.0.0/8\t")).toBe('" 10.0.0.0/8\\u0009" has spaces around it; write 10.0.0.0/8');
        expect(parseCidr("１0.0.0.0/8")).toMatch(/not an IPv4 CIDR/);
    });

    it("takes a lone address as a /32 where asked to", () => {
        expect(parseCidr("203.0.113.7", "optional")).toMatchObject({ prefix: 32, text: "203.0.113.7" });
        expect(parseCidr("203.0.113.07", "optional")).toMatch(/write 203\.0\.113\.7$/);
    });

    it("finds two blocks overlapping exactly when they share an address", () => {
        fc.assert(
            fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 16, max: 24 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 16, max: 24 }), (a, pa, b, pb) => {
                const x = range(`${blockStart(a, pa)}/${pa}`);
                const y = range(`${blockStart(b, pb)}/${pb}`);
                expect(rangesOverlap(x, y)).toBe(x.first <= y.last && y.first <= x.last);
                expect(overlapsWithin([x, y]).length > 0).toBe(rangesOverlap(x, y));
            }),
        );
    });

    it("finds every block that overlaps another, once, in any list", () => {
        fc.assert(
            fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 12, max: 16 })), { maxLength: 30 }), (blocks) => {
                const ranges = blocks.map(([octet, prefix]) => range(`${blockStart(octet, prefix)}/${prefix}`));
                const found = overlapsWithin(ranges);
                const overlapping = ranges.map((x, i) => ranges.some((y, j) => i !== j && rangesOverlap(x, y)));
                expect(new Set(found.map((overlap) => overlap.index)).size).toBe(found.length);
                for (const { index, overlaps } of found) {
                    expect(rangesOverlap(ranges[index]!, ranges[overlaps]!)).toBe(true);
                }
                // Of each group of blocks that overlap, all but one are reported.
                expect(found.length).toBeLessThanOrEqual(overlapping.filter(Boolean).length);
                expect(found.length > 0).toBe(overlapping.some(Boolean));
            }),
        );
    });

    it("handles a thousand alike blocks in one pass", () => {
        const ranges = Array.from({ length: 1000 }, () => range("10.0.0.0/16"));
        expect(overlapsWithin(ranges)).toHaveLength(999);
    });
});
