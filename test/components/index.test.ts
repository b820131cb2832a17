import { describe, expect, it } from "vitest";
import { Analyzer } from "@pulumi/pulumi/provider/experimental/analyzer";
import { REPO_ROOT } from "../support/record";

// The components will be offered to Python, Go, .NET and YAML stacks as a multi-language
// package; Pulumi infers its schema from the TypeScript with this analyzer, which rejects
// unions, intersections and functions in args.
describe("the components' multi-language schema", () => {
    const schema = new Analyzer(
        REPO_ROOT,
        "asr-hyperv",
        { name: "asr-hyperv", main: "components/index.ts" },
        new Set(["RecoveryVault", "ReplicationStorage", "FailoverNetwork"]),
    ).analyze();

    it("is inferred for all three components", () => {
        expect(Object.keys(schema.components).sort()).toEqual(["FailoverNetwork", "RecoveryVault", "ReplicationStorage"]);
        expect(schema.dependencies.map((dependency) => dependency.name)).toEqual(["azure-native"]);
    });

    it("keeps the documented defaults and the choices as enums", () => {
        const vault = schema.components.RecoveryVault!;
        expect(vault.inputs.storageRedundancy).toMatchObject({ $ref: "#/types/asr-hyperv:index:VaultRedundancy", optional: true });
        expect(vault.inputs.storageRedundancy?.description).toMatch(/Default: "GeoRedundant"/);
        expect(schema.typeDefinitions.VaultRedundancy?.enum?.map((member) => member.value)).toEqual(["GeoRedundant", "LocallyRedundant"]);
        expect(schema.typeDefinitions.StandardRedundancy?.enum?.map((member) => member.value)).toEqual(["GRS", "RAGRS", "LRS"]);
        expect(schema.typeDefinitions.StoragePerformance?.enum?.map((member) => member.value)).toEqual(["Standard", "Premium"]);
        expect(schema.typeDefinitions.VaultPublicNetworkAccess?.enum?.map((member) => member.value)).toEqual(["Enabled", "Disabled"]);
    });

    it("exposes what the stack exports as outputs", () => {
        expect(Object.keys(schema.components.ReplicationStorage!.outputs)).toEqual(
            expect.arrayContaining(["dataAccountId", "logAccountId", "replicationStorageAccountIds"]),
        );
        expect(Object.keys(schema.components.FailoverNetwork!.outputs)).toEqual(expect.arrayContaining(["virtualNetworkId", "subnetIds"]));
    });
});
