import { quoted } from "./display";

/** An IPv4 range: first address as an unsigned 32-bit number, and its prefix length. */
export interface Ipv4Range {
    readonly text: string;
    readonly first: number;
    readonly last: number;
    readonly prefix: number;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;

/**
 * Parses "10.0.0.0/16", or with `prefix: "optional"` a lone address as a /32; returns an
 * error message for anything Azure would reject, host bits included, and for anything but
 * the canonical form: a block is sent as written, and a leading zero (010.0.0.0/8) is read
 * as octal by some tools and as decimal by others.
 */
export function parseCidr(text: string, prefix: "required" | "optional" = "required"): Ipv4Range | string {
    const like = prefix === "required" ? "an IPv4 CIDR block like 10.0.0.0/16" : "an IPv4 address or CIDR block like 203.0.113.0/24";
    const match = CIDR.exec(text);
    if (match === null || (match[5] === undefined && prefix === "required")) {
        const trimmed = text.trim();
        return trimmed !== text && typeof parseCidr(trimmed, prefix) !== "string"
            ? `${quoted(text)} has spaces around it; write ${trimmed}`
            : `${quoted(text)} is not ${like}`;
    }
    const [a, b, c, d] = match.slice(1, 5).map(Number) as [number, number, number, number];
    const p = match[5] === undefined ? 32 : Number(match[5]);
    if ([a, b, c, d].some((octet) => octet > 255) || p > 32) {
        return `${quoted(text)} is not ${like}`;
    }
    const address = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
    const canonical = match[5] === undefined ? formatIpv4(address) : `${formatIpv4(address)}/${p}`;
    if (canonical !== text) {
        return `${quoted(text)} has leading zeros, which tools read differently; write ${canonical}`;
    }
    const size = 2 ** (32 - p);
    const first = Math.floor(address / size) * size;
    if (first !== address) {
        return `${quoted(text)} has host bits set; the block starts at ${formatIpv4(first)}/${p}`;
    }
    return { text, first, last: first + size - 1, prefix: p };
}

export function formatIpv4(value: number): string {
    return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join(".");
}

export function rangeContains(outer: Ipv4Range, inner: Ipv4Range): boolean {
    return outer.first <= inner.first && inner.last <= outer.last;
}

export function rangesOverlap(a: Ipv4Range, b: Ipv4Range): boolean {
    return a.first <= b.last && b.first <= a.last;
}

/** A block that overlaps another one listed with it, by their indexes in the list. */
export interface Overlap {
    index: number;
    overlaps: number;
}

/**
 * The blocks in `ranges` (undefined for one that didn't parse) that overlap another, each
 * once, paired with one it overlaps: at most one finding per block however many blocks
 * are alike, in O(n log n).
 */
export function overlapsWithin(ranges: readonly (Ipv4Range | undefined)[]): Overlap[] {
    const order = ranges
        .map((range, index) => ({ range, index }))
        .filter((entry): entry is { range: Ipv4Range; index: number } => entry.range !== undefined)
        .sort((x, y) => x.range.first - y.range.first || y.range.last - x.range.last || x.index - y.index);
    const found: Overlap[] = [];
    let reach: { range: Ipv4Range; index: number } | undefined;
    for (const entry of order) {
        // Sorted by start, a block overlaps an earlier one exactly when it starts before the
        // furthest end seen so far.
        if (reach !== undefined && entry.range.first <= reach.range.last) {
            found.push({ index: entry.index, overlaps: reach.index });
        }
        if (reach === undefined || entry.range.last > reach.range.last) {
            reach = entry;
        }
    }
    return found.sort((x, y) => x.index - y.index);
}
