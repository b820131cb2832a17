import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { programInfo, programPath, readProject, readStack, selectedStack } from "../../engine/project";

function project(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), "asr-project-"));
    for (const [name, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), text);
    }
    return dir;
}

describe("readStack", () => {
    it("hands config over as Pulumi does: qualified keys, text as is, everything else as JSON, stack over project", () => {
        const dir = project({
            "Pulumi.yaml": "name: demo\nruntime: nodejs\nconfig:\n  size:\n    default: 2\n  demo:mode: fast\n",
            "Pulumi.dev.yaml": "config:\n  azure-native:location: westeurope\n  demo:mode: slow\n  demo:net:\n    cidrs: [10.0.0.0/16]\n  demo:on: true\n  demo:password:\n    secure: v1:abc\n",
        });
        const settings = readStack(dir, "dev");
        expect(settings.config).toEqual({
            "demo:size": "2",
            "demo:mode": "slow",
            "azure-native:location": "westeurope",
            "demo:net": '{"cidrs":["10.0.0.0/16"]}',
            "demo:on": "true",
            "demo:password": "[secret]",
        });
        expect(settings.secretKeys).toEqual(["demo:password"]);
    });

    it("names the file that is missing or broken", () => {
        const dir = project({ "Pulumi.yaml": "name: demo\nruntime: nodejs\n", "Pulumi.bad.yaml": "config: [unclosed\n" });
        expect(() => readStack(dir, "bad")).toThrow(/Pulumi\.bad\.yaml: not valid YAML: unexpected end of the stream within a flow collection \(line 2, column 1\)$/);
        expect(() => readStack(project({}), "dev")).toThrow(/Pulumi\.yaml: file not found/);
        const odd = project({ "Pulumi.yaml": "name: demo\nruntime: nodejs\n", "Pulumi.list.yaml": "- a\n- b\n", "Pulumi.text.yaml": "config: hello\n", "Pulumi.folder.yaml/x": "" });
        writeFileSync(join(odd, "Pulumi.binary.yaml"), Buffer.from([0x63, 0x00, 0xff, 0xfe, 0x01]));
        expect(() => readStack(odd, "list")).toThrow(/Pulumi\.list\.yaml: expected a mapping with a config key, found a list/);
        expect(() => readStack(odd, "text")).toThrow(/Pulumi\.text\.yaml: config: expected a mapping of keys to values, found text/);
        expect(() => readStack(odd, "folder")).toThrow(/Pulumi\.folder\.yaml: is a folder, not a file/);
        expect(() => readStack(odd, "binary")).toThrow(/Pulumi\.binary\.yaml: not a text file$/);
    });
});

describe("stack files as the CLI writes and finds them", () => {
    it("takes a missing stack file as empty config, as pulumi does for a new stack, and says so", () => {
        const settings = readStack(project({ "Pulumi.yaml": "name: demo\nruntime: nodejs\n" }), "prod");
        expect(settings.config).toEqual({});
        expect(settings.notes).toEqual([expect.stringMatching(/Pulumi\.prod\.yaml does not exist/)]);
    });

    it("reads secrets set with --secret, and with --path, as unknown secrets, never their ciphertext", () => {
        const dir = project({
            "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
            "Pulumi.dev.yaml": "config:\n  demo:token:\n    secure: v1:AAAA\n  demo:storage:\n    nameSeed:\n      secure: v1:BBBB\n    performance: Premium\n",
        });
        const settings = readStack(dir, "dev");
        expect(settings.secretKeys).toEqual(["demo:token", "demo:storage"]);
        expect(settings.config).toEqual({ "demo:token": "[secret]", "demo:storage": '{"nameSeed":"[secret]","performance":"Premium"}' });
        expect(JSON.stringify(settings)).not.toMatch(/v1:/);
    });

    it("finds stack files in stackConfigDir, with the project file's extension, and says what ESC would have added", () => {
        const dir = project({
            "Pulumi.yml": "name: demo\nruntime: nodejs\nstackConfigDir: stacks\n",
            "stacks/Pulumi.dev.yml": "environment:\n  - dr/azure\nconfig:\n  demo:mode: fast\n",
        });
        const settings = readStack(dir, "dev");
        expect(settings.file).toBe(join(dir, "stacks", "Pulumi.dev.yml"));
        expect(settings.config).toEqual({ "demo:mode": "fast" });
        expect(settings.notes).toEqual([expect.stringMatching(/environment \["dr\/azure"\]: Pulumi ESC environments can't be opened offline/)]);
    });

    it("selects the stack as the CLI does without --stack: PULUMI_STACK, else the workspace's selection", () => {
        const dir = project({ "Pulumi.yaml": "name: demo\nruntime: nodejs\n" });
        const home = mkdtempSync(join(tmpdir(), "asr-pulumi-home-"));
        const saved = { PULUMI_HOME: process.env.PULUMI_HOME, PULUMI_STACK: process.env.PULUMI_STACK, PULUMI_BACKEND_URL: process.env.PULUMI_BACKEND_URL };
        try {
            process.env.PULUMI_HOME = home;
            delete process.env.PULUMI_STACK;
            process.env.PULUMI_BACKEND_URL = "file://~";
            const settings = readProject(dir);
            expect(selectedStack(settings)).toBeUndefined();
            const hash = createHash("sha1").update(settings.file).digest("hex");
            mkdirSync(join(home, "workspaces"));
            writeFileSync(join(home, "workspaces", `demo-${hash}-workspace.json`), JSON.stringify({ stacks: { "file://~": "organization/demo/prod" } }));
            expect(selectedStack(settings)).toBe("prod");
            process.env.PULUMI_STACK = "staging";
            expect(selectedStack(settings)).toBe("staging");
        } finally {
            for (const [key, value] of Object.entries(saved)) {
                if (value === undefined) {
                    delete process.env[key];
                } else {
                    process.env[key] = value;
                }
            }
        }
    });
});

describe("readProject", () => {
    it("reads name, runtime options with the language host's defaults, and main; Pulumi.yml too", () => {
        const dir = project({ "Pulumi.yml": "name: demo\nmain: src/\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n" });
        expect(readProject(dir)).toEqual({
            dir,
            file: join(dir, "Pulumi.yml"),
            name: "demo",
            runtime: "nodejs",
            runtimeOptions: { typescript: false, tsconfig: "", nodeargs: "" },
            main: "src/",
            stackConfigDir: "",
        });
    });

    it("refuses runtime options of the wrong type, as the language host does", () => {
        const dir = project({ "Pulumi.yaml": "name: demo\nruntime:\n  name: nodejs\n  options:\n    typescript: yes please\n" });
        expect(() => readProject(dir)).toThrow(/runtime\.options\.typescript must be a boolean/);
    });
});

describe("programInfo and programPath: where the language host starts the program", () => {
    it("without main: the project folder, and the package's main when that file exists", () => {
        const dir = project({ "Pulumi.yaml": "name: demo\nruntime: nodejs\n", "package.json": '{"main": "bin/index.js"}', "bin/index.js": "" });
        const info = programInfo(readProject(dir));
        expect(info).toEqual({ programDirectory: dir, entryPoint: "." });
        expect(programPath(info)).toBe(join(dir, "bin/index.js"));
    });

    it("without main or package entry: the folder, whose index the module loader finds", () => {
        const dir = project({ "Pulumi.yaml": "name: demo\nruntime: nodejs\n", "index.ts": "" });
        expect(programPath(programInfo(readProject(dir)))).toBe(`${dir}/`);
    });

    it("main naming a file or a folder", () => {
        const file = project({ "Pulumi.yaml": "name: demo\nruntime: nodejs\nmain: src/app.ts\n", "src/app.ts": "" });
        expect(programInfo(readProject(file))).toEqual({ programDirectory: join(file, "src"), entryPoint: "app.ts" });
        const folder = project({ "Pulumi.yaml": "name: demo\nruntime: nodejs\nmain: src\n", "src/index.ts": "" });
        expect(programInfo(readProject(folder))).toEqual({ programDirectory: join(folder, "src"), entryPoint: "." });
    });
});
