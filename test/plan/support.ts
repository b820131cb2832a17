import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { planDocumentSchema, type PlanDocument } from "../../plan/document";
import { REPO_ROOT } from "../support/record";

/** Runs `npm run plan -- <args>` as a user would: the same entry point, in a process of its own. */
export function plan(...args: string[]) {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, "plan", "main.cjs"), ...args], { cwd: REPO_ROOT, encoding: "utf8" });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The `--json` document of a plan, checked against its published schema. */
export function planJson(...args: string[]): { code: number | null; stderr: string; document: PlanDocument } {
    const { code, stdout, stderr } = plan(...args, "--json");
    return { code, stderr, document: planDocumentSchema.parse(JSON.parse(stdout)) };
}
