import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { basename, dirname, extname, isAbsolute, join, resolve } from "node:path";
import { load } from "js-yaml";
import { isRecord } from "../policies/rules/records";
import { SECRET_TEXT } from "./values";

/** A project file or stack file that is missing or can't be read; the message names the file. */
export class StackFileError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "StackFileError";
    }
}

/** `runtime.options` of a Node.js project, with the language host's defaults. */
export interface NodejsRuntimeOptions {
    /** Default true: the host sets PULUMI_NODEJS_TYPESCRIPT and `cmd/run` registers ts-node. */
    typescript: boolean;
    /** "" when unset. */
    tsconfig: string;
    /** Extra node arguments, "" when unset. */
    nodeargs: string;
}

export interface ProjectSettings {
    /** Folder that holds the project file. */
    dir: string;
    /** The project file's path: Pulumi.yaml, or Pulumi.yml. */
    file: string;
    name: string;
    runtime: string;
    runtimeOptions: NodejsRuntimeOptions;
    /** `main` from the project file, "" when unset. */
    main: string;
    /** `stackConfigDir` from the project file: where stack files are, relative to it; "" when unset. */
    stackConfigDir: string;
}

export interface StackSettings {
    project: ProjectSettings;
    stack: string;
    /** The stack file's path (it may not exist). */
    file: string;
    /** What could not be read as the CLI would (secrets, ESC environments, a missing stack file), for people. */
    notes: string[];
    /** Config as the engine hands it to a program: `<namespace>:<key>` to text, objects as JSON. */
    config: Record<string, string>;
    /** Keys whose values are encrypted in the stack file; offline they read as "[secret]". */
    secretKeys: string[];
}

/** A YAML file's contents; a StackFileError names the file when it is missing, not a file, not text or not YAML. */
export function readYaml(path: string): unknown {
    if (!existsSync(path)) {
        throw new StackFileError(`${path}: file not found`);
    }
    if (statSync(path).isDirectory()) {
        throw new StackFileError(`${path}: is a folder, not a file`);
    }
    const bytes = readFileSync(path);
    const text = bytes.toString("utf8");
    if (bytes.includes(0) || text.includes("\uFFFD")) {
        throw new StackFileError(`${path}: not a text file`);
    }
    try {
        return load(text);
    } catch (error) {
        // The reason and position, without the excerpt of the file js-yaml appends.
        const { reason, mark } = error as { reason?: string; mark?: { line: number; column: number } };
        throw new StackFileError(`${path}: not valid YAML: ${reason ?? "unreadable"}${mark ? ` (line ${mark.line + 1}, column ${mark.column + 1})` : ""}`);
    }
}

function option<T>(file: string, options: Record<string, unknown>, key: string, type: "boolean" | "string", fallback: T): T {
    if (!(key in options)) {
        return fallback;
    }
    if (typeof options[key] !== type) {
        throw new StackFileError(`${file}: runtime.options.${key} must be a ${type}`);
    }
    return options[key] as T;
}

/** The project file of `projectDir`, read and checked as the CLI and the Node.js language host do. */
export function readProject(projectDir: string): ProjectSettings {
    const dir = resolve(projectDir);
    const file = ["Pulumi.yaml", "Pulumi.yml"].map((name) => join(dir, name)).find(existsSync) ?? join(dir, "Pulumi.yaml");
    const project = readYaml(file);
    if (!isRecord(project) || typeof project.name !== "string" || project.name === "") {
        throw new StackFileError(`${file}: no project name`);
    }
    const runtime = project.runtime;
    const runtimeName = isRecord(runtime) ? runtime.name : runtime;
    if (typeof runtimeName !== "string" || runtimeName === "") {
        throw new StackFileError(`${file}: no runtime`);
    }
    const options = isRecord(runtime) && runtime.options !== undefined ? runtime.options : {};
    if (!isRecord(options)) {
        throw new StackFileError(`${file}: runtime.options must be a mapping`);
    }
    const main = project.main ?? "";
    if (typeof main !== "string") {
        throw new StackFileError(`${file}: main must be a string`);
    }
    const stackConfigDir = project.stackConfigDir ?? "";
    if (typeof stackConfigDir !== "string") {
        throw new StackFileError(`${file}: stackConfigDir must be a string`);
    }
    return {
        dir,
        file,
        name: project.name,
        runtime: runtimeName,
        runtimeOptions: {
            typescript: option(file, options, "typescript", "boolean", true),
            tsconfig: option(file, options, "tsconfig", "string", ""),
            nodeargs: option(file, options, "nodeargs", "string", ""),
        },
        main,
        stackConfigDir,
    };
}

/** Where the language host starts a program: `--pwd` and the entry point it passes to `cmd/run`. */
export interface ProgramInfo {
    /** The program's folder: the project's, or `main` when it is a folder, or the folder holding `main`. */
    programDirectory: string;
    /** "." (let package.json or the folder decide) or `main`'s file name. */
    entryPoint: string;
}

/** The engine's getPwdMain: program folder and entry point from the project's `main`. */
export function programInfo(project: ProjectSettings): ProgramInfo {
    if (project.main === "") {
        return { programDirectory: project.dir, entryPoint: "." };
    }
    const full = isAbsolute(project.main) ? project.main : resolve(project.dir, project.main);
    if (!existsSync(full)) {
        throw new StackFileError(`${project.file}: main ${project.main} does not exist`);
    }
    return statSync(full).isDirectory()
        ? { programDirectory: full, entryPoint: "." }
        : { programDirectory: dirname(full), entryPoint: basename(full) };
}

/**
 * The path `cmd/run` requires for a CommonJS program: the entry point, or for "." the
 * package's `exports` or `main` where that file exists, else the folder (whose index the
 * module loader finds).
 */
export function programPath(info: ProgramInfo): string {
    if (info.entryPoint !== ".") {
        return join(info.programDirectory, info.entryPoint);
    }
    const packageFile = join(info.programDirectory, "package.json");
    const packageJson: unknown = existsSync(packageFile) ? JSON.parse(readFileSync(packageFile, "utf8")) : {};
    const exported = isRecord(packageJson) ? packageJson.exports : undefined;
    const rootExport = isRecord(exported) ? exported["."] : exported;
    const declared = isRecord(rootExport)
        ? (rootExport.default ?? rootExport.require ?? rootExport.import)
        : (rootExport ?? (isRecord(packageJson) ? packageJson.main : undefined));
    if (typeof declared === "string" && existsSync(join(info.programDirectory, declared))) {
        return join(info.programDirectory, declared);
    }
    return `${info.programDirectory}/`;
}

/**
 * Whether `cmd/run` imports the program as an ES module: its package.json says
 * `"type": "module"`; then a folder entry is its index.js, .mjs, .ts or .mts.
 */
export function esmEntry(info: ProgramInfo, path: string): string | undefined {
    const packageFile = join(info.programDirectory, "package.json");
    const packageJson: unknown = existsSync(packageFile) ? JSON.parse(readFileSync(packageFile, "utf8")) : {};
    if (!isRecord(packageJson) || packageJson.type !== "module") {
        return undefined;
    }
    if (!path.endsWith("/")) {
        return path;
    }
    const index = ["index.js", "index.mjs", "index.ts", "index.mts"].map((name) => join(path, name)).find(existsSync);
    if (index === undefined) {
        throw new StackFileError(`${path}: no entrypoint found (index.js, index.mjs, index.ts or index.mts)`);
    }
    return index;
}

/** `<project>:key` for a bare key, as Pulumi qualifies keys without a namespace. */
function qualify(project: string, key: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

/** The value with each `secure:` leaf (what `pulumi config set --secret [--path]` writes) replaced, and whether it had any. */
function withoutCiphertext(value: unknown): { value: unknown; secret: boolean } {
    if (isRecord(value) && Object.keys(value).length === 1 && typeof value.secure === "string") {
        return { value: SECRET_TEXT, secret: true };
    }
    if (Array.isArray(value)) {
        const items = value.map(withoutCiphertext);
        return { value: items.map((item) => item.value), secret: items.some((item) => item.secret) };
    }
    if (isRecord(value)) {
        const entries = Object.entries(value).map(([key, inner]) => [key, withoutCiphertext(inner)] as const);
        return { value: Object.fromEntries(entries.map(([key, inner]) => [key, inner.value])), secret: entries.some(([, inner]) => inner.secret) };
    }
    return { value, secret: false };
}

/** The stack file's path, as the CLI names it: beside the project file (or in `stackConfigDir`), with its extension. */
export function stackFilePath(project: ProjectSettings, stack: string): string {
    return join(project.dir, project.stackConfigDir, `Pulumi.${stack.replaceAll("/", "-")}${extname(project.file)}`);
}

/** Reads the project file and the stack file the way the CLI merges them for a program. */
export function readStack(projectDir: string, stack: string): StackSettings {
    const project = readProject(projectDir);
    const config: Record<string, string> = {};
    const secretKeys = new Set<string>();
    const notes: string[] = [];
    const put = (key: string, raw: unknown) => {
        const qualified = qualify(project.name, key);
        const { value, secret } = withoutCiphertext(raw);
        if (secret) {
            secretKeys.add(qualified);
        }
        config[qualified] = typeof value === "string" ? value : JSON.stringify(value);
    };

    const projectFile = readYaml(project.file) as Record<string, unknown>;
    if (isRecord(projectFile.config)) {
        for (const [key, declaration] of Object.entries(projectFile.config)) {
            if (isRecord(declaration) && ("value" in declaration || "default" in declaration)) {
                put(key, declaration.value ?? declaration.default);
            } else if (!isRecord(declaration)) {
                put(key, declaration);
            }
        }
    }
    const file = stackFilePath(project, stack);
    if (!existsSync(file)) {
        notes.push(`${file} does not exist: planned with no stack config, as pulumi does for a stack without one`);
        return { project, stack, file, config, secretKeys: [...secretKeys], notes };
    }
    const stackFile = readYaml(file) ?? {};
    if (!isRecord(stackFile)) {
        throw new StackFileError(`${file}: expected a mapping with a config key, found ${Array.isArray(stackFile) ? "a list" : "text"}`);
    }
    if (stackFile.environment !== undefined) {
        notes.push(`${file}: environment ${JSON.stringify(stackFile.environment)}: Pulumi ESC environments can't be opened offline, so config they provide is missing from this plan`);
    }
    const stackConfig = stackFile.config ?? {};
    if (!isRecord(stackConfig)) {
        throw new StackFileError(`${file}: config: expected a mapping of keys to values, found ${Array.isArray(stackConfig) ? "a list" : "text"}`);
    }
    for (const [key, value] of Object.entries(stackConfig)) {
        put(key, value);
    }
    if (secretKeys.size > 0) {
        notes.push(`secrets can't be decrypted offline; planned as unknown secrets: ${[...secretKeys].join(", ")}`);
    }
    return { project, stack, file, config, secretKeys: [...secretKeys], notes };
}

/** The `~/.pulumi` folder, or PULUMI_HOME. */
function pulumiHome(): string {
    return process.env.PULUMI_HOME ?? join(homedir(), ".pulumi");
}

/**
 * The stack the CLI would use without `--stack` (pulumi/pulumi pkg/backend/state/stacks.go,
 * getCurrentStackName): PULUMI_STACK, else the one `pulumi stack select` saved for this
 * project and backend in the workspace file; undefined when nothing is selected.
 */
export function selectedStack(project: ProjectSettings): string | undefined {
    if (process.env.PULUMI_STACK !== undefined) {
        return process.env.PULUMI_STACK;
    }
    const hash = createHash("sha1").update(project.file).digest("hex");
    const workspace = join(pulumiHome(), "workspaces", `${project.name}-${hash}-workspace.json`);
    const settings = readJson(workspace);
    if (!isRecord(settings)) {
        return undefined;
    }
    const credentials = readJson(join(pulumiHome(), "credentials.json"));
    const backend = process.env.PULUMI_BACKEND_URL ?? (isRecord(credentials) && typeof credentials.current === "string" ? credentials.current : undefined);
    const perBackend = isRecord(settings.stacks) && backend !== undefined ? settings.stacks[backend] : undefined;
    const name = typeof perBackend === "string" ? perBackend : settings.stack;
    // A fully qualified name (org/project/stack) selects the stack file of its last part.
    return typeof name === "string" && name !== "" ? (name.split("/").pop() ?? name) : undefined;
}

function readJson(path: string): unknown {
    try {
        return JSON.parse(readFileSync(path, "utf8")) as unknown;
    } catch {
        return undefined;
    }
}
