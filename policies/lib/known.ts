import { Secret, UnknownValueError } from "@pulumi/policy";
import * as policyProxy from "@pulumi/policy/proxy";

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

// The sentinels @pulumi/policy's proxy takes for unknown values (internal to the SDK, so
// read from the module rather than copied): one per kind of value.
const SENTINELS = new Set(
    Object.entries(policyProxy as unknown as Record<string, unknown>)
        .filter(([name]) => /^unknown[A-Z]\w*Value$/.test(name))
        .map(([, value]) => value),
);

/** What `peek` returns for a value not known until deployment. */
export const UNKNOWN: unique symbol = Symbol("unknown");

const PROXY_TARGET = "__getSpecialProxyTarget";

/**
 * The props behind the engine's unknown-checking proxy: for a remediation to return whole
 * (read through the proxy, a value unknown during preview throws). The key is the one
 * @pulumi/policy's proxies answer to.
 */
export function unproxied(props: Record<string, unknown>): Record<string, unknown> {
    return (props[PROXY_TARGET] as Record<string, unknown> | undefined) ?? props;
}

/** The value behind @pulumi/policy's proxies, with a secret's value in place of the secret, as the proxies read it. */
export function plain(value: unknown): unknown {
    let current = value;
    for (;;) {
        if (current instanceof Secret) {
            current = current.value;
        } else if (current !== null && typeof current === "object" && (current as Record<string, unknown>)[PROXY_TARGET] !== undefined) {
            current = (current as Record<string, unknown>)[PROXY_TARGET];
        } else {
            return current;
        }
    }
}

/** Sets an own property, `__proto__` too (an assignment would set the prototype). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
    if (key === "__proto__") {
        Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    } else {
        target[key] = value;
    }
}

/**
 * The value as a policy reading it through the proxies sees it, secrets by their values
 * at every level: the value itself when it holds no secret, else a copy. An asset or
 * archive is left as the class it is.
 */
export function revealed(value: unknown): unknown {
    const own = plain(value);
    if (own === null || typeof own !== "object") {
        return own;
    }
    const array = Array.isArray(own);
    const prototype: unknown = Object.getPrototypeOf(own);
    if (!array && prototype !== Object.prototype && prototype !== null) {
        return own;
    }
    const record = own as Record<string, unknown>;
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(record)) {
        const item = record[key];
        const shown = revealed(item);
        if (shown !== item) {
            copy ??= array ? ([...(own as unknown[])] as unknown as Record<string, unknown>) : Object.fromEntries(Object.entries(record));
            setOwn(copy, key, shown);
        }
    }
    return copy ?? own;
}

/**
 * The value at `path` in props, as reading it through the proxy gives it, but without the
 * exception the proxy throws per unknown value, which costs more than the whole read when
 * stack policies read every resource of a large stack: UNKNOWN when the value or an object
 * on the way is not known yet, undefined when absent or under a value that is no object.
 * An object comes back without proxy.
 */
export function peek(props: unknown, ...path: readonly (string | number)[]): unknown {
    let value = plain(props);
    for (const key of path) {
        if (SENTINELS.has(value)) {
            return UNKNOWN;
        }
        if (value === null || typeof value !== "object") {
            return undefined;
        }
        value = plain((value as Record<string | number, unknown>)[key]);
    }
    return SENTINELS.has(value) ? UNKNOWN : value;
}

/** The text at `path` in props, when it is known text. */
export function peekString(props: unknown, ...path: readonly (string | number)[]): string | undefined {
    const value = peek(props, ...path);
    return typeof value === "string" ? value : undefined;
}

/** The value at `path` in props, undefined while it is not known: `known` of the same read, without its exception. */
export function peekKnown(props: unknown, ...path: readonly (string | number)[]): unknown {
    const value = peek(props, ...path);
    return value === UNKNOWN ? undefined : value;
}

/** The known strings of the array at `path` in props; unknown elements, and an array not known yet, give none. */
export function peekStrings(props: unknown, ...path: readonly (string | number)[]): string[] {
    const value = peek(props, ...path);
    const strings: string[] = [];
    for (let index = 0; Array.isArray(value) && index < value.length; index++) {
        const element = peek(value, index);
        if (typeof element === "string") {
            strings.push(element);
        }
    }
    return strings;
}
