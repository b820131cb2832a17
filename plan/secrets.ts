import { SECRET_TEXT } from "../engine/values";
import { isRecord } from "../policies/rules/records";

// Secret config can't be decrypted offline, so the program runs with a placeholder in its
// place; what it derives from the placeholder (a name hashed from a secret seed, say) must
// not be shown as if it were the real value. The program runs a second time with another
// placeholder: whatever differs between the two runs derives from a secret.

/** The config with every secret's placeholder replaced by another one. */
export function otherPlaceholders(config: Readonly<Record<string, string>>, secretKeys: readonly string[]): Record<string, string> {
    return Object.fromEntries(Object.entries(config).map(([key, value]) => [key, secretKeys.includes(key) ? value.replaceAll(SECRET_TEXT, "[secret, again]") : value]));
}

/** `value` with every part that differs in `other` shown as a secret. */
export function maskDerived(value: unknown, other: unknown): unknown {
    if (Array.isArray(value) && Array.isArray(other) && value.length === other.length) {
        return value.map((item, index) => maskDerived(item, other[index]));
    }
    if (isRecord(value) && isRecord(other)) {
        return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskDerived(inner, other[key])]));
    }
    return JSON.stringify(value) === JSON.stringify(other) ? value : SECRET_TEXT;
}

/** Forgets the program's own modules, so it can run again; packages stay loaded. */
export function forgetProgram(projectDir: string): void {
    for (const file of Object.keys(require.cache)) {
        if (file.startsWith(projectDir) && !file.includes("/node_modules/") && !file.startsWith(__dirname)) {
            delete require.cache[file];
        }
    }
}
