import { describe, expect, it } from "vitest";
import { HyperVReplicationPolicy, type HyperVReplicationPolicyArgs } from "../../components/hyperv-replication-policy";
import { PORTAL_POLICY_INPUT } from "../support/expected";
import { only, record } from "../support/record";

describe("HyperVReplicationPolicy", () => {
    const args = { resourceGroupName: "rg-dr", vaultName: "rsv-dr" };

    it("creates a HyperVReplicaAzure policy with the portal's defaults: 5 min, 2 h, 1 h, start at once (R6)", async () => {
        const recording = await record(() => new HyperVReplicationPolicy("gold", args));
        const policy = only(recording, "azure-native:recoveryservices:ReplicationPolicy");
        expect(policy.name).toBe("gold");
        expect(policy.parent).toBe(only(recording, "asr-hyperv:index:HyperVReplicationPolicy").urn);
        expect(policy.options.protect).toBe(false);
        expect(policy.inputs).toEqual({
            resourceGroupName: "rg-dr",
            resourceName: "rsv-dr",
            policyName: "gold",
            properties: {
                providerSpecificInput: PORTAL_POLICY_INPUT,
            },
        });
    });

    it("takes every setting, the storage accounts VMs may replicate to (R7), and protection", async () => {
        const account = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dr/providers/Microsoft.Storage/storageAccounts/asrstd";
        const recording = await record(
            () =>
                new HyperVReplicationPolicy("gold", {
                    ...args,
                    policyName: "gold-15min",
                    copyFrequencySeconds: 900,
                    recoveryPointRetentionHours: 24,
                    appConsistentFrequencyHours: 0,
                    initialReplicationStartTime: "22:00:00",
                    storageAccounts: [account],
                    replicaStorageSkus: ["Premium_LRS"],
                    protect: true,
                }),
        );
        const policy = only(recording, "azure-native:recoveryservices:ReplicationPolicy");
        expect(policy.options.protect).toBe(true);
        expect(policy.inputs.properties).toEqual({
            providerSpecificInput: {
                instanceType: "HyperVReplicaAzure",
                replicationInterval: 900,
                recoveryPointHistoryDuration: 24,
                applicationConsistentSnapshotFrequencyInHours: 0,
                onlineReplicationStartTime: "22:00:00",
                storageAccounts: [account],
            },
        });
        expect(recording.outputs.get(only(recording, "asr-hyperv:index:HyperVReplicationPolicy").urn)).toEqual({
            policyId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/vaults/rsv-dr/replicationPolicies/gold-15min",
            policyName: "gold-15min",
        });
    });

    it("refuses a copy frequency outside R1, naming the argument, against the component", () => {
        expect(() => new HyperVReplicationPolicy("gold", { ...args, copyFrequencySeconds: 60 })).toThrow(
            expect.objectContaining({
                message: expect.stringMatching(/^HyperVReplicationPolicy gold: copyFrequencySeconds: copy frequency 60 s is not allowed; allowed: 30, 300, 900 seconds \(R1: /),
                resource: expect.any(HyperVReplicationPolicy),
            }),
        );
    });

    it("refuses 30-second copies onto premium storage (R2)", () => {
        expect(() => new HyperVReplicationPolicy("gold", { ...args, copyFrequencySeconds: 30, replicaStorageSkus: ["Premium_LRS"] })).toThrow(
            /^HyperVReplicationPolicy gold: copyFrequencySeconds: copy frequency 30 s is used with premium storage; use 300 or 900 seconds \(R2: /,
        );
    });

    it("refuses a retention outside 0-24 h (R3) and app-consistent snapshots above it (R4), each by its argument", () => {
        expect(() => new HyperVReplicationPolicy("gold", { ...args, recoveryPointRetentionHours: 1, appConsistentFrequencyHours: 4 })).toThrow(
            /^HyperVReplicationPolicy gold: appConsistentFrequencyHours: app-consistent snapshot frequency 4 h is above the recovery point retention 1 h \(R4: /,
        );
        const bad = { recoveryPointRetentionHours: 25, appConsistentFrequencyHours: 13 } as HyperVReplicationPolicyArgs;
        expect(() => new HyperVReplicationPolicy("gold", { ...args, ...bad })).toThrow(
            /recoveryPointRetentionHours: recovery point retention 25 h is outside 0-24 whole hours \(R3: .*; appConsistentFrequencyHours: app-consistent snapshot frequency 13 h is outside 0-12 whole hours \(R4: /,
        );
    });
});
