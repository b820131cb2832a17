import { describe, expect, it } from "vitest";
import { CloudProtection, type CloudProtectionArgs } from "../../components/cloud-protection";
import { HyperVReplicationPolicy } from "../../components/hyperv-replication-policy";
import { only, record } from "../support/record";

describe("CloudProtection", () => {
    const vault = { resourceGroupName: "rg-dr", vaultName: "rsv-dr" };
    const cloud = {
        ...vault,
        fabricName: "b0cef6e9a4437b81803d0b55ada4f700ab66caae59c35d62723a1589c0cd13ac",
        protectionContainerName: "cloud_6d224fc6-f326-5d35-96de-fbf51efb3179",
    };

    it("maps the policy to the cloud with Azure as the target and the provider input the service requires, protected", async () => {
        const recording = await record(() => {
            const policy = new HyperVReplicationPolicy("gold", vault);
            return new CloudProtection("gold-cloud", { ...cloud, policyId: policy.policyId });
        });
        const mapping = only(recording, "azure-native:recoveryservices:ReplicationProtectionContainerMapping");
        const policy = only(recording, "azure-native:recoveryservices:ReplicationPolicy");
        expect(mapping.name).toBe("gold-cloud");
        expect(mapping.parent).toBe(only(recording, "asr-hyperv:index:CloudProtection").urn);
        expect(mapping.inputs).toEqual({
            resourceGroupName: "rg-dr",
            resourceName: "rsv-dr",
            fabricName: cloud.fabricName,
            protectionContainerName: cloud.protectionContainerName,
            mappingName: "gold-cloud",
            properties: {
                policyId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/vaults/rsv-dr/replicationPolicies/gold",
                targetProtectionContainerId: "Microsoft Azure",
                providerSpecificInput: { instanceType: "" },
            },
        });
        expect(mapping.dependencies).toContain(policy.urn);
        // Deleting a mapping through azure-native purges the cloud's replication settings.
        expect(mapping.options.protect).toBe(true);
    });

    it("sends the spec's provider input instead, and no protection, when asked", async () => {
        const recording = await record(
            () =>
                new CloudProtection("gold-cloud", {
                    ...cloud,
                    policyId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/vaults/rsv-dr/replicationPolicies/gold",
                    mappingName: "gold-to-azure",
                    providerSpecificInstanceType: "ReplicationProviderSpecificContainerMappingInput",
                    protect: false,
                }),
        );
        const mapping = only(recording, "azure-native:recoveryservices:ReplicationProtectionContainerMapping");
        expect(mapping.inputs).toMatchObject({
            mappingName: "gold-to-azure",
            properties: { providerSpecificInput: { instanceType: "ReplicationProviderSpecificContainerMappingInput" } },
        });
        expect(mapping.options.protect).toBe(false);
    });

    it("hands on the policy id only once the mapping exists, so protected VMs wait for it", async () => {
        const recording = await record(() => {
            const protection = new CloudProtection("gold-cloud", { ...cloud, policyId: "policy-id" });
            return new CloudProtection("waits", { ...cloud, protectionContainerName: "cloud_other", policyId: protection.policyId });
        });
        const [first, second] = recording.resources.filter((r) => r.type === "azure-native:recoveryservices:ReplicationProtectionContainerMapping");
        expect(second!.dependencies).toContain(first!.urn);
        expect((second!.inputs.properties as { policyId: string }).policyId).toBe("policy-id");
    });

    it("refuses a provider input of another scenario, naming the argument, against the component", () => {
        const a2a = { providerSpecificInstanceType: "A2A" } as unknown as Pick<CloudProtectionArgs, "providerSpecificInstanceType">;
        expect(() => new CloudProtection("gold-cloud", { ...cloud, policyId: "policy-id", ...a2a })).toThrow(
            expect.objectContaining({
                message: 'CloudProtection gold-cloud: providerSpecificInstanceType "A2A" is not allowed; allowed: "" (Terraform\'s workaround) or "ReplicationProviderSpecificContainerMappingInput" (the spec\'s example)',
                resource: expect.any(CloudProtection),
            }),
        );
    });
});
