import Ajv from "ajv";
import type { EnforcementLevel } from "@pulumi/policy";
import { isRecord } from "../policies/rules/records";

// What the Pulumi CLI does with `--policy-pack-config` (pulumi/pulumi
// pkg/resource/analyzer/config.go: parsePolicyPackConfig, ReconcilePolicyPackConfig):
// enforcement levels are checked when the file is read; every policy starts from its
// own level and its schema's defaults; `all`, then each entry, apply over that; each
// policy's options are then validated against its config schema as a whole JSON Schema
// object. Entries that name no policy of the pack are passed on and ignored by it.

/** `--policy-pack-config`: `all` and each policy's enforcement level, or `{ enforcementLevel, ...options }`. */
export type PackConfigFile = Record<string, EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>)>;

/** A policy as GetAnalyzerInfo describes it (and as `@pulumi/policy` declares it). */
export interface PolicyInfo {
    name: string;
    enforcementLevel?: EnforcementLevel | undefined;
    configSchema?: { properties?: Record<string, unknown>; required?: string[] } | undefined;
}

/** What the engine sends with Configure for one policy. */
export interface PolicyConfig {
    enforcementLevel: EnforcementLevel;
    properties: Record<string, unknown>;
}

export interface ReconciledConfig {
    policies: Map<string, PolicyConfig>;
    /** Entries that name no policy of the pack: the engine passes them on and the pack ignores them. */
    ignored: string[];
}

/** A config file the CLI would refuse; the message is the CLI's reason. */
export class PolicyConfigError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PolicyConfigError";
    }
}

const LEVELS: readonly string[] = ["advisory", "mandatory", "remediate", "disabled"];

function level(name: string, value: unknown): EnforcementLevel {
    if (typeof value !== "string") {
        throw new PolicyConfigError(`parsing enforcement level for "${name}": ${JSON.stringify(value)} is not a valid enforcement level; must be a string`);
    }
    if (!LEVELS.includes(value)) {
        throw new PolicyConfigError(`parsing enforcement level for "${name}": "${value}" is not a valid enforcement level (one of ${LEVELS.join(", ")})`);
    }
    return value as EnforcementLevel;
}

interface Entry {
    enforcementLevel?: EnforcementLevel;
    properties: Record<string, unknown>;
}

/** The file's entries, with their levels checked, as the CLI reads them. */
export function parsePackConfig(file: unknown): Map<string, Entry> {
    if (!isRecord(file)) {
        throw new PolicyConfigError("expected a JSON object of policy names");
    }
    if ("environments" in file) {
        throw new PolicyConfigError('"environments": the CLI reads these from Pulumi ESC; offline they can\'t be resolved: plan without them');
    }
    const entries = new Map<string, Entry>();
    for (const [name, value] of Object.entries(file)) {
        if (typeof value === "string") {
            entries.set(name, { enforcementLevel: level(name, value), properties: {} });
        } else if (isRecord(value)) {
            const { enforcementLevel, ...properties } = value;
            entries.set(name, { ...(enforcementLevel === undefined ? {} : { enforcementLevel: level(name, enforcementLevel) }), properties });
        } else {
            throw new PolicyConfigError(`parsing "${name}": ${JSON.stringify(value)} is not a valid value; must be a string or object`);
        }
    }
    return entries;
}

type Validator = ReturnType<Ajv["compile"]>;

let ajv: Ajv | undefined;
// By the schema's text, not its object: a pack's schemas arrive as new objects with every
// GetAnalyzerInfo (each pack started, each plan run's reading of them), and compiling three
// schemas costs about 5 ms warm, 50 ms cold, which the engine's gojsonschema does not pay.
const validators = new Map<string, Validator>();

function validatorOf(schema: NonNullable<PolicyInfo["configSchema"]>): Validator {
    const key = JSON.stringify(schema);
    let validate = validators.get(key);
    if (validate === undefined) {
        ajv ??= new Ajv({ allErrors: true, strict: false });
        validate = ajv.compile({ type: "object", ...schema });
        validators.set(key, validate);
    }
    return validate;
}

/** Each policy's level and options as the engine sends them with Configure; throws what the CLI would print. */
export function reconcilePackConfig(policies: readonly PolicyInfo[], file: PackConfigFile | Map<string, Entry> = {}): ReconciledConfig {
    const entries = file instanceof Map ? file : parsePackConfig(file);
    const result = new Map<string, PolicyConfig>();
    for (const policy of policies) {
        const defaults = Object.entries(policy.configSchema?.properties ?? {}).filter(
            ([, schema]) => isRecord(schema) && schema.default !== undefined,
        );
        result.set(policy.name, {
            enforcementLevel: policy.enforcementLevel ?? "advisory",
            properties: Object.fromEntries(defaults.map(([key, schema]) => [key, structuredClone((schema as { default: unknown }).default)])),
        });
    }
    const all = entries.get("all")?.enforcementLevel;
    if (all !== undefined) {
        for (const config of result.values()) {
            config.enforcementLevel = all;
        }
    }
    const ignored: string[] = [];
    for (const [name, entry] of entries) {
        const config = result.get(name);
        if (config === undefined) {
            if (name !== "all") {
                ignored.push(name);
            }
            continue;
        }
        config.enforcementLevel = entry.enforcementLevel ?? config.enforcementLevel;
        Object.assign(config.properties, entry.properties);
    }

    const problems: string[] = [];
    for (const policy of policies) {
        if (policy.configSchema === undefined) {
            continue;
        }
        const validate = validatorOf(policy.configSchema);
        if (!validate(result.get(policy.name)!.properties)) {
            for (const error of validate.errors ?? []) {
                const where = error.instancePath === "" ? "" : `${error.instancePath.slice(1).replaceAll("/", ".")}: `;
                const allowed = isRecord(error.params) && Array.isArray(error.params.allowedValues) ? ` (${error.params.allowedValues.map((value) => JSON.stringify(value)).join(", ")})` : "";
                problems.push(`${policy.name}: ${where}${error.message ?? "invalid"}${allowed}`);
            }
        }
    }
    if (problems.length > 0) {
        throw new PolicyConfigError(`validating policy config: ${problems.sort().join("; ")}`);
    }
    return { policies: result, ignored };
}
