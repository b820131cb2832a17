// The policy pack as `pulumi policy publish` ships it. The CLI uploads what `npm pack` makes of
// the pack folder (pulumi/pulumi pkg/backend/httpstate/policypack.go, cloudPolicyPack.Publish,
// through sdk/nodejs/npm/npm.go, npmManager.Pack: `npm pack --loglevel=error` in the folder).
// Whoever enforces the pack extracts the archive's `package/` folder into
// ~/.pulumi/policies/<org>/<pack>/<version>, runs `npm install` there (installRequiredPolicy)
// (whose `postinstall` builds it) and starts it through `run-policy-pack`. So the copy has
// nothing of the repository: no root tsconfig.json, no workspace, only the archive's files and
// the packages its package.json names.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPolicyPack, type AnalyzedResource, type AnalyzerInfo, type PolicyPackProcess } from "../../engine/analyzer-host";
import { startEngineServer, type EngineServer } from "../../engine/monitor-server";
import { reconcilePackConfig } from "../../engine/pack-config";
import { readStack } from "../../engine/project";
import { engineUrn } from "../../engine/urn";
import { PACK_NAME, policies } from "../../policies/pack";
import { ROLE_TAG, ROLES, VAULT_TAG } from "../../policies/rules/role-tags";
import { REPO_ROOT } from "../support/record";

const PACK_DIR = path.join(REPO_ROOT, "policies");
// Not `tsconfig.json`: the runner parses a tsconfig.json in the pack's folder at every start,
// though the pack starts from built JavaScript.
const PACK_TSCONFIG = "tsconfig.build.json";
const PROJECT = "asr-hyperv";
const STACK = "dev";
const STACK_URN = engineUrn(STACK, PROJECT, "", "pulumi:pulumi:Stack", `${PROJECT}-${STACK}`);

interface PackageJson {
    version: string;
    dependencies: Record<string, string>;
}

/** `npm pack` of the pack folder, extracted as installRequiredPolicy extracts it; returns the `package/` folder. */
function publishedCopy(into: string): string {
    const filename = execFileSync("npm", ["pack", "--loglevel=error", "--pack-destination", into], { cwd: PACK_DIR, encoding: "utf8" }).trim();
    execFileSync("tar", ["-xzf", filename], { cwd: into });
    return path.join(into, "package");
}

/**
 * What `npm install` does in the copy, without the network: each dependency its package.json
 * names, linked from the repository's node_modules with its commands in node_modules/.bin,
 * then the copy's `postinstall`, which builds the pack. A package the pack's code, its
 * tsconfig.build.json or its build uses but package.json does not name stays unresolvable
 * from the copy. The archive's own `bin/` is removed first, so that the pack can only start
 * from what the copy built.
 */
function install(packageDir: string): void {
    const { dependencies } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as PackageJson;
    const binDir = path.join(packageDir, "node_modules", ".bin");
    mkdirSync(binDir, { recursive: true });
    for (const name of Object.keys(dependencies)) {
        const link = path.join(packageDir, "node_modules", name);
        mkdirSync(path.dirname(link), { recursive: true });
        symlinkSync(path.join(REPO_ROOT, "node_modules", name), link, "junction");
        const { bin } = JSON.parse(readFileSync(path.join(link, "package.json"), "utf8")) as { bin?: string | Record<string, string> };
        const commands = typeof bin === "string" ? { [name.split("/").pop()!]: bin } : (bin ?? {});
        for (const [command, file] of Object.entries(commands)) {
            symlinkSync(path.join(link, file), path.join(binDir, command));
        }
    }
    rmSync(path.join(packageDir, "bin"), { recursive: true, force: true });
    // Without the repository's node_modules/.bin that npx or npm put on this process's PATH.
    const PATH = (process.env.PATH ?? "")
        .split(path.delimiter)
        .filter((dir) => path.basename(dir) !== ".bin" || path.basename(path.dirname(dir)) !== "node_modules")
        .join(path.delimiter);
    execFileSync("npm", ["run", "--silent", "postinstall"], { cwd: packageDir, encoding: "utf8", stdio: "pipe", env: { ...process.env, PATH } });
}

/** The compiler options a tsconfig.json resolves to, without those that say where files are. */
function checks(tsconfig: string): ts.CompilerOptions {
    const { config, error } = ts.readConfigFile(tsconfig, (file) => ts.sys.readFile(file));
    expect(error).toBeUndefined();
    const options = ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(tsconfig)).options;
    for (const location of ["rootDir", "outDir", "sourceMap", "noEmit", "configFilePath"]) {
        delete options[location];
    }
    return options;
}

/** What the type check of the pack's build prints: the copy's own tsconfig.build.json and packages only. */
function typeCheck(dir: string): string {
    const host: ts.FormatDiagnosticsHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => dir, getNewLine: () => "\n" };
    const errors: ts.Diagnostic[] = [];
    const parsed = ts.getParsedCommandLineOfConfigFile(path.join(dir, PACK_TSCONFIG), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => errors.push(d) });
    if (parsed !== undefined) {
        errors.push(...parsed.errors, ...ts.getPreEmitDiagnostics(ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options })));
    }
    return ts.formatDiagnostics(errors, host);
}

let workDir: string;
let installed: string;
let engine: EngineServer;
let pack: PolicyPackProcess;
let info: AnalyzerInfo;

beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), "asr-hyperv-published-"));
    installed = publishedCopy(workDir);
    install(installed);
    const { config } = readStack(REPO_ROOT, STACK);
    const identity = { organization: "organization", project: PROJECT, stack: STACK, dryRun: true, config };
    engine = await startEngineServer({ ...identity, preview: true, secretKeys: [] });
    pack = await startPolicyPack(installed, engine.address, identity);
    await pack.configureStack({ "pulumi:project": PROJECT });
    info = await pack.getAnalyzerInfo();
    await pack.configure(reconcilePackConfig(info.policies).policies);
}, 120_000);

afterAll(async () => {
    if (pack !== undefined) {
        console.info(`published policy pack: port after ${pack.startupMs.toFixed(0)} ms`);
        await pack.stop();
    }
    await engine?.close();
    rmSync(workDir, { recursive: true, force: true });
});

describe("the published pack, installed outside the repository", () => {
    it("builds on its own: its tsconfig.build.json and the packages it names type-check it", () => {
        expect(typeCheck(installed)).toBe("");
    });

    it("starts from the one file its own build wrote, with no tsconfig.json for the runner to parse", () => {
        const { main } = JSON.parse(readFileSync(path.join(installed, "package.json"), "utf8")) as PackageJson & { main: string };
        expect(main).toBe("bin/index.js");
        expect(readdirSync(path.join(installed, "bin")).filter((file) => file.endsWith(".js"))).toEqual(["index.js"]);
        expect(existsSync(path.join(installed, "tsconfig.json"))).toBe(false);
    });

    it("starts through run-policy-pack without a word on stderr", () => {
        expect(pack.running()).toBe(true);
        expect(pack.stderr()).toBe("");
        expect(engine.records.logs.filter((l) => l.severity === "error")).toEqual([]);
    });

    it("describes itself from its own package.json and lists every policy", () => {
        const { version } = JSON.parse(readFileSync(path.join(installed, "package.json"), "utf8")) as PackageJson;
        expect(info).toMatchObject({ name: PACK_NAME, version, supportsConfig: true });
        expect(info.policies.map((p) => p.name)).toEqual(policies.map((p) => p.name));
    });

    it("judges a resource: a ZRS account serving a vault violates A3", async () => {
        const type = "azure-native:storage:StorageAccount";
        const account: AnalyzedResource = {
            type,
            name: "replication-storage",
            urn: engineUrn(STACK, PROJECT, STACK_URN, type, "replication-storage"),
            parent: STACK_URN,
            properties: {
                resourceGroupName: "rg-asr-dr-dev",
                kind: "StorageV2",
                location: "westeurope",
                sku: { name: "Standard_ZRS" },
                enableHttpsTrafficOnly: true,
                tags: { [ROLE_TAG]: ROLES.replicationStorage, [VAULT_TAG]: "rsv-dr" },
            },
        };
        const result = await pack.analyze(account);
        const redundancy = result.diagnostics.find((d) => d.policyName === "replication-storage-redundancy");
        expect(redundancy, JSON.stringify(result.diagnostics)).toMatchObject({ policyPackName: PACK_NAME, enforcementLevel: "mandatory" });
        expect(redundancy?.violation).toMatch(/"Standard_ZRS".*\(A3: /);
    });
});

describe("the pack's own tsconfig.build.json", () => {
    it("checks as strictly as the repository's: only where its output goes differs", () => {
        expect(checks(path.join(PACK_DIR, PACK_TSCONFIG))).toEqual(checks(path.join(REPO_ROOT, "tsconfig.json")));
    });
});
