import { specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { describe, expect, it } from "vitest";
import { deployedOutputs } from "../../engine/deployed-outputs";
import { checkedInputs, previewOutputs } from "../../engine/preview-outputs";
import { PORTAL_POLICY_INPUT } from "../support/expected";

const POLICY = "azure-native:recoveryservices:ReplicationPolicy";
const policyInputs = {
    resourceName: "rsv-dr",
    resourceGroupName: "rg-dr",
    policyName: "hyperv-5min",
    properties: {
        providerSpecificInput: {
            ...PORTAL_POLICY_INPUT,
            storageAccounts: ["/subscriptions/s/resourceGroups/rg-dr/providers/Microsoft.Storage/storageAccounts/replicas"],
        },
    },
};

describe("previewOutputs: what azure-native shows for a resource being created", () => {
    it("drops input-only properties and leaves what Azure assigns unknown (a replication policy)", () => {
        const outputs = previewOutputs(POLICY, policyInputs)!;
        expect(outputs).not.toHaveProperty("resourceName");
        expect(outputs).not.toHaveProperty("policyName");
        expect(outputs.name).toBe(unknownValue);
        expect(outputs.properties).toEqual({ friendlyName: unknownValue, providerSpecificDetails: unknownValue });
    });

    it("copies inputs onto outputs of the same name, at every level, and fills the rest in as unknown (a storage account)", () => {
        const outputs = previewOutputs("azure-native:storage:StorageAccount", { accountName: "replicas", kind: "StorageV2", sku: { name: "Standard_GRS" }, minimumTlsVersion: "TLS1_2" })!;
        expect(outputs).toMatchObject({ kind: "StorageV2", minimumTlsVersion: "TLS1_2", sku: { name: "Standard_GRS", tier: unknownValue }, primaryEndpoints: unknownValue });
        expect(outputs).not.toHaveProperty("accountName");
    });

    it("passes a polymorphic input on as it was given (a protected item's providerSpecificDetails)", () => {
        const details = { instanceType: "HyperVReplicaAzure", targetStorageAccountId: unknownValue, useManagedDisks: "true" };
        const outputs = previewOutputs("azure-native:recoveryservices:ReplicationProtectedItem", { resourceName: "rsv-dr", properties: { policyId: unknownValue, providerSpecificDetails: details } })!;
        expect((outputs.properties as Record<string, unknown>).providerSpecificDetails).toEqual(details);
    });

    it("keeps a secret secret, and treats a versioned type token like the default version", () => {
        const secret = { [specialSigKey]: specialSecretSig, value: "TLS1_2" };
        expect(previewOutputs("azure-native:storage/v20230501:StorageAccount", { minimumTlsVersion: secret })?.minimumTlsVersion).toEqual(secret);
    });

    it("knows nothing of a type whose response shape was not read", () => {
        expect(previewOutputs("azure-native:web:WebApp", {})).toBeUndefined();
    });
});

describe("checkedInputs: the provider's Check before Analyze", () => {
    it("fills location from azure-native:location where the resource takes one and omits it", () => {
        const config = { "azure-native:location": "westeurope" };
        expect(checkedInputs("azure-native:storage:StorageAccount", { accountName: "replicas" }, config)).toEqual({ accountName: "replicas", location: "westeurope" });
        expect(checkedInputs("azure-native:storage:StorageAccount", { location: "northeurope" }, config).location).toBe("northeurope");
        expect(checkedInputs(POLICY, policyInputs, config)).not.toHaveProperty("location");
    });
});

describe("deployedOutputs: what Azure answers once the resource exists", () => {
    it("answers a Hyper-V policy's request in the response's words: details, retention in hours, the active account", () => {
        const outputs = deployedOutputs(POLICY, policyInputs, "hyperv-5min")!;
        expect(outputs.name).toBe("hyperv-5min");
        expect((outputs.properties as Record<string, unknown>).providerSpecificDetails).toEqual({
            instanceType: "HyperVReplicaAzure",
            replicationInterval: 300,
            recoveryPointHistoryDurationInHours: 2,
            applicationConsistentSnapshotFrequencyInHours: 1,
            activeStorageAccountId: "/subscriptions/s/resourceGroups/rg-dr/providers/Microsoft.Storage/storageAccounts/replicas",
        });
        expect(JSON.stringify(outputs)).not.toContain(unknownValue);
    });
});
