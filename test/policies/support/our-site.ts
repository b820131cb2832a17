import type * as pulumi from "@pulumi/pulumi";
import {
    CloudProtection,
    FailoverNetwork,
    HyperVReplicationPolicy,
    ProtectedVm,
    RecoveryVault,
    ReplicationStorage,
    VmmNetworkMapping,
    type HyperVReplicationPolicyArgs,
    type ProtectedVmArgs,
    type ReplicationStorageArgs,
} from "../../../components";
import type { Recording } from "../../../engine/recorder";
import { record } from "../../support/record";
import { violations, type AnalyzeFixtureOptions } from "./fixtures";

const FABRIC = "b0cef6e9a4437b81803d0b55ada4f700ab66caae59c35d62723a1589c0cd13ac";
const CONTAINER = "cloud_6d224fc6-f326-5d35-96de-fbf51efb3179";
const SUBSCRIPTION = "/subscriptions/00000000-0000-0000-0000-000000000000";

export interface OurSiteChoices {
    storage?: Partial<ReplicationStorageArgs>;
    policy?: Partial<HyperVReplicationPolicyArgs>;
    /** Changes to web01, the VM protected; made from the storage when a function. */
    vm?: Partial<ProtectedVmArgs> | ((storage: ReplicationStorage) => Partial<ProtectedVmArgs>);
    /** Protect web01 with the policy's own id, not waiting for the cloud's mapping. */
    bypassMapping?: boolean;
}

/**
 * Our components wired as a phase-2 stack wires them: vault, storage, failover network
 * (subnets web and sql), a policy mapped to cloud Gold, the VMM network mapped to the
 * failover network, and web01 protected, recorded as a preview or as an update.
 */
export function recordOurSite(choices: OurSiteChoices, preview: boolean): Promise<Recording> {
    return record(
        () => {
            const where = { resourceGroupName: "rg-dr", vaultName: "rsv-dr" };
            const vault = new RecoveryVault("vault", { ...where, location: "westeurope" });
            const storage = new ReplicationStorage("storage", { resourceGroupName: "rg-dr", vault, ...choices.storage });
            const network = new FailoverNetwork("network", {
                resourceGroupName: "rg-dr",
                vault,
                virtualNetworkName: "vnet-dr",
                addressSpace: ["10.50.0.0/16"],
                subnets: [
                    { name: "web", addressPrefix: "10.50.1.0/24" },
                    { name: "sql", addressPrefix: "10.50.2.0/24" },
                ],
            });
            const managed = storage.replicas === "ManagedDisks";
            const dataAccount = storage.dataAccountId as pulumi.Output<string>;
            const policy = new HyperVReplicationPolicy("gold", { ...where, vaultName: vault.vaultName, storageAccounts: managed ? undefined : [dataAccount], ...choices.policy });
            const cloud = new CloudProtection("gold", { ...where, vaultName: vault.vaultName, fabricName: FABRIC, protectionContainerName: CONTAINER, policyId: policy.policyId });
            const mapped = new VmmNetworkMapping("corp", { ...where, vaultName: vault.vaultName, fabricName: FABRIC, networkName: "net-guid", recoveryNetworkId: network.virtualNetworkId });
            new ProtectedVm("web01", {
                ...where,
                vaultName: vault.vaultName,
                fabricName: FABRIC,
                protectionContainerName: CONTAINER,
                protectableItemName: "web01-guid",
                protectableItemId: `${SUBSCRIPTION}/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/vaults/rsv-dr/replicationFabrics/${FABRIC}/replicationProtectionContainers/${CONTAINER}/replicationProtectableItems/web01-guid`,
                policyId: choices.bypassMapping === true ? policy.policyId : cloud.policyId,
                vmName: "web01",
                osType: "Windows",
                osDisk: { diskId: "os-vhd-id" },
                dataDisks: [{ diskId: "data-vhd-id" }],
                replicaStorage: storage.replicas,
                logStorageAccountId: storage.logAccountId as pulumi.Output<string>,
                ...(managed ? {} : { targetStorageAccountId: dataAccount }),
                targetResourceGroupId: `${SUBSCRIPTION}/resourceGroups/rg-dr-failover`,
                targetNetworkId: mapped.recoveryNetworkId,
                targetSubnetNames: ["web", "sql"],
                sourceSubnetName: "sql",
                ...(typeof choices.vm === "function" ? choices.vm(storage) : choices.vm),
            });
        },
        { preview },
    );
}

/** The pack's violations over our site, as a preview or once deployed. */
export async function ourSiteViolations(choices: OurSiteChoices, preview: boolean, options: AnalyzeFixtureOptions & { policy?: string } = {}) {
    const recording = await recordOurSite(choices, preview);
    return violations(recording.resources, { ...options, outputs: recording.outputs, deployed: !preview });
}
