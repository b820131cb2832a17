import * as pulumi from "@pulumi/pulumi";

/** What a rule found wrong with one argument (or several things, or nothing). */
export type ArgCheck = readonly [arg: string, problems: string | readonly string[] | undefined];

/**
 * Throws when any check found a problem, before the component creates anything: one
 * message naming the component and each argument, as a ResourceError so the CLI reports
 * it against the component's URN. A rule that judges one value starts its message with
 * that value (`vaultName "rsv_dr" may hold only ...`); one that relates arguments
 * describes the relation (`location: storage is in ...`).
 */
export function rejectInvalidArgs(component: pulumi.ComponentResource, label: string, checks: readonly ArgCheck[]): void {
    const problems = checks.flatMap(([arg, found]) =>
        (found === undefined ? [] : typeof found === "string" ? [found] : found).map((problem) =>
            problem.startsWith('"') ? `${arg} ${problem}` : `${arg}: ${problem}`,
        ),
    );
    if (problems.length > 0) {
        throw new pulumi.ResourceError(`${label}: ${problems.join("; ")}`, component);
    }
}
