import { resolve } from "node:path";
import { vi } from "vitest";
import { readStack } from "../../engine/project";
import { recordProgram, type RecordedResource, type Recording } from "../../engine/recorder";

export const REPO_ROOT = resolve(__dirname, "../..");

/** Records `create` under Pulumi mocks, with the stack config given as the engine would pass it. */
export function record(
    create: () => unknown,
    options: { config?: Record<string, string>; stack?: string; preview?: boolean } = {},
): Promise<Recording> {
    return recordProgram({
        project: "asr-hyperv",
        stack: options.stack ?? "test",
        config: options.config ?? {},
        preview: options.preview ?? false,
        load: async () => {
            create();
            return {};
        },
    });
}

/** Runs index.ts as the language host does: it exports a function, whose result is the stack's outputs. */
export async function runStackProgram(): Promise<unknown> {
    const program = ((await import("../../index.js")) as { default: () => Promise<unknown> }).default;
    return program();
}

/**
 * Runs our stack program (index.ts) with the config of `Pulumi.<stack>.yaml`, changed by
 * `overrides` (a value of undefined removes the key). Each call evaluates index.ts afresh.
 */
export async function recordStack(
    stack: string,
    overrides: Record<string, string | undefined> = {},
    preview = false,
): Promise<Recording> {
    const settings = readStack(REPO_ROOT, stack);
    const config: Record<string, string> = { ...settings.config };
    for (const [key, value] of Object.entries(overrides)) {
        if (value === undefined) {
            delete config[key];
        } else {
            config[key] = value;
        }
    }
    vi.resetModules();
    return recordProgram({
        project: settings.project.name,
        stack,
        config,
        preview,
        load: runStackProgram,
    });
}

export function ofType(recording: Recording, type: string): RecordedResource[] {
    return recording.resources.filter((resource) => resource.type === type);
}

export function only(recording: Recording, type: string): RecordedResource {
    const found = ofType(recording, type);
    if (found.length !== 1) {
        throw new Error(`expected one ${type}, found ${found.length}`);
    }
    return found[0]!;
}

export function stackOutputs(recording: Recording): Record<string, unknown> {
    const stack = recording.resources.find((resource) => resource.type === "pulumi:pulumi:Stack");
    return (stack && recording.outputs.get(stack.urn)) ?? {};
}
