// Self-test of the language-host harness: throwaway Pulumi TypeScript projects are written to a temp
// directory (with this repo's node_modules linked in) and run through `runProgramAsLanguageHost`,
// i.e. through @pulumi/pulumi/cmd/run + ts-node, against the fake engine.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import {
    findResource,
    logMessages,
    OUTPUT_VALUE_SIG,
    SECRET_SIG,
    SPECIAL_SIG_KEY,
    stackOutputs,
    stackResource,
} from "./fake-engine";
import { parseConfigKey, programInfo, readStackConfig, runProgramAsLanguageHost, shellSplit } from "./run-program";

const repoNodeModules = path.resolve(__dirname, "..", "..", "node_modules");
// Below vitest's 60 s test timeout, so a hung program is killed by the harness (with its output kept)
// rather than abandoned by vitest.
const TIMEOUT_MS = 45_000;
const tempDirs: string[] = [];

afterAll(() => {
    for (const dir of tempDirs) {
        fs.rmSync(dir, { recursive: true, force: true });
    }
});

interface TinyProject {
    indexTs: string;
    pulumiYaml?: string;
    files?: Record<string, string>;
}

function writeProject(name: string, project: TinyProject): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pulumi-harness-${name}-`));
    tempDirs.push(dir);
    const files: Record<string, string> = {
        "Pulumi.yaml":
            project.pulumiYaml ??
            [`name: ${name}`, "runtime:", "  name: nodejs", "  options:", "    typescript: true", ""].join("\n"),
        "package.json": JSON.stringify({ name, version: "0.0.0", private: true, license: "UNLICENSED" }, null, 2),
        "tsconfig.json": JSON.stringify(
            {
                compilerOptions: {
                    target: "ES2022",
                    module: "nodenext",
                    moduleResolution: "nodenext",
                    strict: true,
                    types: ["node"],
                    esModuleInterop: true,
                    skipLibCheck: true,
                },
                "ts-node": { transpileOnly: true },
                files: ["index.ts"],
            },
            null,
            2,
        ),
        "index.ts": project.indexTs,
        ...project.files,
    };
    for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
    }
    fs.symlinkSync(repoNodeModules, path.join(dir, "node_modules"), "dir");
    return dir;
}

const COMPONENT_PROGRAM = `
import * as pulumi from "@pulumi/pulumi";

interface ThingArgs {
    size: pulumi.Input<number>;
    label?: pulumi.Input<string>;
}

class Thing extends pulumi.CustomResource {
    declare readonly size: pulumi.Output<number>;
    constructor(name: string, args: ThingArgs, opts?: pulumi.CustomResourceOptions) {
        super("test:index:Thing", name, { size: args.size, label: args.label }, opts);
    }
}

class Group extends pulumi.ComponentResource {
    readonly thing: Thing;
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("test:index:Group", name, {}, opts);
        this.thing = new Thing(\`\${name}-thing\`, { size: 3, label: "x" }, { parent: this, protect: true, ignoreChanges: ["label"] });
        this.registerOutputs({ thingId: this.thing.id });
    }
}

const config = new pulumi.Config();
const group = new Group("group");

export const thingUrn = group.thing.urn;
export const thingSize = group.thing.size;
export const greeting = config.require("greeting");
export const tokenLength = config.requireSecret("token").apply((t) => t.length);
export const stackName = pulumi.getStack();
export const projectName = pulumi.getProject();
export const organizationName = pulumi.getOrganization();
export const isPreview = pulumi.runtime.isDryRun();
`;

describe("runProgramAsLanguageHost", () => {
    it("runs a TypeScript program with a component, a protected child and stack outputs", async () => {
        const dir = writeProject("harness-ok", { indexTs: COMPONENT_PROGRAM });
        const result = await runProgramAsLanguageHost({
            projectDir: dir,
            stack: "dev",
            config: { greeting: "hello" },
            secretConfig: { "harness-ok:token": "s3cr3t" },
            preview: true,
            timeoutMs: TIMEOUT_MS,
        });
        const diagnostics = `exit=${result.exitCode}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}\nlogs:\n${JSON.stringify(result.records.logs, null, 2)}`;
        expect(result.exitCode, diagnostics).toBe(0);
        expect(result.timedOut).toBe(false);
        expect(logMessages(result.records, "error"), diagnostics).toEqual([]);
        expect(result.records.shutdownSignalled).toBe(true);

        // The language host's argv and environment.
        expect(result.argv).toEqual(
            expect.arrayContaining([
                "--monitor",
                "--engine",
                "--sync",
                "--organization",
                "--project",
                "harness-ok",
                "--root-directory",
                "--stack",
                "dev",
                "--pwd",
                dir,
                "--dry-run",
                "--parallel",
            ]),
        );
        expect(result.argv[result.argv.length - 1]).toBe(".");
        expect(result.hostEnv["PULUMI_NODEJS_TYPESCRIPT"]).toBe("true");
        expect(JSON.parse(result.hostEnv["PULUMI_CONFIG"] ?? "{}")).toEqual({
            "harness-ok:config:greeting": "hello",
            "harness-ok:config:token": "s3cr3t",
        });
        expect(JSON.parse(result.hostEnv["PULUMI_CONFIG_SECRET_KEYS"] ?? "[]")).toEqual(["harness-ok:token"]);

        // The stack resource, registered first and set as the root resource.
        const stack = stackResource(result.records);
        expect(stack).toBeDefined();
        expect(stack?.name).toBe("harness-ok-dev");
        expect(stack?.parent).toBe("");
        expect(stack?.urn).toBe("urn:pulumi:dev::harness-ok::pulumi:pulumi:Stack::harness-ok-dev");
        expect(result.records.rootResource).toBe(stack?.urn);
        expect(result.records.resources[0]?.type).toBe("pulumi:pulumi:Stack");

        // The component, parented to the stack.
        const group = findResource(result.records, "test:index:Group", "group");
        expect(group.custom).toBe(false);
        expect(group.id).toBe("");
        expect(group.parent).toBe(stack?.urn);
        expect(group.urn).toBe("urn:pulumi:dev::harness-ok::test:index:Group::group");

        // The child custom resource, parented to the component, protected.
        const thing = findResource(result.records, "test:index:Thing", "group-thing");
        expect(thing.custom).toBe(true);
        expect(thing.parent).toBe(group.urn);
        expect(thing.urn).toBe("urn:pulumi:dev::harness-ok::test:index:Group$test:index:Thing::group-thing");
        expect(thing.protect).toBe(true);
        expect(thing.ignoreChanges).toEqual(["label"]);
        expect(thing.deleteBeforeReplace).toBeUndefined();
        expect(thing.inputs).toEqual({ size: 3, label: "x" });
        expect(thing.id).toBe("group-thing_id");

        // Outputs: the component's, then the stack's (the program's exports).
        const groupOutputs = result.records.outputs.find((o) => o.urn === group.urn);
        expect(groupOutputs?.outputs).toEqual({ thingId: "group-thing_id" });
        const outputs = stackOutputs(result.records);
        expect(outputs).toEqual({
            thingUrn: thing.urn,
            thingSize: 3,
            greeting: "hello",
            tokenLength: 6,
            stackName: "dev",
            projectName: "harness-ok",
            organizationName: "organization",
            isPreview: true,
        });
        // The secret-derived export stays secret on the wire.
        const stackRaw = result.records.outputs.find((o) => o.urn === stack?.urn)?.object ?? {};
        expect(stackRaw["tokenLength"]).toEqual({ [SPECIAL_SIG_KEY]: SECRET_SIG, value: 6 });
        expect(JSON.stringify(stackRaw)).not.toContain(OUTPUT_VALUE_SIG);
    });

    it("fails with a non-zero exit code and logs the error to the engine when the program throws at load", async () => {
        const dir = writeProject("harness-throws", {
            indexTs: [
                'import * as pulumi from "@pulumi/pulumi";',
                'new pulumi.ComponentResource("test:index:Before", "before");',
                'throw new Error("boom at load: harness self-test");',
                "",
            ].join("\n"),
        });
        const result = await runProgramAsLanguageHost({ projectDir: dir, stack: "dev", timeoutMs: TIMEOUT_MS });
        expect(result.timedOut).toBe(false);
        expect(result.exitCode).not.toBe(0);
        expect(result.exitCode).not.toBeNull();
        const errors = logMessages(result.records, "error");
        expect(errors.some((m) => m.includes("boom at load: harness self-test")), JSON.stringify(errors)).toBe(true);
        // The stack trace points at the TypeScript source (source maps through ts-node).
        expect(errors.join("\n")).toMatch(/index\.ts:3:7/);
        // 32: the SDK logged the error to the engine itself, so the host adds nothing.
        expect(result.exitCode).toBe(32);
        expect(result.records.shutdownSignalled).toBe(false);
    });

    it("reports a TypeScript syntax error through the engine log", async () => {
        const dir = writeProject("harness-syntax", { indexTs: "export const x: number = ;\n" });
        const result = await runProgramAsLanguageHost({ projectDir: dir, stack: "dev", timeoutMs: TIMEOUT_MS });
        expect(result.exitCode).not.toBe(0);
        const errors = logMessages(result.records, "error").join("\n");
        expect(errors).toContain("Unable to compile TypeScript");
        expect(errors).toContain("index.ts(1,26): error TS1109");
    });

    it("runs stack transforms and resource transforms through the program's callback server", async () => {
        const dir = writeProject("harness-transforms", {
            indexTs: `
import * as pulumi from "@pulumi/pulumi";

pulumi.runtime.registerResourceTransform((args) => {
    if (args.type === "test:index:Thing") {
        return { props: { ...args.props, tags: { owner: "stack-transform" } }, opts: args.opts };
    }
    return undefined;
});

class Thing extends pulumi.CustomResource {
    constructor(name: string, props: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
        super("test:index:Thing", name, props, opts);
    }
}

new Thing("plain", { size: 1 });
new Thing("retained", { size: 2 }, {
    transforms: [(args) => ({ props: args.props, opts: pulumi.mergeOptions(args.opts, { retainOnDelete: true }) })],
});
`,
        });
        const result = await runProgramAsLanguageHost({ projectDir: dir, stack: "dev", timeoutMs: TIMEOUT_MS });
        expect(result.exitCode, result.stderr + JSON.stringify(result.records.logs)).toBe(0);
        expect(result.records.stackTransforms).toBe(1);
        const plain = findResource(result.records, "test:index:Thing", "plain");
        expect(plain.inputs).toEqual({ size: 1, tags: { owner: "stack-transform" } });
        // The SDK sends the options back from the stack transform with retainOnDelete set (to false).
        expect(plain.retainOnDelete).toBeFalsy();
        const retained = findResource(result.records, "test:index:Thing", "retained");
        expect(retained.transformsRun).toBe(2);
        expect(retained.retainOnDelete).toBe(true);
        expect(retained.inputs).toEqual({ size: 2, tags: { owner: "stack-transform" } });
    });

    it("honours `main` and `typescript: false` from Pulumi.yaml", async () => {
        const dir = writeProject("harness-main", {
            pulumiYaml: [
                "name: harness-main",
                "main: app/entry.js",
                "runtime:",
                "  name: nodejs",
                "  options:",
                "    typescript: false",
                "",
            ].join("\n"),
            indexTs: "throw new Error('index.ts must not be loaded');\n",
            files: {
                "app/entry.js": [
                    'const pulumi = require("@pulumi/pulumi");',
                    'const c = new pulumi.ComponentResource("test:index:Js", "js");',
                    "exports.cwd = process.cwd();",
                    "exports.urn = c.urn;",
                    "",
                ].join("\n"),
            },
        });
        const result = await runProgramAsLanguageHost({
            projectDir: dir,
            stack: "prod",
            preview: false,
            timeoutMs: TIMEOUT_MS,
        });
        expect(result.exitCode, result.stderr + JSON.stringify(result.records.logs)).toBe(0);
        expect(result.hostEnv["PULUMI_NODEJS_TYPESCRIPT"]).toBeUndefined();
        expect(result.argv).not.toContain("--dry-run");
        expect(result.programInfo).toEqual({
            rootDirectory: dir,
            programDirectory: path.join(dir, "app"),
            entryPoint: "entry.js",
        });
        expect(stackOutputs(result.records)).toEqual({
            cwd: path.join(dir, "app"),
            urn: "urn:pulumi:prod::harness-main::test:index:Js::js",
        });
    });
});

describe("runProgramAsLanguageHost edge cases", () => {
    it("works against an engine without GetDeploymentInfo (the SDK then probes SupportsFeature)", async () => {
        const dir = writeProject("harness-legacy", {
            indexTs: [
                'import * as pulumi from "@pulumi/pulumi";',
                'const c = new pulumi.ComponentResource("test:index:C", "c");',
                "export const urn = c.urn;",
                "",
            ].join("\n"),
        });
        const result = await runProgramAsLanguageHost({
            projectDir: dir,
            stack: "dev",
            timeoutMs: TIMEOUT_MS,
            engine: { deploymentInfo: false },
        });
        expect(result.exitCode, result.stderr + JSON.stringify(result.records.logs)).toBe(0);
        expect(result.records.featureQueries).toEqual(
            expect.arrayContaining(["secrets", "resourceReferences", "outputValues", "aliasSpecs", "transforms"]),
        );
        expect(stackOutputs(result.records)).toEqual({ urn: "urn:pulumi:dev::harness-legacy::test:index:C::c" });
    });

    it("fails a program that registers two resources with the same URN, like the engine", async () => {
        const dir = writeProject("harness-dup", {
            indexTs: [
                'import * as pulumi from "@pulumi/pulumi";',
                'new pulumi.ComponentResource("test:index:C", "same");',
                'new pulumi.ComponentResource("test:index:C", "same");',
                "",
            ].join("\n"),
        });
        const result = await runProgramAsLanguageHost({ projectDir: dir, stack: "dev", timeoutMs: TIMEOUT_MS });
        expect(result.exitCode).not.toBe(0);
        const errors = logMessages(result.records, "error").join("\n");
        expect(errors).toContain("Duplicate resource URN 'urn:pulumi:dev::harness-dup::test:index:C::same'");
    });

    it("records invokes and answers them with onInvoke", async () => {
        const dir = writeProject("harness-invoke", {
            indexTs: [
                'import * as pulumi from "@pulumi/pulumi";',
                'export const answer = pulumi.runtime.invoke("test:index:getAnswer", { question: "life" }).then((r) => r["value"]);',
                "",
            ].join("\n"),
        });
        const result = await runProgramAsLanguageHost({
            projectDir: dir,
            stack: "dev",
            timeoutMs: TIMEOUT_MS,
            engine: { onInvoke: (req) => (req.token === "test:index:getAnswer" ? { value: 42 } : undefined) },
        });
        expect(result.exitCode, result.stderr + JSON.stringify(result.records.logs)).toBe(0);
        expect(result.records.invokes.map((i) => [i.token, i.args])).toEqual([
            ["test:index:getAnswer", { question: "life" }],
        ]);
        expect(stackOutputs(result.records)).toEqual({ answer: 42 });
    });

    it("kills a program that never finishes once the timeout passes", async () => {
        const dir = writeProject("harness-hangs", {
            indexTs: 'import * as pulumi from "@pulumi/pulumi";\nexport const x = pulumi.output(new Promise<number>(() => undefined));\nsetInterval(() => undefined, 1000);\n',
        });
        const result = await runProgramAsLanguageHost({ projectDir: dir, stack: "dev", timeoutMs: 4_000 });
        expect(result.timedOut).toBe(true);
        expect(result.exitCode === 0).toBe(false);
        expect(result.durationMs).toBeLessThan(20_000);
    });
});

describe("language host helpers", () => {
    it("parses config keys like the engine", () => {
        expect(parseConfigKey("proj:key", "p")).toEqual({ namespace: "proj", name: "key" });
        expect(parseConfigKey("azure-native:location", "p")).toEqual({ namespace: "azure-native", name: "location" });
        expect(parseConfigKey("proj:config:key", "p")).toEqual({ namespace: "proj", name: "key" });
        expect(parseConfigKey("key", "p")).toEqual({ namespace: "p", name: "key" });
        expect(() => parseConfigKey("a:b:c", "p")).toThrow(/configuration key/);
    });

    it("splits nodeargs like shlex", () => {
        expect(shellSplit("--max-old-space-size=4096 --require 'a b.js' \"c\\\"d\"")).toEqual([
            "--max-old-space-size=4096",
            "--require",
            "a b.js",
            'c"d',
        ]);
        expect(shellSplit("   ")).toEqual([]);
    });

    it("reads stack config like the CLI: stack file over project defaults, JSON for non-strings", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-harness-config-"));
        tempDirs.push(dir);
        fs.writeFileSync(
            path.join(dir, "Pulumi.yaml"),
            [
                "name: proj",
                "runtime: nodejs",
                "config:",
                "  region:",
                "    type: string",
                "    default: eu",
                "  size: 2",
                "  proj:mode:",
                "    value: fast",
                "",
            ].join("\n"),
        );
        fs.writeFileSync(
            path.join(dir, "Pulumi.dev.yaml"),
            [
                "config:",
                "  proj:region: us",
                "  proj:enabled: false",
                "  proj:net:",
                "    cidrs: [10.0.0.0/16]",
                "  azure-native:location: westeurope",
                "  proj:password:",
                "    secure: v1:abc",
                "",
            ].join("\n"),
        );
        expect(readStackConfig(dir, "dev")).toEqual({
            config: {
                "proj:region": "us",
                "proj:size": "2",
                "proj:mode": "fast",
                "proj:enabled": "false",
                "proj:net": '{"cidrs":["10.0.0.0/16"]}',
                "azure-native:location": "westeurope",
            },
            secureKeys: ["proj:password"],
        });
    });

    it("derives program directory and entry point from main", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-harness-main-"));
        tempDirs.push(dir);
        fs.mkdirSync(path.join(dir, "src"));
        fs.writeFileSync(path.join(dir, "src", "index.ts"), "");
        expect(programInfo(dir, "")).toEqual({ rootDirectory: dir, programDirectory: dir, entryPoint: "." });
        expect(programInfo(dir, "src")).toEqual({
            rootDirectory: dir,
            programDirectory: path.join(dir, "src"),
            entryPoint: ".",
        });
        expect(programInfo(dir, "src/index.ts")).toEqual({
            rootDirectory: dir,
            programDirectory: path.join(dir, "src"),
            entryPoint: "index.ts",
        });
    });
});
