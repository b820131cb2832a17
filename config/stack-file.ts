import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";

/** A project file or stack file that is missing or can't be read; the message names the file. */
export class StackFileError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "StackFileError";
    }
}

/** How a secret reads where it can't be decrypted, offline. */
export const SECRET_TEXT = "[secret]";

export interface ProjectSettings {
    name: string;
    /** `main` from Pulumi.yaml, relative to the project folder. Default: ".". */
    main: string;
}

export interface StackSettings {
    project: ProjectSettings;
    stack: string;
    /** Config as the engine hands it to a program: `<namespace>:<key>` to text, objects as JSON. */
    config: Record<string, string>;
    /** Keys whose values are encrypted in the stack file; they can't be decrypted offline and read as "[secret]". */
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

function isRecord(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function readProject(projectDir: string): ProjectSettings {
    const path = join(projectDir, "Pulumi.yaml");
    const project = readYaml(path);
    if (!isRecord(project) || typeof project.name !== "string") {
        throw new StackFileError(`${path}: no project name`);
    }
    return { name: project.name, main: typeof project.main === "string" ? project.main : "." };
}

/** `<project>:key` for a bare key, as Pulumi qualifies keys without a namespace. */
function qualify(project: string, key: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

/** Reads Pulumi.yaml and Pulumi.<stack>.yaml the way the CLI merges them for a program. */
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

    const projectFile = readYaml(join(projectDir, "Pulumi.yaml")) as Record<string, unknown>;
    if (isRecord(projectFile.config)) {
        for (const [key, declaration] of Object.entries(projectFile.config)) {
            if (isRecord(declaration) && ("value" in declaration || "default" in declaration)) {
                put(key, declaration.value ?? declaration.default);
            } else if (!isRecord(declaration)) {
                put(key, declaration);
            }
        }
    }
    const stackFile = readYaml(join(projectDir, `Pulumi.${stack}.yaml`));
    if (isRecord(stackFile) && isRecord(stackFile.config)) {
        for (const [key, value] of Object.entries(stackFile.config)) {
            put(key, value);
        }
    }
    return { project, stack, config, secretKeys };
}
