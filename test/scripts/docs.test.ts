import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { policies } from "../../policies/pack";
import { README, policyTable, withPolicyTable } from "../../scripts/docs";

describe("the policy table of policies/README.md", () => {
    it("is the one pack.ts gives (run `npm run docs` after changing a policy)", () => {
        const readme = readFileSync(README, "utf8");
        expect(withPolicyTable(readme)).toBe(readme);
    });

    it("has a row per policy with its kind, facts, level, severity, options and remediation", () => {
        const rows = policyTable().split("\n").slice(2);
        expect(rows).toHaveLength(policies.length);
        expect(rows).toContain("| `replication-storage-redundancy` | resource | A3 | mandatory | high | `allowedSkus` |  |");
        expect(rows).toContain("| `storage-in-vault-region` | stack | A1 | mandatory | critical |  |  |");
        expect(rows).toContain("| `replication-storage-secure-transport` | resource | none | mandatory | high |  | yes |");
    });

    it("is written between the markers, whatever was there", () => {
        const stale = "intro\n<!-- policy table: written by `npm run docs` from pack.ts -->\n| old |\n<!-- end of policy table -->\nrest\n";
        expect(withPolicyTable(stale)).toBe(
            `intro\n<!-- policy table: written by \`npm run docs\` from pack.ts -->\n${policyTable()}\n<!-- end of policy table -->\nrest\n`,
        );
        expect(() => withPolicyTable("no markers")).toThrow(/lacks the markers/);
    });
});
