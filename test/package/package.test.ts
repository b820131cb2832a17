import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/record";
import { pack } from "./tarball";

// What a consumer installs: the components and the pack's policies, built, with their
// declarations, needing nothing beyond the Pulumi SDKs the consumer already has.
const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
    main: string;
    exports: Record<string, string | { types: string; default: string }>;
    dependencies?: Record<string, string>;
    peerDependencies: Record<string, string>;
    peerDependenciesMeta: Record<string, { optional?: boolean }>;
};
const packed = pack(tmpdir(), true);

describe("the package npm pack makes", () => {
    it("holds the built components and policies, their declarations, and nothing of the program, config, engine or plan", () => {
        const outside = packed.files.filter((file) => !/^bin\/(components|policies)\/.+\.(js|d\.ts)$/.test(file));
        // npm always packs `main`, here the plugin's TypeScript entry (PulumiPlugin.yaml).
        expect(outside).toEqual(["CHANGELOG.md", "README.md", manifest.main, "package.json"]);
        expect(packed.files).toEqual(expect.arrayContaining(["bin/components/index.js", "bin/components/index.d.ts", "bin/policies/pack.js"]));
        expect(packed.files.some((file) => /^bin\/(config|engine|plan|scripts|test)\/|^bin\/index\.|^bin\/policies\/index\./.test(file))).toBe(false);
        // A bound that catches a stray folder packed in; the replication components and their policies are about 100 KB.
        expect(packed.size).toBeLessThan(128_000);
    });

    it("exports the components and the policies, each with its declarations, and they exist", () => {
        expect(Object.keys(manifest.exports)).toEqual([".", "./components", "./policies", "./package.json"]);
        for (const target of Object.values(manifest.exports)) {
            for (const file of typeof target === "string" ? [target] : [target.types, target.default]) {
                expect(existsSync(join(REPO_ROOT, file)), file).toBe(true);
                expect(packed.files, file).toContain(file.replace(/^\.\//, ""));
            }
        }
    });

    it("requires at run time only Node's modules and its peer dependencies, @pulumi/policy only for the policies", () => {
        expect(manifest.dependencies).toBeUndefined();
        const required = packed.files
            .filter((path) => path.endsWith(".js"))
            .flatMap((file) => [...readFileSync(join(REPO_ROOT, file), "utf8").matchAll(/require\("([^".][^"]*)"\)/g)].map(([, specifier]) => ({ file, specifier: specifier! })))
            .filter(({ specifier }) => !builtinModules.includes(specifier.replace(/^node:/, "")));
        const names = new Set(required.map(({ specifier }) => specifier.split("/").slice(0, 2).join("/")));
        expect([...names].sort()).toEqual(Object.keys(manifest.peerDependencies).sort());
        expect(manifest.peerDependenciesMeta).toEqual({ "@pulumi/policy": { optional: true } });
        const needPolicy = required.filter(({ specifier }) => specifier.startsWith("@pulumi/policy")).map(({ file }) => file);
        expect(needPolicy.every((file) => file.startsWith("bin/policies/")), needPolicy.join(", ")).toBe(true);
    });
});
