import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { StackFileError, readProject, readStack } from "../../config/stack-file";

function project(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), "asr-stack-file-"));
    for (const [name, text] of Object.entries(files)) {
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
        expect(readStack(dir, "dev")).toEqual({
            project: { name: "demo", main: "." },
            stack: "dev",
            config: {
                "demo:size": "2",
                "demo:mode": "slow",
                "azure-native:location": "westeurope",
                "demo:net": '{"cidrs":["10.0.0.0/16"]}',
                "demo:on": "true",
                "demo:password": "[secret]",
            },
            secretKeys: ["demo:password"],
        });
    });

    it("reads the program's folder or file from main", () => {
        const dir = project({ "Pulumi.yaml": "name: demo\nmain: src/\nruntime: nodejs\n" });
        expect(readProject(dir)).toEqual({ name: "demo", main: "src/" });
    });

    it("names the file that is missing or broken", () => {
        const dir = project({ "Pulumi.yaml": "name: demo\nruntime: nodejs\n", "Pulumi.bad.yaml": "config: [unclosed\n" });
        expect(() => readStack(dir, "prod")).toThrow(new StackFileError(`${join(dir, "Pulumi.prod.yaml")}: file not found`));
        expect(() => readStack(dir, "bad")).toThrow(/Pulumi\.bad\.yaml: not valid YAML/);
        expect(() => readStack(project({}), "dev")).toThrow(/Pulumi\.yaml: file not found/);
    });
});
