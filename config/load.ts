import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { checkRegion } from "../policies/rules";
import { LOCATION_KEY, NAMESPACE, TOP_LEVEL_KEYS, stackConfigSchema, type StackConfig } from "./schema";
import { describeIssue } from "./messages";

export type { StackConfig } from "./schema";

/** Every problem found in a stack's config; the message lists them one a line. */
export class ConfigError extends pulumi.RunError {
    constructor(readonly problems: readonly string[]) {
        super(`invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
        this.name = "ConfigError";
    }
}

/** Keys whose value Pulumi hands over as text to be read as it is; the rest are JSON. */
const TEXT_KEYS = new Set(["resourceGroupName"]);

function decode(raw: Readonly<Record<string, string>>, problems: string[]): Record<string, unknown> {
    const input: Record<string, unknown> = {};
    if (raw[LOCATION_KEY] !== undefined) {
        input.location = raw[LOCATION_KEY];
    }
    for (const [fullKey, value] of Object.entries(raw)) {
        if (!fullKey.startsWith(`${NAMESPACE}:`)) {
            continue;
        }
        const key = fullKey.slice(NAMESPACE.length + 1);
        if (!TOP_LEVEL_KEYS.includes(key)) {
            problems.push(describeIssue({ code: "unrecognized_keys", keys: [key], path: [], message: "" }, {}));
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
        problems.push(...result.error.issues.map((issue: z.core.$ZodIssue) => describeIssue(issue, input)));
    }
    if (!result.success || problems.length > 0) {
        throw new ConfigError(problems);
    }
    return { config: result.data, warnings: warningsFor(input) };
}
