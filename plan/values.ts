import { SECRET_TEXT } from "../config/stack-file";

/** Pulumi's wire markers, as they appear in a registration's inputs and outputs. */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SIGNATURE = "4dabf18193072939515e22adb298388d";
const SECRET = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_REFERENCE = "5cf8f73096256a8f31e491e813e4eb8e";

/** How a plan shows a value only known after deployment. */
export const UNKNOWN_TEXT = "[unknown]";

/** The value with Pulumi's markers made readable: unknowns and secrets as text, resource references as their URN. */
export function presentable(value: unknown): unknown {
    if (value === UNKNOWN) {
        return UNKNOWN_TEXT;
    }
    if (Array.isArray(value)) {
        return value.map(presentable);
    }
    if (value !== null && typeof value === "object") {
        const record = value as Record<string, unknown>;
        if (record[SIGNATURE] === SECRET) {
            return SECRET_TEXT;
        }
        if (record[SIGNATURE] === RESOURCE_REFERENCE) {
            return record.urn;
        }
        return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, presentable(inner)]));
    }
    return value;
}

/** True when the value, or anything in it, is only known after deployment. */
export function hasUnknown(value: unknown): boolean {
    if (value === UNKNOWN_TEXT) {
        return true;
    }
    if (Array.isArray(value)) {
        return value.some(hasUnknown);
    }
    return value !== null && typeof value === "object" && Object.values(value).some(hasUnknown);
}
