import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { defaultResourceName } from "../components/naming";
import { defaultSubnets, mirrorSubnets } from "../components/subnet-mirror";
import type { StoragePerformance, VaultPublicNetworkAccess } from "../components/choices";
import type { StandardRedundancy, SubnetPlan, VaultRedundancy } from "../policies/rules";
import { LOCATION_KEY, NAMESPACE, TOP_LEVEL_KEYS, configSchema, type ParsedConfig } from "./schema";
import { describeIssue } from "./messages";

/** Config with every default applied: what the stack builds from. */
export interface StackConfig {
    project: string;
    stack: string;
    location: string;
    resourceGroupName: string;
    existingResourceGroup: boolean;
    vault: {
        name: string;
        storageRedundancy: VaultRedundancy;
        publicNetworkAccess: VaultPublicNetworkAccess;
        lock: boolean;
    };
    storage: {
        performance: StoragePerformance;
        redundancy: StandardRedundancy;
        nameSeed?: string | undefined;
        firewall?: { ipRules: string[]; subnetIds: string[] } | undefined;
    };
    network: {
        name: string;
        addressSpace: string[];
        subnets: SubnetPlan[];
        testFailover?: { name: string; addressSpace: string[]; subnets: SubnetPlan[] } | undefined;
    };
    protect: boolean;
    tags: Record<string, string>;
}

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

function resolve(parsed: ParsedConfig, project: string, stack: string, problems: string[]): StackConfig {
    const subnets = parsed.network.subnets ?? defaultSubnets(parsed.network.addressSpace);
    const networkName = parsed.network.name ?? defaultResourceName("vnet", project, stack, 64);
    let testFailover: StackConfig["network"]["testFailover"];
    if (parsed.network.testFailover !== undefined) {
        const test = parsed.network.testFailover;
        const testSubnets = test.subnets ?? mirrorSubnets(parsed.network.addressSpace, subnets, test.addressSpace);
        if (typeof testSubnets === "string") {
            problems.push(`${NAMESPACE}:network.testFailover.subnets: ${testSubnets}`);
        } else {
            testFailover = {
                name: test.name ?? `${networkName.slice(0, 59)}-test`,
                addressSpace: test.addressSpace,
                subnets: testSubnets,
            };
        }
    }
    return {
        project,
        stack,
        location: parsed.location,
        resourceGroupName: parsed.resourceGroupName ?? defaultResourceName("rg", project, stack, 90),
        existingResourceGroup: parsed.existingResourceGroup,
        vault: { ...parsed.vault, name: parsed.vault.name ?? defaultResourceName("rsv", project, stack, 50) },
        storage: parsed.storage,
        network: { name: networkName, addressSpace: parsed.network.addressSpace, subnets, testFailover },
        protect: parsed.protect,
        tags: parsed.tags,
    };
}

/**
 * Validates a stack's config, given as Pulumi hands it to a program (`<namespace>:<key>`
 * to text, objects as JSON), and applies defaults. Throws a ConfigError that lists every
 * problem, each naming its key, before anything is created.
 */
export function loadStackConfig(raw: Readonly<Record<string, string>>, project: string, stack: string): StackConfig {
    const problems: string[] = [];
    const input = decode(raw, problems);
    const result = configSchema.safeParse(input);
    if (!result.success) {
        problems.push(...result.error.issues.map((issue: z.core.$ZodIssue) => describeIssue(issue, input)));
        throw new ConfigError(problems);
    }
    const config = resolve(result.data, project, stack, problems);
    if (problems.length > 0) {
        throw new ConfigError(problems);
    }
    return config;
}
