import { z } from "zod";
import { closestMatch } from "../policies/rules/edit-distance";
import { LOCATION_KEY, NAMESPACE, TOP_LEVEL_KEYS, configSchema } from "./schema";

type Path = readonly PropertyKey[];

/** `asr-hyperv:network.subnets[0].name`, or `azure-native:location`, as a user writes the key. */
export function configKey(path: Path): string {
    const [head, ...rest] = path;
    if (head === undefined) {
        return `${NAMESPACE}:`;
    }
    if (head === "location") {
        return LOCATION_KEY;
    }
    return rest.reduce<string>(
        (key, part) => (typeof part === "number" ? `${key}[${part}]` : `${key}.${String(part)}`),
        `${NAMESPACE}:${String(head)}`,
    );
}

function valueAt(input: unknown, path: Path): unknown {
    return path.reduce<unknown>(
        (value, part) => (value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[part] : undefined),
        input,
    );
}

/** The keys an object at `path` of the schema accepts, looking through optional and default wrappers. */
function keysAt(path: Path): string[] {
    let schema: z.core.$ZodType | undefined = configSchema;
    for (const part of path) {
        schema = schema === undefined ? undefined : childOf(unwrap(schema), part);
    }
    const inner = schema === undefined ? undefined : unwrap(schema);
    return inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
    if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault) {
        return unwrap(schema.unwrap());
    }
    return schema instanceof z.ZodPipe ? unwrap(schema.in) : schema;
}

function childOf(schema: z.core.$ZodType, part: PropertyKey): z.core.$ZodType | undefined {
    if (schema instanceof z.ZodObject && typeof part === "string") {
        return schema.shape[part];
    }
    return schema instanceof z.ZodArray ? schema.element : undefined;
}

function unknownKey(path: Path, key: string): string {
    const allowed = path.length === 0 ? TOP_LEVEL_KEYS : keysAt(path);
    const closest = closestMatch(key, allowed, 3);
    const hint = closest !== undefined ? `did you mean "${closest}"? ` : "";
    const where = path.length === 0 ? `${NAMESPACE}:${key}` : `${configKey(path)}.${key}`;
    return `${where}: unknown key; ${hint}allowed: ${allowed.join(", ")}`;
}

/** One line for one problem: the key, the value given, and what is allowed. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
    if (issue.code === "unrecognized_keys") {
        return issue.keys.map((key) => unknownKey(issue.path, key)).join("\n  - ");
    }
    const key = configKey(issue.path);
    const value = valueAt(input, issue.path);
    if (issue.code === "invalid_type") {
        if (value === undefined) {
            return issue.path[0] === "location"
                ? `${key}: required; set the region of the vault, storage and network, e.g. \`pulumi config set ${LOCATION_KEY} westeurope\``
                : `${key}: required (expected ${issue.expected})`;
        }
        return `${key}: ${JSON.stringify(value)} is not a ${issue.expected}`;
    }
    if (issue.code === "too_small" && Array.isArray(value)) {
        return `${key}: list at least ${String(issue.minimum)} item(s)`;
    }
    return `${key}: ${issue.message}`;
}
