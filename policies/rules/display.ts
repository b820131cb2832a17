/**
 * How messages repeat what they were given: enough to recognise it, never all of a huge
 * value (a 100,000-character name, a thousand firewall rules), and with characters one
 * can't see written out, so a zero-width space in a name is visible as \u200b.
 */
const MAX_CHARACTERS = 80;
const MAX_ITEMS = 5;

// Control, format (zero-width, bidi), unassigned and private-use characters, and every
// separator but the plain space: none shows up as itself in a terminal.
const INVISIBLE = /[\p{C}\p{Z}]/u;

function escapeCharacter(character: string): string {
    if (character === '"' || character === "\\") {
        return `\\${character}`;
    }
    if (character === " " || !INVISIBLE.test(character)) {
        return character;
    }
    const code = character.codePointAt(0)!;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** `text` in double quotes, invisible characters escaped, cut after 80 characters saying how many more. */
export function quoted(text: string): string {
    const characters = Array.from(text);
    const kept = characters.slice(0, MAX_CHARACTERS).map(escapeCharacter).join("");
    const more = characters.length - MAX_CHARACTERS;
    return more > 0 ? `"${kept}…" (${more} more characters)` : `"${kept}"`;
}

function count(n: number, noun: string): string {
    return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function joined(first: readonly string[], total: number): string {
    return total > first.length ? `${first.join(", ")} and ${total - first.length} more` : first.join(", ");
}

/** The first few items joined with ", ", then how many more there are. */
export function listed(items: readonly string[], max = MAX_ITEMS): string {
    return joined(items.slice(0, max), items.length);
}

/** Any decoded config value as a message repeats it: text quoted, lists and objects cut short. */
export function shown(value: unknown, depth = 0): string {
    if (typeof value === "string") {
        return quoted(value);
    }
    if (Array.isArray(value)) {
        return depth > 1 && value.length > 0
            ? `[… ${count(value.length, "item")}]`
            : `[${joined(value.slice(0, MAX_ITEMS).map((item: unknown) => shown(item, depth + 1)), value.length)}]`;
    }
    if (value !== null && typeof value === "object") {
        const entries = Object.entries(value);
        return depth > 1 && entries.length > 0
            ? `{… ${count(entries.length, "key")}}`
            : `{${joined(entries.slice(0, MAX_ITEMS).map(([key, item]) => `${quoted(key)}: ${shown(item, depth + 1)}`), entries.length)}}`;
    }
    return String(value);
}
