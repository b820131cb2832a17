import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { logged, runProgram } from "../../engine/language-host";
import { REPO_ROOT } from "../support/record";

/** A project folder that uses this repository's packages. */
function project(program: string, stackConfig = "config: {}\n"): string {
    const dir = mkdtempSync(join(tmpdir(), "asr-language-host-"));
    writeFileSync(join(dir, "Pulumi.yaml"), "name: tiny\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n");
    writeFileSync(join(dir, "Pulumi.dev.yaml"), stackConfig);
    writeFileSync(join(dir, "index.js"), program);
    symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"));
    return dir;
}

const COMPONENT_PROGRAM = `
const pulumi = require("@pulumi/pulumi");
class Thing extends pulumi.CustomResource {
    constructor(name, args, opts) { super("tiny:index:Thing", name, args, opts); }
}
class Group extends pulumi.ComponentResource {
    constructor(name) {
        super("tiny:index:Group", name, {}, {});
        this.thing = new Thing(name + "-thing", { size: new pulumi.Config().requireNumber("size") }, { parent: this, protect: true });
        this.registerOutputs({});
    }
}
const group = new Group("group");
exports.thingUrn = group.thing.urn;
`;

describe("runProgram: a program started as the Node.js language host starts it", () => {
    it("registers with the engine's URNs (no stack type in its children's), parents, options and config", async () => {
        const result = await runProgram({ projectDir: project(COMPONENT_PROGRAM, "config:\n  tiny:size: 3\n"), stack: "dev" });
        expect(result.exitCode, result.stderr).toBe(0);
        expect(result.hostEnv.PULUMI_NODEJS_TYPESCRIPT).toBeUndefined();
        const [stack, group, thing] = result.records.resources;
        expect(stack?.urn).toBe("urn:pulumi:dev::tiny::pulumi:pulumi:Stack::tiny-dev");
        expect(group).toMatchObject({ urn: "urn:pulumi:dev::tiny::tiny:index:Group::group", parent: stack?.urn });
        expect(thing).toMatchObject({
            urn: "urn:pulumi:dev::tiny::tiny:index:Group$tiny:index:Thing::group-thing",
            parent: group?.urn,
            protect: true,
            inputs: { size: 3 },
        });
        expect(result.records.outputs.get(stack?.urn ?? "")).toEqual({ thingUrn: thing?.urn });
    });

    it("fails the way the host does when the program throws: a non-zero exit and the error logged to the engine", async () => {
        const result = await runProgram({ projectDir: project('throw new Error("no region set");\n'), stack: "dev" });
        expect(result.exitCode).not.toBe(0);
        expect(logged(result.records, "error").join("\n")).toMatch(/no region set/);
    });
});
