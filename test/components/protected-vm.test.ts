import { describe, expect, it } from "vitest";
import { CloudProtection } from "../../components/cloud-protection";
import { ProtectedVm, type ProtectedVmArgs } from "../../components/protected-vm";
import { VmmNetworkMapping } from "../../components/vmm-network-mapping";
import { only, record } from "../support/record";

const VAULT = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/vaults/rsv-dr";
const FABRIC = "b0cef6e9a4437b81803d0b55ada4f700ab66caae59c35d62723a1589c0cd13ac";
const CONTAINER = "cloud_6d224fc6-f326-5d35-96de-fbf51efb3179";
const ITEM = "f8491e4f-817a-40dd-a90c-af773978c75b";
const LOG_ACCOUNT = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dr/providers/Microsoft.Storage/storageAccounts/asrstd";
const TARGET_GROUP = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dr-failover";
const VNET = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dr/providers/Microsoft.Network/virtualNetworks/vnet-dr";

/** web01 as discovery finds it in cloud Gold, with its OS disk and one data disk. */
const web01: ProtectedVmArgs = {
    resourceGroupName: "rg-dr",
    vaultName: "rsv-dr",
    fabricName: FABRIC,
    protectionContainerName: CONTAINER,
    protectableItemName: ITEM,
    protectableItemId: `${VAULT}/replicationFabrics/${FABRIC}/replicationProtectionContainers/${CONTAINER}/replicationProtectableItems/${ITEM}`,
    policyId: `${VAULT}/replicationPolicies/gold`,
    vmName: "web01",
    osType: "Windows",
    osDisk: { diskId: "os-vhd-id" },
    dataDisks: [{ diskId: "data-vhd-id", diskType: "Premium_LRS" }],
    logStorageAccountId: LOG_ACCOUNT,
    targetResourceGroupId: TARGET_GROUP,
    targetNetworkId: VNET,
};

function details(recording: Awaited<ReturnType<typeof record>>): Record<string, unknown> {
    const item = only(recording, "azure-native:recoveryservices:ReplicationProtectedItem");
    return (item.inputs.properties as { providerSpecificDetails: Record<string, unknown> }).providerSpecificDetails;
}

describe("ProtectedVm", () => {
    it("replicates to managed disks with the log account by default, protected, named after the protectable item", async () => {
        const recording = await record(() => new ProtectedVm("web01", web01));
        const item = only(recording, "azure-native:recoveryservices:ReplicationProtectedItem");
        expect(item.name).toBe("web01");
        expect(item.parent).toBe(only(recording, "asr-hyperv:index:ProtectedVm").urn);
        // Deleting a protected item through azure-native purges its replica and recovery points.
        expect(item.options.protect).toBe(true);
        expect(item.inputs).toMatchObject({
            resourceGroupName: "rg-dr",
            resourceName: "rsv-dr",
            fabricName: FABRIC,
            protectionContainerName: CONTAINER,
            replicatedProtectedItemName: ITEM,
            properties: { policyId: web01.policyId, protectableItemId: web01.protectableItemId },
        });
        expect(details(recording)).toEqual({
            instanceType: "HyperVReplicaAzure",
            vmName: "web01",
            osType: "Windows",
            vhdId: "os-vhd-id",
            targetAzureVmName: "web01",
            targetAzureV2ResourceGroupId: TARGET_GROUP,
            targetAzureNetworkId: VNET,
            useManagedDisks: "true",
            useManagedDisksForReplication: "true",
            diskType: "Standard_LRS",
            logStorageAccountId: LOG_ACCOUNT,
            disksToIncludeForManagedDisks: [
                { diskId: "os-vhd-id", diskType: "Standard_LRS" },
                { diskId: "data-vhd-id", diskType: "Premium_LRS" },
            ],
        });
        expect(recording.outputs.get(only(recording, "asr-hyperv:index:ProtectedVm").urn)).toMatchObject({
            protectedItemId: `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/vaults/rsv-dr/replicationFabrics/${FABRIC}/replicationProtectionContainers/${CONTAINER}/replicationProtectedItems/${ITEM}`,
            virtualMachineId: ITEM,
            targetVmName: "web01",
        });
    });

    it("joins the target subnet named like its source subnet, else the first (A9)", async () => {
        const subnets = { targetSubnetNames: ["workloads", "Data", "management"] };
        const joins = async (more: Partial<ProtectedVmArgs>) => details(await record(() => new ProtectedVm("web01", { ...web01, ...subnets, ...more }))).targetAzureSubnetId;
        expect(await joins({ sourceSubnetName: "data" })).toBe("Data");
        expect(await joins({ sourceSubnetName: "dmz" })).toBe("workloads");
        expect(await joins({ sourceSubnetName: "data", targetSubnetName: "management" })).toBe("management");
    });

    it("replicates into a storage account when asked, never with managed-disk replication, and fails over to managed disks", async () => {
        const target = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dr/providers/Microsoft.Storage/storageAccounts/asrprm";
        const recording = await record(
            () =>
                new ProtectedVm("web01", {
                    ...web01,
                    dataDisks: [{ diskId: "data-vhd-id" }],
                    replicaStorage: "StorageAccount",
                    targetStorageAccountId: target,
                    targetVmName: "web01-dr",
                    targetVmSize: "Standard_D2s_v5",
                    licenseType: "WindowsServer",
                    hyperVVmId: "hyperv-vm-id",
                    protect: false,
                }),
        );
        expect(details(recording)).toMatchObject({
            hvHostVmId: "hyperv-vm-id",
            targetAzureVmName: "web01-dr",
            targetVmSize: "Standard_D2s_v5",
            licenseType: "WindowsServer",
            useManagedDisks: "true",
            targetStorageAccountId: target,
            logStorageAccountId: LOG_ACCOUNT,
            disksToInclude: ["os-vhd-id", "data-vhd-id"],
        });
        expect(details(recording)).not.toHaveProperty("useManagedDisksForReplication");
        expect(details(recording)).not.toHaveProperty("disksToIncludeForManagedDisks");
        expect(only(recording, "azure-native:recoveryservices:ReplicationProtectedItem").options.protect).toBe(false);
    });

    it("waits for its cloud's policy mapping and its network's mapping, as Azure's order requires", async () => {
        const recording = await record(() => {
            const cloud = new CloudProtection("gold", { resourceGroupName: "rg-dr", vaultName: "rsv-dr", fabricName: FABRIC, protectionContainerName: CONTAINER, policyId: web01.policyId });
            const network = new VmmNetworkMapping("corp", { resourceGroupName: "rg-dr", vaultName: "rsv-dr", fabricName: FABRIC, networkName: "net-guid", recoveryNetworkId: VNET });
            return new ProtectedVm("web01", { ...web01, policyId: cloud.policyId, targetNetworkId: network.recoveryNetworkId });
        });
        const item = only(recording, "azure-native:recoveryservices:ReplicationProtectedItem");
        expect(item.dependencies).toEqual(
            expect.arrayContaining([
                only(recording, "azure-native:recoveryservices:ReplicationProtectionContainerMapping").urn,
                only(recording, "azure-native:recoveryservices:ReplicationNetworkMapping").urn,
            ]),
        );
        expect(details(recording)).toMatchObject({ targetAzureNetworkId: VNET });
    });

    it("refuses a VM name Azure can't take (V1), pointing at targetVmName, against the component", () => {
        expect(() => new ProtectedVm("web01", { ...web01, vmName: "web_01" })).toThrow(
            expect.objectContaining({
                message: expect.stringMatching(/^ProtectedVm web01: vmName "web_01" may hold only letters, digits and hyphens.*; set targetVmName to a name Azure takes \(V1: /),
                resource: expect.any(ProtectedVm),
            }),
        );
        expect(() => new ProtectedVm("web01", { ...web01, targetVmName: "-web01" })).toThrow(/^ProtectedVm web01: targetVmName "-web01" may hold only/);
    });

    it("refuses managed-disk replicas without a log account or with a target account, and a storage-account replica without one", () => {
        expect(() => new ProtectedVm("web01", { ...web01, logStorageAccountId: undefined })).toThrow(
            /^ProtectedVm web01: logStorageAccountId: missing; managed-disk replicas need a standard storage account for the replication logs/,
        );
        expect(() => new ProtectedVm("web01", { ...web01, targetStorageAccountId: LOG_ACCOUNT })).toThrow(
            /^ProtectedVm web01: targetStorageAccountId: is given with managed-disk replicas; Site Recovery takes a target storage account or managed-disk replication, never both/,
        );
        expect(() => new ProtectedVm("web01", { ...web01, replicaStorage: "StorageAccount" })).toThrow(
            /^ProtectedVm web01: dataDisks\[0\].diskType: sets a replica disk type, which only managed-disk replicas have.*; targetStorageAccountId: missing; replicaStorage StorageAccount needs the account replicas land in$/,
        );
    });

    it("refuses a target subnet not in the target network (A9) and choices outside the vocabulary, each by its argument", () => {
        expect(() => new ProtectedVm("web01", { ...web01, targetSubnetNames: ["workloads"], targetSubnetName: "dmz" })).toThrow(
            /^ProtectedVm web01: targetSubnetName "dmz" is not a subnet of the target network \(subnets: workloads\) \(A9: /,
        );
        const choices = { osType: "windows", diskType: "UltraSSD_LRS", licenseType: "AHUB", osDisk: { diskId: "os", diskType: "Premium_ZRS" } } as unknown as ProtectedVmArgs;
        expect(() => new ProtectedVm("web01", { ...web01, ...choices })).toThrow(
            /^ProtectedVm web01: osType "windows" is not allowed; allowed: Windows, Linux; diskType "UltraSSD_LRS" is not allowed; allowed: Standard_LRS, StandardSSD_LRS, Premium_LRS; osDisk.diskType "Premium_ZRS" is not allowed.*; licenseType "AHUB" is not allowed; allowed: NotSpecified, NoLicenseType, WindowsServer$/,
        );
    });
});
