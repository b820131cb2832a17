import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { REPO_ROOT } from "../support/record";

// The package as `npm pack` makes it from the built output (`npm run build`, which
// `npm test` runs first). Packing skips the scripts so that test files packing at once
// never rebuild bin/ under each other; a stale bin/ is refused instead.

export interface Packed {
    /** Path of the .tgz file. */
    tarball: string;
    files: string[];
    size: number;
    unpackedSize: number;
}

function typeScriptFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.name === "node_modules" ? [] : entry.isDirectory() ? typeScriptFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
    );
}

/** Throws unless bin/ was built after the last change to what it is built from. */
export function assertBuilt(): void {
    const built = join(REPO_ROOT, "bin", "components", "index.js");
    if (!existsSync(built)) {
        throw new Error("bin/ is missing: run `npm run build` (npm test does)");
    }
    const builtAt = statSync(built).mtimeMs;
    const newer = [...typeScriptFiles(join(REPO_ROOT, "components")), ...typeScriptFiles(join(REPO_ROOT, "policies"))].filter(
        (file) => statSync(file).mtimeMs > builtAt,
    );
    if (newer.length > 0) {
        throw new Error(`bin/ is older than ${newer.map((file) => relative(REPO_ROOT, file)).join(", ")}: run \`npm run build\``);
    }
}

/** `npm pack` of this repository into `destination`, or only its listing with `dryRun`. */
export function pack(destination: string, dryRun = false): Packed {
    assertBuilt();
    const output = execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", destination, ...(dryRun ? ["--dry-run"] : [])], {
        cwd: REPO_ROOT,
        encoding: "utf8",
    });
    const [result] = JSON.parse(output) as { filename: string; files: { path: string }[]; size: number; unpackedSize: number }[];
    return {
        tarball: join(destination, result!.filename),
        files: result!.files.map((file) => file.path).sort(),
        size: result!.size,
        unpackedSize: result!.unpackedSize,
    };
}
