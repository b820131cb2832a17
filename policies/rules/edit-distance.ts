/** How many one-letter insertions, deletions or substitutions turn `a` into `b`, ignoring case. */
export function editDistance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0]!;
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = row[j]!;
            row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
            diagonal = above;
        }
    }
    return row[b.length]!;
}

/** The candidate closest to `word` (the first of equals), if it is at most `maxDistance` edits away: what a "did you mean" offers. */
export function closestMatch(word: string, candidates: Iterable<string>, maxDistance: number): string | undefined {
    let best: { candidate: string; distance: number } | undefined;
    for (const candidate of candidates) {
        const distance = editDistance(word, candidate);
        if (distance <= maxDistance && (best === undefined || distance < best.distance)) {
            best = { candidate, distance };
        }
    }
    return best?.candidate;
}
