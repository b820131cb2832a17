import { describe, expect, it } from "vitest";
import { CloudProtection } from "../../components/cloud-protection";
import { HyperVReplicationPolicy } from "../../components/hyperv-replication-policy";
import { ProtectedVm } from "../../components/protected-vm";
import { RecoveryPlan } from "../../components/recovery-plan";
import { VmmNetworkMapping } from "../../components/vmm-network-mapping";
import { only, record } from "../support/record";

const VAULT = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/vaults/rsv-dr";
const FABRIC = "b0cef6e9a4437b81803d0b55ada4f700ab66caae59c35d62723a1589c0cd13ac";
const FABRIC_ID = `${VAULT}/replicationFabrics/${FABRIC}`;
const CONTAINER = "cloud_6d224fc6-f326-5d35-96de-fbf51efb3179";
const TEST_VNET = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dr/providers/Microsoft.Network/virtualNetworks/vnet-dr-test";

const vault = { resourceGroupName: "rg-dr", vaultName: "rsv-dr" };
const item = (vm: string) => ({ protectedItemId: `${FABRIC_ID}/replicationProtectionContainers/${CONTAINER}/replicationProtectedItems/${vm}`, virtualMachineId: vm });

describe("RecoveryPlan", () => {
    it("fails the VMM server's VMs over to Azure group by group, with empty Shutdown and Failover groups", async () => {
        const recording = await record(
            () => new RecoveryPlan("gold", { ...vault, primaryFabricId: FABRIC_ID, bootGroups: [{ items: [item("db01")] }, { items: [item("web01"), item("web02")] }] }),
        );
        const plan = only(recording, "azure-native:recoveryservices:ReplicationRecoveryPlan");
        expect(plan.name).toBe("gold");
        expect(plan.parent).toBe(only(recording, "asr-hyperv:index:RecoveryPlan").urn);
        expect(plan.options.protect).toBe(false);
        const empty = { replicationProtectedItems: [], startGroupActions: [], endGroupActions: [] };
        const boot = (...vms: string[]) => ({ ...empty, groupType: "Boot", replicationProtectedItems: vms.map((vm) => ({ id: item(vm).protectedItemId, virtualMachineId: vm })) });
        expect(plan.inputs).toEqual({
            resourceGroupName: "rg-dr",
            resourceName: "rsv-dr",
            recoveryPlanName: "gold",
            properties: {
                primaryFabricId: FABRIC_ID,
                recoveryFabricId: "Microsoft Azure",
                failoverDeploymentModel: "ResourceManager",
                groups: [{ groupType: "Shutdown", ...empty }, { groupType: "Failover", ...empty }, boot("db01"), boot("web01", "web02")],
            },
        });
    });

    it("holds no test network, which the test failover call takes: it hands the isolated one (A10) on for the runbook", async () => {
        const recording = await record(
            () => new RecoveryPlan("gold", { ...vault, primaryFabricId: FABRIC_ID, bootGroups: [{ items: [item("web01")] }], testFailoverNetworkId: TEST_VNET }),
        );
        expect(JSON.stringify(only(recording, "azure-native:recoveryservices:ReplicationRecoveryPlan").inputs)).not.toContain(TEST_VNET);
        expect(recording.outputs.get(only(recording, "asr-hyperv:index:RecoveryPlan").urn)).toEqual({
            recoveryPlanId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/vaults/rsv-dr/replicationRecoveryPlans/gold",
            recoveryPlanName: "gold",
            testFailoverNetworkId: TEST_VNET,
        });
    });

    it.each([
        ["an update", false],
        ["a preview", true],
    ])("with the other phase-2 components, follows Azure's order in %s: policy, cloud mapping, and network mapping before each VM, VMs before the plan", async (_, preview) => {
        const recording = await record(() => {
            const policy = new HyperVReplicationPolicy("gold", vault);
            const cloud = new CloudProtection("gold", { ...vault, fabricName: FABRIC, protectionContainerName: CONTAINER, policyId: policy.policyId });
            const network = new VmmNetworkMapping("corp", { ...vault, fabricName: FABRIC, networkName: "net-guid", recoveryNetworkId: TEST_VNET.replace("-test", "") });
            const web01 = new ProtectedVm("web01", {
                ...vault,
                fabricName: FABRIC,
                protectionContainerName: CONTAINER,
                protectableItemName: "web01-guid",
                protectableItemId: "web01-protectable-id",
                policyId: cloud.policyId,
                vmName: "web01",
                osType: "Linux",
                osDisk: { diskId: "os" },
                logStorageAccountId: "log-account-id",
                targetResourceGroupId: "rg-id",
                targetNetworkId: network.recoveryNetworkId,
            });
            return new RecoveryPlan("gold", {
                ...vault,
                primaryFabricId: FABRIC_ID,
                bootGroups: [{ items: [{ protectedItemId: web01.protectedItemId, virtualMachineId: web01.virtualMachineId }] }],
            });
        }, { preview });
        const urn = (type: string) => only(recording, `azure-native:recoveryservices:${type}`).urn;
        const dependsOn = (type: string) => only(recording, `azure-native:recoveryservices:${type}`).dependencies;
        expect(dependsOn("ReplicationProtectionContainerMapping")).toContain(urn("ReplicationPolicy"));
        expect(dependsOn("ReplicationProtectedItem")).toEqual(expect.arrayContaining([urn("ReplicationProtectionContainerMapping"), urn("ReplicationNetworkMapping")]));
        expect(dependsOn("ReplicationRecoveryPlan")).toContain(urn("ReplicationProtectedItem"));
        // The network mapping needs only the fabric and the VNet: it may come before the policy, as the tutorial does it.
        expect(dependsOn("ReplicationNetworkMapping")).toEqual([]);
    });
    it("refuses no groups, more than seven, and a VM in two groups (RP18), naming the argument, against the component", () => {
        expect(() => new RecoveryPlan("gold", { ...vault, primaryFabricId: FABRIC_ID, bootGroups: [] })).toThrow(
            expect.objectContaining({
                message: "RecoveryPlan gold: bootGroups: has 0 groups; a recovery plan holds 1-7 (RP18)",
                resource: expect.any(RecoveryPlan),
            }),
        );
        const eight = Array.from({ length: 8 }, (_, n) => ({ items: [item(`vm${n}`)] }));
        expect(() => new RecoveryPlan("gold", { ...vault, primaryFabricId: FABRIC_ID, bootGroups: eight })).toThrow(/bootGroups: has 8 groups; a recovery plan holds 1-7/);
        expect(() => new RecoveryPlan("gold", { ...vault, primaryFabricId: FABRIC_ID, bootGroups: [{ items: [item("web01")] }, { items: [item("WEB01")] }] })).toThrow(
            /^RecoveryPlan gold: bootGroups: group 1 lists "WEB01", as group 0 does; a VM belongs to one group \(RP18\)$/,
        );
    });
});
