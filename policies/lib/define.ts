import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { FACTS, type FactId } from "../rules/facts";
import { observeInputs } from "./observed";

/** A policy as its file writes it: a summary in place of the description, which is made from it and the facts. */
type Declared<P> = Omit<P, "description"> & { summary: string };

/** A policy with the facts it enforces as data: its description, the plan's labels and the README table come from them. */
export type FactPolicy = (ResourceValidationPolicy | StackValidationPolicy) & { readonly facts: readonly FactId[] };

/** A policy description: what it checks, then each fact it enforces with the fact's source. */
function describePolicy(summary: string, facts: readonly FactId[]): string {
    const cited = facts.map((id) => `${id}: ${FACTS[id].text} (source: ${FACTS[id].source}).`);
    return [summary, ...cited].join(" ");
}

/**
 * Declares a policy and the facts it enforces; a policy that enforces none (a security
 * baseline) passes `[]`. A resource policy also records the inputs it is shown, which the
 * stack policies join with the outputs they get (see observed.ts).
 */
export function definePolicy(
    facts: readonly FactId[],
    { summary, ...policy }: Declared<ResourceValidationPolicy> | Declared<StackValidationPolicy>,
): FactPolicy {
    const described = { ...policy, description: describePolicy(summary, facts), facts };
    if (!("validateResource" in described) || typeof described.validateResource !== "function") {
        return described;
    }
    const validate = described.validateResource;
    return {
        ...described,
        validateResource: (args, reportViolation) => {
            observeInputs(args.urn, args.props);
            return validate(args, reportViolation);
        },
    };
}
