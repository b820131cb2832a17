import { FACTS, type FactId } from "../rules/facts";

/** A policy description: what it checks, then each fact it enforces with the fact's source. */
export function describePolicy(summary: string, ...facts: FactId[]): string {
    const cited = facts.map((id) => `${id}: ${FACTS[id].text} (source: ${FACTS[id].source}).`);
    return [summary, ...cited].join(" ");
}
