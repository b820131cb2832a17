import { createRequire } from "node:module";
import * as fc from "fast-check";
import { afterAll, describe, expect, it, vi } from "vitest";
import { ConfigError, loadStackConfig } from "../../config/load";
import { readStack } from "../../engine/project";
import { REPO_ROOT, recordStack } from "../support/record";
import { brokenConfig, type BrokenConfig } from "./support/stack-configs";

const dev = readStack(REPO_ROOT, "dev").config;

// A line of the message: a key (ours, the region's, or a misspelled namespace's in quotes),
// or the count of problems left out.
const NAMES_A_KEY = /^ {2}- (?:asr-hyperv:|azure-native:location|"[^"]*:)|^ {2}- … and \d+ more problems$/;

function refusal(broken: BrokenConfig): ConfigError {
    const raw: Record<string, string> = { ...dev };
    for (const [key, value] of Object.entries(broken.overrides)) {
        if (value === undefined) {
            delete raw[key];
        } else {
            raw[key] = value;
        }
    }
    try {
        loadStackConfig(raw, "asr-hyperv", "dev");
    } catch (error) {
        expect(error, broken.what).toBeInstanceOf(ConfigError);
        return error as ConfigError;
    }
    throw new Error(`accepted: ${broken.what}`);
}

function expectPlainMessage(error: Error, broken: BrokenConfig): void {
    const [head, ...lines] = error.message.split("\n");
    expect(head).toBe("invalid configuration:");
    for (const line of lines) {
        expect(line, broken.what).toMatch(NAMES_A_KEY);
        expect(line.length, broken.what).toBeLessThanOrEqual(600);
    }
    expect(lines.some((line) => line.includes(broken.key)), `${broken.what}: no line names ${broken.key}\n${error.message}`).toBe(true);
    expect(lines.length).toBeLessThanOrEqual(21);
    expect(error.message).not.toMatch(/\n\s+at |is not a object|item\(s\)|Invalid input|expected \w+, received/);
}

const runs = { config: 0, program: 0 };

describe("bad input", () => {
    afterAll(() => {
        console.info(`invalid-input properties: ${runs.config} configs refused by loadStackConfig, ${runs.program} by the program before any registration`);
    });

    it("is refused by config validation with a message that names the key, holds no stack trace and stays short", () => {
        fc.assert(
            fc.property(brokenConfig, (broken) => {
                runs.config++;
                expectPlainMessage(refusal(broken), broken);
            }),
            { numRuns: 600 },
        );
    });

    it("stops the program before any resource is registered", async () => {
        const { MockMonitor } = createRequire(`${REPO_ROOT}/package.json`)("@pulumi/pulumi/runtime/mocks") as typeof import("@pulumi/pulumi/runtime/mocks");
        const registrations = vi.spyOn(MockMonitor.prototype, "registerResource");
        const registeredTypes = () => registrations.mock.calls.map(([request]) => (request as { getType(): string }).getType());
        try {
            // The spy sees what the program registers: the stack, then every resource.
            await recordStack("dev");
            expect(registeredTypes()).toContain("azure-native:recoveryservices:Vault");
            await fc.assert(
                fc.asyncProperty(brokenConfig, async (broken) => {
                    runs.program++;
                    registrations.mockClear();
                    const failure = await recordStack("dev", broken.overrides).then(
                        () => new Error(`accepted: ${broken.what}`),
                        (error: unknown) => error as Error,
                    );
                    expect(failure.name, failure.message).toBe("ConfigError");
                    expectPlainMessage(failure, broken);
                    expect(registeredTypes().filter((type) => type !== "pulumi:pulumi:Stack")).toEqual([]);
                }),
                { numRuns: 40 },
            );
        } finally {
            registrations.mockRestore();
        }
    });
});
