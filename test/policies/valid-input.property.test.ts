import * as fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { RecordedResource } from "../../engine/recorder";
import { azureName, azureTags, type AzureNameKind } from "../../policies/rules";
import { validConfig } from "../config/support/stack-configs";
import { recordStack } from "../support/record";
import { analyze } from "./support/fixtures";

/** Per type: the input holding its Azure name, Azure's rule for it, and the inputs that scope it (none: global). */
const NAMED: Record<string, { input: string; kind?: AzureNameKind; scope: string[] }> = {
    "azure-native:resources:ResourceGroup": { input: "resourceGroupName", kind: "resourceGroup", scope: [] },
    "azure-native:recoveryservices:Vault": { input: "vaultName", kind: "vault", scope: ["resourceGroupName"] },
    "azure-native:storage:StorageAccount": { input: "accountName", kind: "storageAccount", scope: [] },
    "azure-native:network:VirtualNetwork": { input: "virtualNetworkName", kind: "virtualNetwork", scope: ["resourceGroupName"] },
    "azure-native:network:NetworkSecurityGroup": { input: "networkSecurityGroupName", kind: "networkSecurityGroup", scope: ["resourceGroupName"] },
    "azure-native:network:Subnet": { input: "subnetName", kind: "subnet", scope: ["resourceGroupName", "virtualNetworkName"] },
    "azure-native:authorization:ManagementLockByScope": { input: "lockName", scope: ["scope"] },
};

/** A scope input as known at preview: the URN of the resource whose output it is, else its text. */
function scopeOf(resource: RecordedResource, input: string): string {
    const from = resource.propertyDependencies[input] ?? [];
    return from.length > 0 ? from.join(",") : String(resource.inputs[input]).toLowerCase();
}

/** `type scope name` of every resource whose name Azure keeps unique within a scope, ignoring case; problems with a name or tags. */
function namesAndProblems(resources: readonly RecordedResource[]): { names: string[]; problems: string[] } {
    const names: string[] = [];
    const problems: string[] = [];
    for (const resource of resources) {
        const named = NAMED[resource.type];
        if (named === undefined) {
            continue;
        }
        const name = resource.inputs[named.input];
        expect(typeof name, `${resource.urn} ${named.input}`).toBe("string");
        names.push([resource.type, ...named.scope.map((input) => scopeOf(resource, input)), String(name).toLowerCase()].join(" "));
        const invalid = named.kind === undefined ? undefined : azureName(named.kind, String(name));
        if (invalid !== undefined) {
            problems.push(`${resource.urn}: ${invalid}`);
        }
        const tags = resource.inputs.tags as Record<string, string> | undefined;
        const storageAccount = resource.type === "azure-native:storage:StorageAccount";
        problems.push(...azureTags(tags ?? {}, { storageAccount }).map((problem) => `${resource.urn}: ${problem.message}`));
    }
    return { names, problems };
}

let runs = 0;

describe("valid input", () => {
    afterAll(() => console.info(`valid-input property: ${runs} configs planned`));

    it("gives every resource an Azure name of its own within its scope, tags Azure takes, and no mandatory violation", async () => {
        await fc.assert(
            fc.asyncProperty(validConfig, async (config) => {
                runs++;
                const recording = await recordStack("dev", config, true);
                const { names, problems } = namesAndProblems(recording.resources);
                expect(problems).toEqual([]);
                expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
                const analysis = await analyze(recording.resources, { outputs: recording.outputs });
                expect(analysis.violations.filter((violation) => violation.enforcementLevel === "mandatory")).toEqual([]);
            }),
            { numRuns: 60 },
        );
    }, 180_000);
});
