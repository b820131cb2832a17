import * as pulumi from "@pulumi/pulumi";

/** What a rule found wrong with one argument (or several things, or nothing). */
export type Problems = string | readonly string[] | undefined;

/** One argument and what the rules found wrong with it. */
export type ArgCheck = readonly [arg: string, problems: Problems];

function describe(label: string, checks: readonly ArgCheck[]): string | undefined {
    const problems = checks.flatMap(([arg, found]) =>
        (found === undefined ? [] : typeof found === "string" ? [found] : found).map((problem) =>
            problem.startsWith('"') ? `${arg} ${problem}` : `${arg}: ${problem}`,
        ),
    );
    return problems.length > 0 ? `${label}: ${problems.join("; ")}` : undefined;
}

/**
 * Throws when any check found a problem, before the component creates anything: one
 * message naming the component and each argument, as a ResourceError so the CLI reports
 * it against the component's URN. A rule that judges one value starts its message with
 * that value (`vaultName "rsv_dr" may hold only ...`); one that relates arguments
 * describes the relation (`location: storage is in ...`).
 */
export function rejectInvalidArgs(component: pulumi.ComponentResource, label: string, checks: readonly ArgCheck[]): void {
    const message = describe(label, checks);
    if (message !== undefined) {
        throw new pulumi.ResourceError(message, component);
    }
}

/** The value of an argument that is known now: a plain value, not an output or a promise. */
export function knownNow<T>(value: pulumi.Input<T>): T | undefined {
    return pulumi.Output.isInstance(value) || value instanceof Promise ? undefined : (value as T);
}

/**
 * `value` judged by `check` once it resolves, for arguments a consumer passes as outputs
 * (another resource's region, a subnet's id), which can't be judged before anything is
 * created. A problem rejects the returned output with the ResourceError rejectInvalidArgs
 * would throw, so every resource that takes it fails to register with that message. In a
 * preview where the value is unknown, nothing is judged.
 */
export function rejectInvalidWhenKnown<T>(
    component: pulumi.ComponentResource,
    label: string,
    arg: string,
    value: pulumi.Input<T>,
    check: (value: pulumi.Unwrap<T>) => Problems,
): pulumi.Output<pulumi.Unwrap<T>> {
    return pulumi.output(value).apply((resolved) => {
        rejectInvalidArgs(component, label, [[arg, check(resolved)]]);
        return resolved;
    });
}
