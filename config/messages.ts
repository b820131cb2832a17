import { z } from "zod";
import { closestMatch } from "../policies/rules/edit-distance";
import { quoted, shown } from "../policies/rules/display";
import { LOCATION_KEY, NAMESPACE, RETIRED_KEYS, TOP_LEVEL_KEYS, configSchema } from "./schema";

type Path = readonly PropertyKey[];

// A key written bare in a path (`tags.costCenter`); any other is quoted (`tags["cost center"]`),
// as `pulumi config set --path` takes it.
const BARE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A key as it follows a namespace: bare, or quoted when it holds more than letters, digits, `_` and `-`. */
export function keyText(key: string): string {
    return BARE_KEY.test(key) ? key : quoted(key);
}

function pathPart(part: PropertyKey): string {
    if (typeof part === "number") {
        return `[${part}]`;
    }
    const text = String(part);
    return BARE_KEY.test(text) ? `.${text}` : `[${quoted(text)}]`;
}

/** `asr-hyperv:network.subnets[0].name`, or `azure-native:location`, as a user writes the key. */
export function configKey(path: Path): string {
    const [head, ...rest] = path;
    if (head === undefined) {
        return `${NAMESPACE}:`;
    }
    if (head === "location") {
        return LOCATION_KEY;
    }
    return rest.reduce<string>((key, part) => `${key}${pathPart(part)}`, `${NAMESPACE}:${keyText(String(head))}`);
}

/** The value at `path` of the decoded config, looking at own properties only. */
function valueAt(input: unknown, path: Path): unknown {
    return path.reduce<unknown>(
        (value, part) => (value !== null && typeof value === "object" && Object.hasOwn(value, part) ? (value as Record<PropertyKey, unknown>)[part] : undefined),
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
        return Object.hasOwn(schema.shape, part) ? schema.shape[part] : undefined;
    }
    return schema instanceof z.ZodArray ? schema.element : undefined;
}

function unknownKey(path: Path, key: string): string {
    const dotted = [...path, key].join(".");
    if (Object.hasOwn(RETIRED_KEYS, dotted)) {
        return `${configKey([...path, key])}: ${RETIRED_KEYS[dotted]}`;
    }
    const allowed = path.length === 0 ? TOP_LEVEL_KEYS : keysAt(path);
    return `${configKey([...path, key])}: unknown key; ${didYouMean(key, allowed)}allowed: ${allowed.join(", ")}`;
}

/** `did you mean "lock"? ` when one of `allowed` is a near miss of `key`, else nothing. */
export function didYouMean(key: string, allowed: readonly string[]): string {
    const closest = closestMatch(key, allowed, 3);
    return closest !== undefined ? `did you mean "${closest}"? ` : "";
}

/** What a key takes, when its value has the wrong type. */
function expected(type: string, path: Path): string {
    if (type === "object") {
        const keys = keysAt(path);
        return keys.length > 0 ? `a map with the keys ${keys.join(", ")}` : "a map of keys to values";
    }
    return type === "array" ? "a list" : type === "string" ? "text" : type === "boolean" ? "true or false" : type === "number" ? "a number" : type === "int" ? "a whole number" : type;
}

/** One line per problem (an unknown-keys issue holds several): the key, the value given, and what is allowed. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string[] {
    if (issue.code === "unrecognized_keys") {
        return issue.keys.map((key) => unknownKey(issue.path, key));
    }
    return [describeOne(issue, input)];
}

function describeOne(issue: z.core.$ZodIssue, input: unknown): string {
    const key = configKey(issue.path);
    const value = valueAt(input, issue.path);
    if (issue.code === "invalid_type") {
        if (value === undefined) {
            return issue.path[0] === "location"
                ? `${key}: required; set the region of the vault, storage and network, e.g. \`pulumi config set ${LOCATION_KEY} westeurope\``
                : `${key}: required; give ${expected(issue.expected, issue.path)}`;
        }
        return `${key}: ${shown(value)} is not ${expected(issue.expected, issue.path)}`;
    }
    return `${key}: ${issue.message}`;
}
