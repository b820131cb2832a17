import type {
    Policies,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { UnknownValueError, unknownCheckingProxy } from "@pulumi/policy";
import * as policyDeserialize from "@pulumi/policy/deserialize";
import { reconcilePackConfig, type PackConfigFile } from "./pack-config";

/**
 * A resource as the engine hands it to a policy pack, values in wire form (unknowns as the
 * SDK's marker): its checked inputs to Remediate and Analyze, its outputs to AnalyzeStack
 * (a preview's outputs for a resource being created, Azure's answer for one that exists).
 */
export interface ResourceUnderAnalysis {
    urn: string;
    type: string;
    name: string;
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
    parent?: string | undefined;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    options: { protect: boolean; ignoreChanges: string[]; deleteBeforeReplace?: boolean };
}

export interface Violation {
    policyName: string;
    enforcementLevel: "advisory" | "mandatory";
    /** The resource in violation; absent when the stack as a whole is. */
    urn?: string | undefined;
    message: string;
}

export interface Remediation {
    policyName: string;
    urn: string;
    /** Top-level properties the remediation changed. */
    changed: string[];
}

export interface Analysis {
    violations: Violation[];
    remediations: Remediation[];
    /** The resources after remediation: their inputs as `pulumi up` would send them. */
    resources: ResourceUnderAnalysis[];
}

class NotApplicable extends Error {}

function notApplicable(reason?: string): never {
    throw new NotApplicable(reason);
}

function isResourcePolicy(policy: Policies[number]): policy is ResourceValidationPolicy {
    return "validateResource" in policy || "remediateResource" in policy;
}

function isStackPolicy(policy: Policies[number]): policy is StackValidationPolicy {
    return "validateStack" in policy;
}

function policyOptions(resource: ResourceUnderAnalysis): PolicyResourceOptions {
    return {
        protect: resource.options.protect,
        ignoreChanges: resource.options.ignoreChanges,
        ...(resource.options.deleteBeforeReplace === undefined ? {} : { deleteBeforeReplace: resource.options.deleteBeforeReplace }),
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
        ...(resource.parent === undefined ? {} : { parent: resource.parent }),
    };
}

function typeOf(resourceClass: unknown): string | undefined {
    return (resourceClass as { __pulumiType?: string }).__pulumiType;
}

/** Runs a policy callback as the analyzer does: not-applicable and unknown values are outcomes, not errors. */
async function guarded(policyName: string, report: (message: string) => void, run: () => unknown): Promise<void> {
    try {
        await run();
    } catch (error) {
        if (error instanceof NotApplicable) {
            return;
        }
        if (error instanceof UnknownValueError) {
            report(`can't run policy '${policyName}' during preview: ${(error as Error).message}`);
            return;
        }
        throw error;
    }
}

// The functions @pulumi/policy's server turns props into what a policy sees, and a
// remediation's result back into the wire form, with; marked internal, so untyped.
const { deserializeProperties, serializeProperties } = policyDeserialize as unknown as {
    deserializeProperties(struct: { toJavaScript(): unknown }, keepSecrets: boolean): Record<string, unknown>;
    serializeProperties(props: Record<string, unknown>): Promise<Record<string, unknown>>;
};

/** Props as @pulumi/policy's server hands them to a policy: deserialized, behind the unknown-checking proxy. */
function asPolicyProps(props: Record<string, unknown>, keepSecrets: boolean): Record<string, unknown> {
    return unknownCheckingProxy(deserializeProperties({ toJavaScript: () => props }, keepSecrets));
}

/** What the engine leaves out of AnalyzeStack's properties: its internal keys. */
function withoutInternalKeys(props: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(props).filter(([key]) => !key.startsWith("__")));
}

export interface AnalyzeOptions {
    config?: PackConfigFile;
    /** What a new analyzer process starts with (the pack's `startOperation`): the engine starts one per operation. */
    startOperation?: () => void;
}

/**
 * Runs a policy pack over a stack's resources the way one engine operation drives its
 * analyzer process: for each resource, Remediate then Analyze of its inputs; then
 * AnalyzeStack once, over every resource's outputs.
 */
export async function analyzeStack(policies: Policies, input: readonly ResourceUnderAnalysis[], options: AnalyzeOptions = {}): Promise<Analysis> {
    const resolved = reconcilePackConfig(policies, options.config).policies;
    options.startOperation?.();
    // Stack tags come from the backend; offline there are none.
    const stackTags = new Map<string, string>();
    const violations: Violation[] = [];
    const remediations: Remediation[] = [];
    const levelOf = (policy: Policies[number]) => resolved.get(policy.name)!;

    const resourceArgs = (resource: ResourceUnderAnalysis, policy: Policies[number]): ResourceValidationArgs => ({
        type: resource.type,
        props: asPolicyProps(resource.inputs, true),
        urn: resource.urn,
        name: resource.name,
        opts: policyOptions(resource),
        stackTags,
        isType: (resourceClass) => typeOf(resourceClass) === resource.type,
        asType: ((resourceClass: unknown) =>
            typeOf(resourceClass) === resource.type ? asPolicyProps(resource.inputs, true) : undefined) as ResourceValidationArgs["asType"],
        getConfig: <T extends object>() => levelOf(policy).properties as T,
        notApplicable,
    });

    const resources = input.map((resource) => ({ ...resource, inputs: structuredClone(resource.inputs) }));
    const resourcePolicies = policies.filter(isResourcePolicy);
    const reporter = (policy: Policies[number]) => (message: string, urn?: string) => {
        const level = levelOf(policy).enforcementLevel;
        violations.push({
            policyName: policy.name,
            enforcementLevel: level === "advisory" ? "advisory" : "mandatory",
            urn,
            message,
        });
    };

    for (const resource of resources) {
        for (const policy of resourcePolicies) {
            if (levelOf(policy).enforcementLevel !== "remediate" || policy.remediateResource === undefined) {
                continue;
            }
            const remediate = policy.remediateResource;
            await guarded(policy.name, () => undefined, async () => {
                const remediated = (await remediate(resourceArgs(resource, policy))) as Record<string, unknown> | undefined;
                if (remediated) {
                    const result = await serializeProperties(remediated);
                    const changed = Object.keys(result).filter((key) => JSON.stringify(result[key]) !== JSON.stringify(resource.inputs[key]));
                    resource.inputs = result;
                    remediations.push({ policyName: policy.name, urn: resource.urn, changed });
                }
            });
        }
        for (const policy of resourcePolicies) {
            if (levelOf(policy).enforcementLevel === "disabled" || policy.validateResource === undefined) {
                continue;
            }
            const report = reporter(policy);
            const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
            for (const validate of validations) {
                await guarded(
                    policy.name,
                    (message) => violations.push({ policyName: policy.name, enforcementLevel: "advisory", urn: resource.urn, message }),
                    () => validate(resourceArgs(resource, policy), (message, urn) => report(message, urn ?? resource.urn)),
                );
            }
        }
    }

    const byUrn = new Map<string, PolicyResource>();
    const policyResources = resources.map((resource) => {
        const props = asPolicyProps(withoutInternalKeys(resource.outputs), false);
        const policyResource: PolicyResource = {
            type: resource.type,
            props,
            urn: resource.urn,
            name: resource.name,
            opts: policyOptions(resource),
            dependencies: [],
            propertyDependencies: {},
            isType: (resourceClass) => typeOf(resourceClass) === resource.type,
            asType: ((resourceClass: unknown) => (typeOf(resourceClass) === resource.type ? props : undefined)) as PolicyResource["asType"],
        };
        byUrn.set(resource.urn, policyResource);
        return policyResource;
    });
    resources.forEach((resource, index) => {
        const policyResource = policyResources[index]!;
        const find = (urns: readonly string[]) => urns.map((urn) => byUrn.get(urn)).filter((found): found is PolicyResource => found !== undefined);
        if (resource.parent !== undefined && byUrn.has(resource.parent)) {
            policyResource.parent = byUrn.get(resource.parent);
        }
        policyResource.dependencies = find(resource.dependencies);
        policyResource.propertyDependencies = Object.fromEntries(
            Object.entries(resource.propertyDependencies).map(([key, urns]) => [key, find(urns)]),
        );
    });

    for (const policy of policies.filter(isStackPolicy)) {
        if (levelOf(policy).enforcementLevel === "disabled") {
            continue;
        }
        const args: StackValidationArgs = {
            resources: policyResources,
            stackTags,
            getConfig: <T extends object>() => levelOf(policy).properties as T,
            notApplicable,
        };
        await guarded(
            policy.name,
            (message) => violations.push({ policyName: policy.name, enforcementLevel: "advisory", message }),
            () => policy.validateStack(args, reporter(policy)),
        );
    }
    return { violations, remediations, resources };
}
