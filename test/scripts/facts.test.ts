import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { COMPONENT_FACTS } from "../../components/facts";
import { CONFIG_FACTS } from "../../config/facts";
import { policies } from "../../policies/pack";
import { FACTS, FACT_IDS } from "../../policies/rules/facts";
import { POLICY_FACTS, coverage } from "../../scripts/facts";

const ROOT = resolve(__dirname, "../..");

/** The double-quoted strings of a source file, as written (test names here hold no escapes). */
function strings(source: string): string[] {
    return [...source.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)].map((match) => match[1]!);
}

/**
 * True when the file names a test or describe block `title`: as a string, or as an
 * `it.each` template ("rejects %s, ...") whose filled-in cases are strings of the file too.
 */
function namesTest(source: string, title: string): boolean {
    const written = strings(source);
    if (written.includes(title)) {
        return true;
    }
    return written
        .filter((template) => /%[sidfj]/.test(template))
        .some((template) => {
            const pattern = template.split(/%[sidfj]/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
            const match = new RegExp(`^${pattern.join("(.+)")}$`).exec(title);
            return match !== null && match.slice(1).every((value) => written.includes(value) || source.includes(value));
        });
}

describe("fact coverage", () => {
    const declared = [...POLICY_FACTS, ...CONFIG_FACTS, ...COMPONENT_FACTS];

    it.each(declared.map((entry) => [entry.where, entry] as const))("%s names a test that exists", (_, { test }) => {
        const file = join(ROOT, test.file);
        expect(existsSync(file), test.file).toBe(true);
        expect(namesTest(readFileSync(file, "utf8"), test.title), `${test.file}: ${test.title}`).toBe(true);
    });

    it("declares only ids of FACTS: each policy, and at least one for each config check and component guarantee", () => {
        for (const entry of declared) {
            expect(FACT_IDS, entry.where).toEqual(expect.arrayContaining([...entry.facts]));
        }
        for (const entry of [...CONFIG_FACTS, ...COMPONENT_FACTS]) {
            expect(entry.facts, entry.where).not.toEqual([]);
        }
        expect(POLICY_FACTS.map((entry) => entry.where)).toEqual(policies.map((policy) => policy.name));
    });

    it("lists every fact, enforced or not", () => {
        const facts = coverage();
        expect(facts.map((fact) => fact.id)).toEqual(FACT_IDS);
        expect(facts.find((fact) => fact.id === "A1")?.enforcedBy.map((entry) => entry.layer)).toEqual(["policy", "policy", "component"]);
        expect(facts.find((fact) => fact.id === "P1")?.enforcedBy.map((entry) => entry.layer)).toEqual(["config"]);
        expect(facts.find((fact) => fact.id === "R5")?.enforcedBy).toEqual([]);
    });

    it("prints it with `npm run facts`", () => {
        const output = execFileSync(process.execPath, ["--require", "./plan/register-ts.cjs", "scripts/facts.ts"], { cwd: ROOT, encoding: "utf8" });
        expect(output.startsWith(`Fact coverage: ${FACT_IDS.length} facts, `)).toBe(true);
        for (const id of FACT_IDS) {
            expect(output).toMatch(new RegExp(`^${id} +${FACTS[id].text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "m"));
        }
        expect(output).toMatch(/^A3 .*\n {5}policy {5}replication-storage-redundancy\n {16}proved by test\/policies\/replication-storage-redundancy\.test\.ts/m);
        expect(output).toMatch(/^R5 .*\n {5}not enforced$/m);
    });
});
