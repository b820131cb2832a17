import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { StackFileError, programInfo, programPath, readProject, readStack } from "../../engine/project";

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
        expect(() => readStack(dir, "prod")).toThrow(new StackFileError(`${join(dir, "Pulumi.prod.yaml")}: file not found`));
        expect(() => readStack(dir, "bad")).toThrow(/Pulumi\.bad\.yaml: not valid YAML/);
        expect(() => readStack(project({}), "dev")).toThrow(/Pulumi\.yaml: file not found/);
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
