import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { checkRegion, quoted } from "../policies/rules";
import { closestMatch } from "../policies/rules/edit-distance";
import { LOCATION_KEY, NAMESPACE, TOP_LEVEL_KEYS, stackConfigSchema, type StackConfig } from "./schema";
import { describeIssue, didYouMean, keyText } from "./messages";

export type { StackConfig } from "./schema";

// A message is read in a terminal: past this many problems or characters a line, the rest
// is summed up (1,000 bad firewall rules are one mistake repeated, not 1,000 to read). Values
// are cut short where they are shown; a line that cites a fact's text runs to 700 or so.
const MAX_PROBLEMS = 20;
const MAX_LINE = 1000;

function bounded(problems: readonly string[]): string[] {
    const lines = problems
        .slice(0, MAX_PROBLEMS)
        .map((line) => (line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}… (${line.length - MAX_LINE} more characters)` : line));
    return problems.length > MAX_PROBLEMS ? [...lines, `… and ${problems.length - MAX_PROBLEMS} more problems`] : lines;
}

/** Every problem found in a stack's config; the message lists them one a line. */
export class ConfigError extends pulumi.RunError {
    readonly problems: readonly string[];

    constructor(problems: readonly string[]) {
        const lines = bounded(problems);
        super(`invalid configuration:\n${lines.map((problem) => `  - ${problem}`).join("\n")}`);
        this.name = "ConfigError";
        this.problems = lines;
    }
}

/** Keys whose value Pulumi hands over as text to be read as it is; the rest are JSON. */
const TEXT_KEYS = new Set(["resourceGroupName"]);

const LOCATION_NAMESPACE = LOCATION_KEY.slice(0, LOCATION_KEY.indexOf(":"));
const LOCATION_NAME = LOCATION_KEY.slice(LOCATION_KEY.indexOf(":") + 1);

/**
 * A key in a namespace that is a near miss of ours (`asr-hypervv:storage`), or of the
 * region's: Pulumi hands it over like any other, and ignoring it would build a stack
 * without what it asks for.
 */
function misspelledNamespace(namespace: string, key: string): string | undefined {
    const where = `${quoted(`${namespace}:${key}`)}`;
    if (namespace !== NAMESPACE && closestMatch(namespace, [NAMESPACE], 3) !== undefined) {
        const closest = closestMatch(key, TOP_LEVEL_KEYS, 3);
        const suggestion = closest === undefined ? `${NAMESPACE}:${key}` : `${NAMESPACE}:${closest}`;
        return `${where}: unknown namespace ${quoted(namespace)}; did you mean "${suggestion}"? keys: ${TOP_LEVEL_KEYS.map((top) => `${NAMESPACE}:${top}`).join(", ")}`;
    }
    if (namespace !== LOCATION_NAMESPACE && closestMatch(namespace, [LOCATION_NAMESPACE], 3) !== undefined && closestMatch(key, [LOCATION_NAME], 3) !== undefined) {
        return `${where}: unknown namespace ${quoted(namespace)}; did you mean "${LOCATION_KEY}"?`;
    }
    return undefined;
}

function decode(raw: Readonly<Record<string, string>>, problems: string[]): Record<string, unknown> {
    // No prototype: a key such as `asr-hyperv:toString` is a key like any other.
    const input: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [fullKey, value] of Object.entries(raw)) {
        const colon = fullKey.indexOf(":");
        const namespace = fullKey.slice(0, Math.max(colon, 0));
        const key = fullKey.slice(colon + 1);
        if (fullKey === LOCATION_KEY) {
            input.location = value;
            continue;
        }
        if (namespace !== NAMESPACE) {
            const misspelled = misspelledNamespace(namespace, key);
            if (misspelled !== undefined) {
                problems.push(misspelled);
            }
            continue;
        }
        if (!TOP_LEVEL_KEYS.includes(key)) {
            const location = key === LOCATION_NAME ? `the region is ${LOCATION_KEY}; ` : didYouMean(key, TOP_LEVEL_KEYS);
            problems.push(`${NAMESPACE}:${keyText(key)}: unknown key; ${location}allowed: ${TOP_LEVEL_KEYS.join(", ")}`);
            continue;
        }
        if (TEXT_KEYS.has(key)) {
            input[key] = value;
            continue;
        }
        try {
            input[key] = JSON.parse(value);
        } catch {
            // Pulumi passes plain strings unquoted; the schema then reports the wrong type.
            input[key] = value;
        }
    }
    return input;
}

/** A valid config, and what in it deserves a look without stopping the program. */
export interface LoadedConfig {
    config: StackConfig;
    warnings: readonly string[];
}

function warningsFor(input: Record<string, unknown>): string[] {
    const checked = checkRegion(String(input.location));
    return "warning" in checked && checked.warning !== undefined ? [`${LOCATION_KEY}: ${checked.warning}`] : [];
}

/**
 * Validates a stack's config, given as Pulumi hands it to a program (`<namespace>:<key>`
 * to text, objects as JSON), and applies defaults. Throws a ConfigError that lists every
 * problem, each naming its key, before anything is created. Warnings, such as a region
 * newer than the project's list, name their key too; the program logs them and goes on.
 */
export function loadStackConfig(raw: Readonly<Record<string, string>>, project: string, stack: string): LoadedConfig {
    const problems: string[] = [];
    const input = decode(raw, problems);
    const result = stackConfigSchema(project, stack).safeParse(input);
    if (!result.success) {
        for (const issue of result.error.issues as z.core.$ZodIssue[]) {
            for (const line of describeIssue(issue, input)) {
                problems.push(line);
            }
        }
    }
    if (!result.success || problems.length > 0) {
        throw new ConfigError(problems);
    }
    const readiness = result.data.readiness.filter((finding) => finding.level === "warning").map((finding) => `${finding.key}: ${finding.message} (${finding.fact})`);
    return { config: result.data, warnings: [...warningsFor(input), ...result.data.replicationWarnings.map((warning) => `${NAMESPACE}:${warning}`), ...readiness] };
}
