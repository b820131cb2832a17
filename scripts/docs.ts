// Writes the policy table of policies/README.md from policies/pack.ts, between its two
// marker comments, and docs/components.md from the components' schema (component-docs.ts);
// test/scripts/docs.test.ts and component-docs.test.ts fail when either is out of date.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { policies } from "../policies/pack";
import { COMPONENT_DOCS, currentComponentDocs } from "./component-docs";

export const README = join(__dirname, "..", "policies", "README.md");
const START = "<!-- policy table: written by `npm run docs` from pack.ts -->";
const END = "<!-- end of policy table -->";

function cell(values: readonly string[], code = false): string {
    return values.map((value) => (code ? `\`${value}\`` : value)).join(", ");
}

/** One row per policy, in the pack's order: what the engine shows of it, and the facts it enforces. */
export function policyTable(): string {
    const rows = policies.map((policy) =>
        [
            cell([policy.name], true),
            "validateStack" in policy ? "stack" : "resource",
            policy.facts.length === 0 ? "none" : cell(policy.facts),
            policy.enforcementLevel ?? "advisory",
            policy.severity ?? "",
            cell(Object.keys(policy.configSchema?.properties ?? {}), true),
            "remediateResource" in policy && policy.remediateResource !== undefined ? "yes" : "",
        ].join(" | "),
    );
    return ["| policy | kind | facts | level | severity | options | remediates |", "|---|---|---|---|---|---|---|", ...rows.map((row) => `| ${row} |`)].join("\n");
}

/** The README with its policy table replaced by the one the pack gives. */
export function withPolicyTable(readme: string): string {
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    if (start < 0 || end < start) {
        throw new Error(`policies/README.md lacks the markers ${START} and ${END}`);
    }
    return `${readme.slice(0, start + START.length)}\n${policyTable()}\n${readme.slice(end)}`;
}

/** Writes `file` when its contents differ; says which it did. */
function update(file: string, contents: string): void {
    const current = existsSync(file) ? readFileSync(file, "utf8") : undefined;
    if (current !== contents) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, contents);
    }
    process.stdout.write(`${relative(join(__dirname, ".."), file)}: ${current === contents ? "up to date" : "written"}\n`);
}

if (require.main === module) {
    update(README, withPolicyTable(readFileSync(README, "utf8")));
    void currentComponentDocs().then((docs) => update(COMPONENT_DOCS, docs));
}
