"use strict";
// Lets Node require TypeScript files for the offline plan, the way ts-node's transpile-only
// mode does for `pulumi up`, but in milliseconds: esbuild strips the types, and its output is
// cached by content, so an unchanged file costs a file read and esbuild is not even started.
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const cacheDir = process.env.ASR_HYPERV_PLAN_CACHE || path.join(__dirname, "..", "node_modules", ".cache", "asr-hyperv-plan");
let esbuild;

// The last line of every entry names the key it was written for. Entries are written whole
// (a temporary file, then a rename), but one left empty or cut short by a crash or a full
// disk, or copied under another key, lacks it and is transpiled again.
const trailer = (key) => `\n// asr-hyperv-plan ${key}\n`;

function readEntry(file, key) {
    try {
        const text = fs.readFileSync(file, "utf8");
        return text.endsWith(trailer(key)) ? text : undefined;
    } catch {
        return undefined;
    }
}

function writeEntry(file, text) {
    // Plans started together each write a file of their own and rename it into place, which
    // is atomic: a reader sees no entry or a whole one, never one half written.
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    try {
        fs.mkdirSync(cacheDir, { recursive: true });
        fs.writeFileSync(temporary, text);
        fs.renameSync(temporary, file);
    } catch {
        // The cache only saves time: a read-only or full disk costs a transpile next time.
        fs.rmSync(temporary, { force: true });
    }
}

function transpile(source, filename, format = "cjs") {
    const key = createHash("sha256").update(format).update(filename).update("\0").update(source).digest("hex");
    const file = path.join(cacheDir, `${key}.js`);
    const cached = readEntry(file, key);
    if (cached !== undefined) {
        return cached;
    }
    esbuild ??= require("esbuild");
    const { code } = esbuild.transformSync(source, {
        loader: "ts",
        format,
        target: "node22",
        sourcemap: "inline",
        sourcefile: filename,
    });
    const text = `${code}${trailer(key)}`;
    writeEntry(file, text);
    return text;
}

// Pulumi's Node.js host compiles TypeScript with ts-node, which leaves node_modules alone,
// and Node refuses to strip types there: a package must ship JavaScript. So must the plan.
function refuseNodeModules(filename) {
    if (filename.split(path.sep).includes("node_modules")) {
        const error = new Error(
            `${filename}: TypeScript inside node_modules: Pulumi's Node.js host won't compile it (ts-node ignores node_modules, and Node refuses to strip types there), so pulumi preview would fail too; the package must ship JavaScript`,
        );
        error.code = "ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING";
        throw error;
    }
}

require.extensions[".ts"] = (module, filename) => {
    refuseNodeModules(filename);
    module._compile(transpile(fs.readFileSync(filename, "utf8"), filename), filename);
};

/** Whether Node takes `filename` as an ES module: the nearest package.json says "type": "module". */
function isEsm(filename) {
    for (let dir = path.dirname(filename); ; dir = path.dirname(dir)) {
        try {
            return JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).type === "module";
        } catch (error) {
            if (error.code !== "ENOENT" || path.dirname(dir) === dir) {
                return false;
            }
        }
    }
}

// ES module programs (`"type": "module"`), as cmd/run imports them with ts-node's ESM loader:
// TypeScript loads as ESM, and an import written with `.js`, as NodeNext has it, finds the
// `.ts` file beside it.
require("node:module").registerHooks?.({
    resolve(specifier, context, nextResolve) {
        try {
            return nextResolve(specifier, context);
        } catch (error) {
            const relative = specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("file:");
            if (error.code === "ERR_MODULE_NOT_FOUND" && relative && specifier.endsWith(".js")) {
                return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
            }
            throw error;
        }
    },
    load(url, context, nextLoad) {
        if (!url.startsWith("file:") || !url.endsWith(".ts")) {
            return nextLoad(url, context);
        }
        const filename = require("node:url").fileURLToPath(url);
        if (!isEsm(filename)) {
            return nextLoad(url, context);
        }
        refuseNodeModules(filename);
        return { format: "module", source: transpile(fs.readFileSync(filename, "utf8"), filename, "esm"), shortCircuit: true };
    },
});
