// The pack keeps what it compiles in Node's compile cache, under the temporary directory,
// though the engine ends it with a signal; a user turns that off with
// NODE_DISABLE_COMPILE_CACHE=1.

import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startPolicyPack } from "../../engine/analyzer-host";
import { startEngineServer } from "../../engine/monitor-server";
import { REPO_ROOT } from "../support/record";

const IDENTITY = { organization: "organization", project: "asr-hyperv", stack: "dev", dryRun: true, config: {} };

const dirs: string[] = [];
const saved = { TMPDIR: process.env.TMPDIR, NODE_DISABLE_COMPILE_CACHE: process.env.NODE_DISABLE_COMPILE_CACHE };

afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) {
            delete process.env[key];
        } else {
            process.env[key] = value;
        }
    }
    dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

/** The files of the compile cache a pack leaves when it runs with `env` and a temporary directory of its own. */
async function cacheAfterStart(env: Record<string, string>): Promise<string[]> {
    const temporary = mkdtempSync(path.join(tmpdir(), "pack-cache-"));
    dirs.push(temporary);
    Object.assign(process.env, { TMPDIR: temporary, ...env });
    const engine = await startEngineServer({ ...IDENTITY, preview: true, secretKeys: [] });
    try {
        const pack = await startPolicyPack(path.join(REPO_ROOT, "policies"), engine.address, IDENTITY);
        await pack.getAnalyzerInfo();
        await pack.stop();
    } finally {
        await engine.close();
    }
    const cache = path.join(temporary, "node-compile-cache");
    return existsSync(cache) ? readdirSync(cache, { recursive: true, encoding: "utf8" }) : [];
}

describe("the pack's compile cache", () => {
    it("is written when the pack has started, though the engine ends it with a signal", async () => {
        expect((await cacheAfterStart({})).length).toBeGreaterThan(10);
    });

    it("is not written with NODE_DISABLE_COMPILE_CACHE=1", async () => {
        expect(await cacheAfterStart({ NODE_DISABLE_COMPILE_CACHE: "1" })).toEqual([]);
    });
});
