"use strict";
// Lets Node require TypeScript files for the offline plan, the way ts-node's transpile-only
// mode does for `pulumi up`, but in milliseconds: esbuild strips the types, and its output is
// cached by content, so an unchanged file costs a file read and esbuild is not even started.
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const cacheDir = path.join(__dirname, "..", "node_modules", ".cache", "asr-hyperv-plan");
let esbuild;

function transpile(source, filename) {
    const key = createHash("sha256").update(filename).update("\0").update(source).digest("hex");
    const cached = path.join(cacheDir, `${key}.js`);
    try {
        return fs.readFileSync(cached, "utf8");
    } catch {
        esbuild ??= require("esbuild");
        const { code } = esbuild.transformSync(source, {
            loader: "ts",
            format: "cjs",
            target: "node22",
            sourcemap: "inline",
            sourcefile: filename,
        });
        fs.mkdirSync(cacheDir, { recursive: true });
        fs.writeFileSync(cached, code);
        return code;
    }
}

require.extensions[".ts"] = (module, filename) => {
    module._compile(transpile(fs.readFileSync(filename, "utf8"), filename), filename);
};
