// Prints, for each documented fact (policies/rules/facts.ts), where it is enforced (policy,
// config check, component guarantee) and the test that proves it; `--json` prints the same as
// data. A script, not a test: test/scripts/facts.test.ts checks what it lists.
import { COMPONENT_FACTS } from "../components/facts";
import { CONFIG_FACTS } from "../config/facts";
import { policies } from "../policies/pack";
import { FACTS, FACT_IDS, type Enforcement, type FactId } from "../policies/rules/facts";

export type Layer = "policy" | "config" | "component";

export interface FactCoverage {
    id: FactId;
    text: string;
    enforcedBy: (Omit<Enforcement, "facts"> & { layer: Layer })[];
}

/** Each policy proves its facts with its own test file, whose `describe` block is named after it. */
export const POLICY_FACTS: readonly Enforcement[] = policies.map((policy) => ({
    facts: policy.facts,
    where: policy.name,
    test: { file: `test/policies/${policy.name}.test.ts`, title: policy.name },
}));

const LAYERS: readonly [Layer, readonly Enforcement[]][] = [
    ["policy", POLICY_FACTS],
    ["config", CONFIG_FACTS],
    ["component", COMPONENT_FACTS],
];

export function coverage(): FactCoverage[] {
    return FACT_IDS.map((id) => ({
        id,
        text: FACTS[id].text,
        enforcedBy: LAYERS.flatMap(([layer, entries]) =>
            entries.filter((entry) => entry.facts.includes(id)).map(({ where, test }) => ({ layer, where, test })),
        ),
    }));
}

export function renderCoverage(facts: readonly FactCoverage[]): string {
    const enforced = facts.filter((fact) => fact.enforcedBy.length > 0).length;
    const lines = [`Fact coverage: ${facts.length} facts, ${enforced} enforced, ${facts.length - enforced} not enforced (policies/rules/facts.ts)`];
    for (const fact of facts) {
        lines.push("", `${fact.id.padEnd(4)} ${fact.text}`);
        if (fact.enforcedBy.length === 0) {
            lines.push("     not enforced");
        }
        for (const { layer, where, test } of fact.enforcedBy) {
            lines.push(`     ${layer.padEnd(10)} ${where}`, `     ${"".padEnd(10)} proved by ${test.file}: ${test.title}`);
        }
    }
    return `${lines.join("\n")}\n`;
}

if (require.main === module) {
    const facts = coverage();
    process.stdout.write(process.argv.includes("--json") ? `${JSON.stringify(facts, null, 2)}\n` : renderCoverage(facts));
}
