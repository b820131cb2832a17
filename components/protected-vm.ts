import * as pulumi from "@pulumi/pulumi";
import * as recoveryservices from "@pulumi/azure-native/recoveryservices";
import { cite, oneOf } from "../policies/rules";
import { replicaSubnet, replicaSubnetInNetwork } from "../policies/rules/replica-subnet";
import {
    DEFAULT_REPLICA_DISK_TYPE,
    DEFAULT_REPLICA_STORAGE,
    GuestOsType,
    ReplicaDiskType,
    ReplicaLicenseType,
    ReplicaStorage,
} from "../policies/rules/replication-choices";
import { replicaVmName } from "../policies/rules/replica-vm-name";
import { replicaDiskTypeProblem } from "../policies/rules/replica-storage";
import { rejectInvalidArgs, type ArgCheck } from "./invalid-args";

/** One disk of the VM to replicate. */
export interface ProtectedVmDisk {
    /** VHD id of the disk, from the protectable item's `customDetails.diskDetails` (discovery finds it by VHD name). */
    diskId: pulumi.Input<string>;
    /** Managed disk type of this disk's replica and failed-over disk; managed-disk replicas only. Default: the VM's `diskType`. */
    diskType?: ReplicaDiskType;
}

export interface ProtectedVmArgs {
    /** Resource group of the vault. */
    resourceGroupName: pulumi.Input<string>;
    /** Name of the vault. */
    vaultName: pulumi.Input<string>;
    /** ARM name of the VMM server's fabric (64 hex characters), as discovery finds it. */
    fabricName: pulumi.Input<string>;
    /** ARM name of the VM's cloud's protection container (`cloud_<guid>`), as discovery finds it. */
    protectionContainerName: pulumi.Input<string>;
    /** ARM name (a GUID) of the VM's protectable item, as discovery finds it; it also names the protected item, as PowerShell does. */
    protectableItemName: pulumi.Input<string>;
    /** Resource id of the VM's protectable item, as discovery finds it. */
    protectableItemId: pulumi.Input<string>;
    /**
     * Resource id of the cloud's HyperVReplicaAzure policy. Pass CloudProtection's `policyId`:
     * it resolves once the cloud's mapping exists, so the VM waits for it (asr-phase2 section 5).
     */
    policyId: pulumi.Input<string>;
    /** The VM's name as VMM shows it. The Azure VM gets it unless `targetVmName` says otherwise (V1). */
    vmName: string;
    /**
     * The Hyper-V VM id (`hvHostVmId`), which PowerShell always sends as the protectable item's
     * FabricObjectId; that this is the item's `customDetails.sourceItemId`, as discovery reads
     * it, is unverified. Default: not sent.
     */
    hyperVVmId?: pulumi.Input<string>;
    /** Guest OS family; treated as required, as PowerShell and Terraform do. */
    osType: GuestOsType;
    /** The OS disk; its VHD id goes in `vhdId`, treated as required, as PowerShell and Terraform do. */
    osDisk: ProtectedVmDisk;
    /** The data disks to replicate; Site Recovery takes at most 16 (V4, which the readiness check reports). Default: none, only the OS disk replicates. */
    dataDisks?: ProtectedVmDisk[];
    /**
     * What holds the replicas. "ManagedDisks": managed disks of `diskType`, with the log
     * (cache) account (the portal's default). "StorageAccount": `targetStorageAccountId`
     * holds them (with `logStorageAccountId` when that account is premium, A6); the VM still
     * fails over to managed disks. Never both (asr-phase2 section 3.4). Default: "ManagedDisks".
     */
    replicaStorage?: ReplicaStorage;
    /** Managed disk type of the replicas and failed-over disks. Default: "Standard_LRS". */
    diskType?: ReplicaDiskType;
    /** The log (cache) storage account: required with managed-disk replicas, and with a premium target account (A6). Default: none. */
    logStorageAccountId?: pulumi.Input<string>;
    /** The storage account replicas land in, with replicaStorage "StorageAccount" only; it can't change later (A8). Default: none. */
    targetStorageAccountId?: pulumi.Input<string>;
    /** Resource id of the resource group the failed-over VM is created in. */
    targetResourceGroupId: pulumi.Input<string>;
    /**
     * Resource id of the virtual network the failed-over VM joins. Pass VmmNetworkMapping's
     * `recoveryNetworkId`, so the VM waits for the network mapping (asr-phase2 section 5).
     */
    targetNetworkId: pulumi.Input<string>;
    /** The target network's subnet names, in its order, so the subnet is chosen by A9 here. Default: none (Site Recovery applies A9 itself). */
    targetSubnetNames?: string[];
    /** The VM's subnet on premises: the target subnet of its name is chosen, else the first (A9). Default: none (the first). */
    sourceSubnetName?: string;
    /**
     * The target subnet, overriding A9's choice; one of `targetSubnetNames` when given. It is
     * sent by name in `targetAzureSubnetId`, as PowerShell does; whether the service also takes
     * a subnet id there is unverified. Default: A9's choice.
     */
    targetSubnetName?: string;
    /** Name of the failed-over VM: 1-63 letters, digits and hyphens, starting and ending with a letter or digit (V1). Default: `vmName`. */
    targetVmName?: string;
    /** Size of the failed-over VM, e.g. "Standard_D2s_v5". Default: chosen by Site Recovery from the source VM. */
    targetVmSize?: pulumi.Input<string>;
    /** Windows Server licensing of the failed-over VM ("WindowsServer" is Azure Hybrid Benefit). Default: not sent (Azure's NotSpecified). */
    licenseType?: ReplicaLicenseType;
    /**
     * Protect the protected item from deletion by Pulumi. azure-native deletes it with the
     * Purge operation, not "disable replication", so a destroy or replace throws away the
     * replica and its recovery points. Default: true.
     */
    protect?: boolean;
}

/**
 * Replication of one VMM Hyper-V VM to Azure (a replicated protected item of type
 * `HyperVReplicaAzure`): managed-disk replicas with the log account by default, failing
 * over into the target resource group, network and subnet. Creating it is the "Enable
 * protection" job; initial replication continues after it. NIC, static IP and other
 * settings Site Recovery changes with its update operation are not set here: azure-native
 * has no such operation and updates by sending the enable PUT again, which the service may
 * refuse for a protected VM (unverified); Terraform replaces on most changes.
 */
export class ProtectedVm extends pulumi.ComponentResource {
    /** The replicated protected item. */
    public readonly protectedItem: recoveryservices.ReplicationProtectedItem;
    /** Resource id of the protected item: what a recovery plan lists. */
    public readonly protectedItemId: pulumi.Output<string>;
    /** The protectable item's name, which a recovery plan lists as `virtualMachineId`. */
    public readonly virtualMachineId: pulumi.Output<string>;
    /** Name of the failed-over VM. */
    public readonly targetVmName: pulumi.Output<string>;
    /** The target subnet: `targetSubnetName`, else A9's choice; undefined when Site Recovery chooses. */
    public readonly targetSubnetName: pulumi.Output<string | undefined>;

    constructor(name: string, args: ProtectedVmArgs, opts?: pulumi.ComponentResourceOptions) {
        super("asr-hyperv:index:ProtectedVm", name, {}, opts);

        const replicaStorage = args.replicaStorage ?? DEFAULT_REPLICA_STORAGE;
        const managed = replicaStorage === ReplicaStorage.ManagedDisks;
        const diskType = args.diskType ?? DEFAULT_REPLICA_DISK_TYPE;
        const disks = [args.osDisk, ...(args.dataDisks ?? [])];
        const targetVmName = args.targetVmName ?? args.vmName;
        const subnetNames = args.targetSubnetNames ?? [];
        const targetSubnetName = args.targetSubnetName ?? replicaSubnet(subnetNames, args.sourceSubnetName);
        const diskTypes = Object.values(ReplicaDiskType);
        const diskChecks = disks.map(
            (disk, index): ArgCheck => [
                index === 0 ? "osDisk.diskType" : `dataDisks[${index - 1}].diskType`,
                disk.diskType === undefined ? undefined : (replicaDiskTypeProblem(replicaStorage, disk.diskType) ?? oneOf(disk.diskType, diskTypes)),
            ],
        );
        const vmNameProblem = replicaVmName(targetVmName);
        rejectInvalidArgs(this, `ProtectedVm ${name}`, [
            ["osType", oneOf(args.osType, Object.values(GuestOsType))],
            ["replicaStorage", oneOf(replicaStorage, Object.values(ReplicaStorage))],
            ["diskType", oneOf(diskType, diskTypes)],
            ...diskChecks,
            ["licenseType", args.licenseType === undefined ? undefined : oneOf(args.licenseType, Object.values(ReplicaLicenseType))],
            [
                "logStorageAccountId",
                managed && args.logStorageAccountId === undefined
                    ? "missing; managed-disk replicas need a standard storage account for the replication logs (the cache)"
                    : undefined,
            ],
            [
                "targetStorageAccountId",
                managed && args.targetStorageAccountId !== undefined
                    ? "is given with managed-disk replicas; Site Recovery takes a target storage account or managed-disk replication, never both: set replicaStorage StorageAccount or leave it out"
                    : !managed && args.targetStorageAccountId === undefined
                      ? "missing; replicaStorage StorageAccount needs the account replicas land in"
                      : undefined,
            ],
            args.targetVmName === undefined
                ? ["vmName", vmNameProblem && `${vmNameProblem}; set targetVmName to a name Azure takes (${cite("V1")})`]
                : ["targetVmName", vmNameProblem && `${vmNameProblem} (${cite("V1")})`],
            ["targetSubnetName", args.targetSubnetName === undefined ? undefined : replicaSubnetInNetwork(args.targetSubnetName, subnetNames)],
        ]);

        this.protectedItem = new recoveryservices.ReplicationProtectedItem(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                resourceName: args.vaultName,
                fabricName: args.fabricName,
                protectionContainerName: args.protectionContainerName,
                replicatedProtectedItemName: args.protectableItemName,
                properties: {
                    policyId: args.policyId,
                    protectableItemId: args.protectableItemId,
                    providerSpecificDetails: {
                        instanceType: "HyperVReplicaAzure",
                        vmName: args.vmName,
                        hvHostVmId: args.hyperVVmId,
                        osType: args.osType,
                        vhdId: args.osDisk.diskId,
                        targetAzureVmName: targetVmName,
                        targetVmSize: args.targetVmSize,
                        targetAzureV2ResourceGroupId: args.targetResourceGroupId,
                        targetAzureNetworkId: args.targetNetworkId,
                        // PowerShell sends the subnet's name in this field, despite its name.
                        targetAzureSubnetId: targetSubnetName,
                        // Failed-over VMs get managed disks in both modes: unmanaged targets are retired.
                        useManagedDisks: "true",
                        diskType,
                        licenseType: args.licenseType,
                        logStorageAccountId: args.logStorageAccountId,
                        ...(managed
                            ? {
                                  useManagedDisksForReplication: "true",
                                  disksToIncludeForManagedDisks: disks.map((disk) => ({ diskId: disk.diskId, diskType: disk.diskType ?? diskType })),
                              }
                            : {
                                  targetStorageAccountId: args.targetStorageAccountId,
                                  disksToInclude: disks.map((disk) => disk.diskId),
                              }),
                    },
                },
            },
            { parent: this, protect: args.protect ?? true },
        );

        this.protectedItemId = this.protectedItem.id;
        this.virtualMachineId = pulumi.output(args.protectableItemName);
        this.targetVmName = pulumi.output(targetVmName);
        this.targetSubnetName = pulumi.output(targetSubnetName);
        this.registerOutputs({
            protectedItemId: this.protectedItemId,
            virtualMachineId: this.virtualMachineId,
            targetVmName: this.targetVmName,
            targetSubnetName: this.targetSubnetName,
        });
    }
}
