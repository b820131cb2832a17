import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/record";

interface Run {
    code: number | null;
    stdout: string;
    stderr: string;
}

/** `npm run plan -- --json` in a process of its own, with its transpile cache in `cacheDir`. */
function planWithCache(cacheDir: string): Promise<Run> {
    return new Promise((resolve) => {
        const child = spawn(process.execPath, [join(REPO_ROOT, "plan", "main.cjs"), "--stack", "dev", "--json"], {
            cwd: REPO_ROOT,
            env: { ...process.env, ASR_HYPERV_PLAN_CACHE: cacheDir },
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
}

const entries = (cacheDir: string) => readdirSync(cacheDir).map((name) => join(cacheDir, name));

describe("the plan's transpile cache", () => {
    let cacheDir: string;
    let together: Run[];

    // Two plans started together on a cold cache: the case that used to fail.
    beforeAll(async () => {
        cacheDir = mkdtempSync(join(tmpdir(), "asr-hyperv-plan-cache-"));
        together = await Promise.all([planWithCache(cacheDir), planWithCache(cacheDir)]);
    });
    afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

    it("serves two plans started together on a cold cache, and leaves only whole entries", () => {
        const [first, second] = together as [Run, Run];
        expect(first.code, first.stderr).toBe(0);
        expect(second.code, second.stderr).toBe(0);
        expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
        const files = entries(cacheDir);
        expect(files.length).toBeGreaterThan(10);
        expect(files.filter((file) => !file.endsWith(".js"))).toEqual([]);
        for (const file of files) {
            expect(readFileSync(file, "utf8")).toMatch(/\n\/\/ asr-hyperv-plan [0-9a-f]{64}\n$/);
        }
    });

    it("transpiles again over an entry left empty, cut short or written for other source", async () => {
        const files = entries(cacheDir);
        const whole = new Map(files.map((file) => [file, readFileSync(file, "utf8")]));
        files.forEach((file, index) => {
            const text = whole.get(file)!;
            const damaged = [
                "",
                text.slice(0, Math.floor(text.length / 2)),
                // Another entry's whole text: valid JavaScript, for another file.
                whole.get(files[(index + 1) % files.length]!)!,
            ][index % 3]!;
            writeFileSync(file, damaged);
        });
        const again = await planWithCache(cacheDir);
        expect(again.code, again.stderr).toBe(0);
        expect(JSON.parse(again.stdout)).toEqual(JSON.parse(together[0]!.stdout));
        for (const file of files) {
            expect(readFileSync(file, "utf8")).toBe(whole.get(file));
        }
    });
});
