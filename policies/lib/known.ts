import { UnknownValueError } from "@pulumi/policy";

/**
 * The value `read` finds, or undefined when it touches a value that is unknown during
 * preview (an id not yet assigned). Props reach policies wrapped in the engine's
 * unknown-checking proxy, which throws on such a read; a policy that checks many
 * resources must skip the one it can't judge yet, not stop or report it.
 */
export function known<T>(read: () => T): T | undefined {
    try {
        return read();
    } catch (error) {
        if (error instanceof UnknownValueError) {
            return undefined;
        }
        throw error;
    }
}

export function knownString(read: () => unknown): string | undefined {
    const value = known(read);
    return typeof value === "string" ? value : undefined;
}

export function knownNumber(read: () => unknown): number | undefined {
    const value = known(read);
    return typeof value === "number" ? value : undefined;
}

/** The entries of a known array whose elements are known strings; unknown elements are left out. */
export function knownStrings(read: () => unknown): string[] {
    const value = known(read);
    if (!Array.isArray(value)) {
        return [];
    }
    const strings: string[] = [];
    // Index by index: array methods would read every element through the proxy at once.
    for (let index = 0; index < value.length; index++) {
        const element = known(() => (value as unknown[])[index]);
        if (typeof element === "string") {
            strings.push(element);
        }
    }
    return strings;
}

/** True when `read` touches a value that is unknown during preview. */
export function isUnknown(read: () => unknown): boolean {
    try {
        read();
        return false;
    } catch (error) {
        if (error instanceof UnknownValueError) {
            return true;
        }
        throw error;
    }
}

/**
 * The ids of a known or unknown array of ids: each one, or "unknown" where it is not known
 * yet; ["unknown"] for an array not known yet, [] for none.
 */
export function knownIds(read: () => unknown): string[] {
    if (isUnknown(read)) {
        return ["unknown"];
    }
    const value = known(read);
    if (!Array.isArray(value)) {
        return [];
    }
    const ids: string[] = [];
    // Index by index: array methods would read every element through the proxy at once.
    for (let index = 0; index < value.length; index++) {
        ids.push(isUnknown(() => (value as unknown[])[index]) ? "unknown" : (knownString(() => (value as unknown[])[index]) ?? ""));
    }
    return ids;
}
