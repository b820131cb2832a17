import * as pulumi from "@pulumi/pulumi";
import * as storage from "@pulumi/azure-native/storage";
import { describe, expect, it, vi } from "vitest";
import { readStack } from "../../engine/project";
import { recordProgram, type Recording } from "../../engine/recorder";
import { REPO_ROOT, runStackProgram } from "../support/record";

/** Our dev stack's program, recorded as the plan records it or with the SDK whole, as `pulumi up` runs it. */
async function recordDev(wholeSdk: boolean): Promise<Recording> {
    const { project, config } = readStack(REPO_ROOT, "dev");
    vi.resetModules();
    return recordProgram({ project: project.name, stack: "dev", config, preview: true, wholeSdk, load: runStackProgram });
}

describe("recordProgram leaves out what only `pulumi up` uses", () => {
    it("records the dev stack as the whole SDK does: URNs, inputs, dependencies, options and outputs", async () => {
        const plan = await recordDev(false);
        const whole = await recordDev(true);
        // Registrations arrive as their inputs resolve, in an order neither run promises.
        const byUrn = (recording: Recording) => [...recording.resources].sort((a, b) => a.urn.localeCompare(b.urn));
        expect(plan.resources.length).toBeGreaterThan(10);
        expect(byUrn(plan)).toEqual(byUrn(whole));
        expect(plan.outputs).toEqual(whole.outputs);
    });

    it("builds no alias for an azure-native resource, and gives the SDK back its own mergeOptions", async () => {
        const mergeOptions = pulumi.mergeOptions;
        const aliases = async (wholeSdk: boolean) => {
            let account: storage.StorageAccount | undefined;
            await recordProgram({
                project: "p",
                stack: "s",
                config: {},
                wholeSdk,
                load: async () => {
                    account = new storage.StorageAccount("account", { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_GRS" } });
                },
            });
            // The SDK's own record of the aliases it resolves for the resource.
            return (account as unknown as { __aliases: unknown[] }).__aliases.length;
        };
        expect(await aliases(false)).toBe(0);
        expect(await aliases(true)).toBeGreaterThan(10);
        expect(pulumi.mergeOptions).toBe(mergeOptions);
    });
});
