/** An IPv4 range: first address as an unsigned 32-bit number, and its prefix length. */
export interface Ipv4Range {
    readonly text: string;
    readonly first: number;
    readonly last: number;
    readonly prefix: number;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses "10.0.0.0/16"; returns an error message for anything Azure would reject, host bits included. */
export function parseCidr(text: string): Ipv4Range | string {
    const match = CIDR.exec(text.trim());
    if (match === null) {
        return `"${text}" is not an IPv4 CIDR block like 10.0.0.0/16`;
    }
    const [a, b, c, d, p] = match.slice(1).map(Number) as [number, number, number, number, number];
    if ([a, b, c, d].some((octet) => octet > 255) || p > 32) {
        return `"${text}" is not an IPv4 CIDR block like 10.0.0.0/16`;
    }
    const address = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
    const size = 2 ** (32 - p);
    const first = Math.floor(address / size) * size;
    if (first !== address) {
        return `"${text}" has host bits set; the block starts at ${formatIpv4(first)}/${p}`;
    }
    return { text: text.trim(), first, last: first + size - 1, prefix: p };
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

/** Every pair of overlapping blocks among `ranges`, as "x overlaps y". */
export function overlapsWithin(ranges: readonly Ipv4Range[]): string[] {
    const found: string[] = [];
    ranges.forEach((a, i) => {
        ranges.slice(i + 1).forEach((b) => {
            if (rangesOverlap(a, b)) {
                found.push(`${a.text} overlaps ${b.text}`);
            }
        });
    });
    return found;
}
