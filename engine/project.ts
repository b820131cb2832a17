import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { load } from "js-yaml";
import { SECRET_TEXT, isRecord } from "./values";

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
}

export interface StackSettings {
    project: ProjectSettings;
    stack: string;
    /** Config as the engine hands it to a program: `<namespace>:<key>` to text, objects as JSON. */
    config: Record<string, string>;
    /** Keys whose values are encrypted in the stack file; offline they read as "[secret]". */
    secretKeys: string[];
}

/** A YAML file's contents; a StackFileError names the file when it is missing or broken. */
export function readYaml(path: string): unknown {
    if (!existsSync(path)) {
        throw new StackFileError(`${path}: file not found`);
    }
    try {
        return load(readFileSync(path, "utf8"));
    } catch (error) {
        throw new StackFileError(`${path}: not valid YAML: ${(error as Error).message}`);
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

/** `<project>:key` for a bare key, as Pulumi qualifies keys without a namespace. */
function qualify(project: string, key: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

/** Reads the project file and Pulumi.<stack>.yaml the way the CLI merges them for a program. */
export function readStack(projectDir: string, stack: string): StackSettings {
    const project = readProject(projectDir);
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    const put = (key: string, value: unknown) => {
        const qualified = qualify(project.name, key);
        if (isRecord(value) && typeof value.secure === "string") {
            secretKeys.push(qualified);
            config[qualified] = SECRET_TEXT;
            return;
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
    const stackFile = readYaml(join(project.dir, `Pulumi.${stack}.yaml`));
    if (isRecord(stackFile) && isRecord(stackFile.config)) {
        for (const [key, value] of Object.entries(stackFile.config)) {
            put(key, value);
        }
    }
    return { project, stack, config, secretKeys };
}
