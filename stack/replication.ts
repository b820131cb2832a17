import * as pulumi from "@pulumi/pulumi";
import {
    CloudProtection,
    FailoverNetwork,
    HyperVReplicationPolicy,
    ProtectedVm,
    RecoveryPlan,
    ReplicationStorage,
    VmmNetworkMapping,
    type RecoveryPlanBootGroup,
} from "../components";
import { NAMESPACE } from "../config/schema";
import { ConfigError, type StackConfig } from "../config/load";
import { MAX_DATA_DISKS, containerMappingName, networkMappingName, recoveryPlanName, type SiteConfig } from "../config/replication";
import type { DiscoveredCloud, DiscoveredDisk, DiscoveredVm, SiteRecoveryNames } from "../discovery";
import { GuestOsType, ReplicaStorage } from "../policies/rules/replication-choices";
import { cite, listed, quoted, sameAzureName } from "../policies/rules";
import { replicaSubnet } from "../policies/rules/replica-subnet";

/** What phase 2 builds on: the phase-1 resources and the stack's resource group. */
export interface ReplicationBase {
    config: StackConfig;
    subscriptionId: string;
    resourceGroupName: pulumi.Output<string>;
    vaultName: pulumi.Output<string>;
    storage: ReplicationStorage;
    network: FailoverNetwork;
}

export type SiteVm = SiteConfig["clouds"][number]["vms"][number];

/** The replication policies of config (phase 1: they need only the vault), by name. */
export function replicationPolicies(base: ReplicationBase): Map<string, HyperVReplicationPolicy> {
    const { config, storage } = base;
    const accounts = storage.replicas === ReplicaStorage.StorageAccount ? [storage.dataAccountId.apply((id) => id!)] : undefined;
    return new Map(
        config.replicationPolicies.map((policy) => [
            policy.name,
            new HyperVReplicationPolicy(`policy-${policy.name}`, {
                resourceGroupName: base.resourceGroupName,
                vaultName: base.vaultName,
                policyName: policy.name,
                copyFrequencySeconds: policy.copyFrequencySeconds,
                recoveryPointRetentionHours: policy.recoveryPointRetentionHours,
                appConsistentFrequencyHours: policy.appConsistentFrequencyHours,
                initialReplicationStartTime: policy.initialReplicationStartTime,
                storageAccounts: accounts,
            }),
        ]),
    );
}

class SiteProblems {
    readonly lines: string[] = [];
    add(path: string, message: string): void {
        this.lines.push(`${NAMESPACE}:site.${path}: ${message}`);
    }
}


/** The VM's OS disk and data disks as config and Site Recovery say; problems where neither says. */
function disksOf(vm: SiteVm, found: DiscoveredVm, path: string, problems: SiteProblems): { os?: DiscoveredDisk; data: DiscoveredDisk[] } {
    const all = Object.values(found.disks);
    const os = vm.osDisk === undefined ? all.find((disk) => disk.operatingSystem) : found.disks[vm.osDisk];
    if (os === undefined) {
        problems.add(`${path}.osDisk`, `Site Recovery reports no OS disk for ${quoted(vm.name)} (disks: ${listed(all.map((disk) => quoted(disk.vhdName)))}); name it`);
    }
    const data = vm.dataDisks === undefined ? all.filter((disk) => disk !== os) : vm.dataDisks.map((name) => found.disks[name]!);
    if (data.length > MAX_DATA_DISKS) {
        problems.add(
            `${path}.dataDisks`,
            `${quoted(vm.name)} has ${data.length} data disks and Site Recovery replicates at most ${MAX_DATA_DISKS} (${cite("V4")}); list the ones to replicate`,
        );
    }
    return { ...(os === undefined ? {} : { os }), data };
}

function osTypeOf(vm: SiteVm, found: DiscoveredVm, path: string, problems: SiteProblems): GuestOsType | undefined {
    if (vm.osType !== undefined) {
        return vm.osType;
    }
    const detected = Object.values(GuestOsType).find((type) => sameAzureName(type, found.osType));
    if (detected === undefined) {
        problems.add(`${path}.osType`, `Site Recovery reports ${found.osType === undefined ? "no" : `the unknown`} OS type${found.osType === undefined ? "" : ` ${quoted(found.osType)}`} for ${quoted(vm.name)}; set Windows or Linux`);
    }
    return detected;
}

/** One VM's replication, waiting for its cloud's mapping and the network mappings, as Azure's order has it (asr-phase2 section 5). */
interface VmPlan {
    vm: SiteVm;
    found: DiscoveredVm;
    osType: GuestOsType;
    os: DiscoveredDisk;
    data: DiscoveredDisk[];
}

/** What every protected VM of the site targets, made once for all of them. */
interface Targets {
    networkId: pulumi.Output<string>;
    resourceGroupId: pulumi.Output<string>;
    logAccountId: pulumi.Output<string> | undefined;
    dataAccountId: pulumi.Output<string> | undefined;
    subnetNames: string[];
}

function targetsOf(base: ReplicationBase, networkId: pulumi.Output<string>): Targets {
    const { storage } = base;
    const defined = (id: pulumi.Output<string | undefined>) => id.apply((value) => value!);
    return {
        networkId,
        resourceGroupId: base.resourceGroupName.apply(
            (group) => `/subscriptions/${base.subscriptionId}/resourceGroups/${base.config.site?.targetResourceGroupName ?? group}`,
        ),
        logAccountId: storage.hasLogAccount ? defined(storage.logAccountId) : undefined,
        dataAccountId: storage.replicas === ReplicaStorage.StorageAccount ? defined(storage.dataAccountId) : undefined,
        subnetNames: base.config.network.subnets.map((subnet) => subnet.name),
    };
}

function protectedVm(base: ReplicationBase, names: SiteRecoveryNames, cloud: DiscoveredCloud, plan: VmPlan, policyId: pulumi.Output<string>, targets: Targets): ProtectedVm {
    const { config, storage } = base;
    const { vm, found } = plan;
    return new ProtectedVm(`vm-${vm.name}`, {
        resourceGroupName: base.resourceGroupName,
        vaultName: base.vaultName,
        fabricName: names.fabricName,
        protectionContainerName: cloud.containerName,
        protectableItemName: found.protectableItemName,
        protectableItemId: found.protectableItemId,
        policyId,
        vmName: vm.name,
        hyperVVmId: found.hyperVVmId,
        osType: plan.osType,
        osDisk: { diskId: plan.os.vhdId },
        dataDisks: plan.data.map((disk) => ({ diskId: disk.vhdId })),
        replicaStorage: storage.replicas,
        diskType: vm.diskType,
        logStorageAccountId: targets.logAccountId,
        targetStorageAccountId: targets.dataAccountId,
        targetResourceGroupId: targets.resourceGroupId,
        targetNetworkId: targets.networkId,
        targetSubnetNames: targets.subnetNames,
        targetSubnetName: targetSubnetOf(config, vm),
        targetVmName: vm.targetVmName,
        targetVmSize: vm.targetVmSize,
        licenseType: vm.licenseType,
        protect: config.protect,
    });
}

/** The failover subnet a VM joins: the one config names, else the one named like its source subnet, else the first (A9). */
export function targetSubnetOf(config: StackConfig, vm: SiteVm): string | undefined {
    const subnets = config.network.subnets.map((subnet) => subnet.name);
    return vm.targetSubnet === undefined ? replicaSubnet(subnets, vm.sourceSubnet) : subnets.find((subnet) => sameAzureName(subnet, vm.targetSubnet));
}

/** The configured policy a cloud maps: the one it names, else the first. */
export function cloudPolicyName(config: StackConfig, cloud: SiteConfig["clouds"][number]): string {
    const policies = config.replicationPolicies;
    return (cloud.replicationPolicy === undefined ? undefined : policies.find((policy) => sameAzureName(policy.name, cloud.replicationPolicy)))?.name ?? policies[0]!.name;
}

/** The VMs in boot groups by `bootGroup`, in its order, skipping numbers no VM uses. */
function bootGroups(vms: readonly { vm: SiteVm; protected: ProtectedVm }[]): RecoveryPlanBootGroup[] {
    const numbers = [...new Set(vms.map((each) => each.vm.bootGroup))].sort((a, b) => a - b);
    return numbers.map((number) => ({
        items: vms
            .filter((each) => each.vm.bootGroup === number)
            .map((each) => ({ protectedItemId: each.protected.protectedItemId, virtualMachineId: each.protected.virtualMachineId })),
    }));
}

/** What phase 2 made, for the stack's outputs. */
export interface SiteReplication {
    networkMappings: Record<string, VmmNetworkMapping>;
    clouds: Record<string, { protection: CloudProtection; recoveryPlan?: RecoveryPlan }>;
    vms: Record<string, ProtectedVm>;
}

/**
 * Phase 2, in Azure's order: each VM network mapped to the failover network, each cloud's
 * policy mapped to its container, each VM protected once both exist, and each cloud's
 * recovery plan over its VMs, its test failovers aimed at the isolated network (A10).
 * Everything is checked before the first resource: a VM whose OS disk or OS type neither
 * config nor Site Recovery gives stops the program with nothing of phase 2 created.
 */
export function replicateSite(base: ReplicationBase, site: SiteConfig, names: SiteRecoveryNames, policies: Map<string, HyperVReplicationPolicy>): SiteReplication {
    const problems = new SiteProblems();
    const plans = site.clouds.map((cloud, c) =>
        cloud.vms.flatMap((vm, v): VmPlan[] => {
            const path = `clouds[${c}].vms[${v}]`;
            const found = names.clouds[cloud.name]!.vms[vm.name]!;
            const osType = osTypeOf(vm, found, path, problems);
            const { os, data } = disksOf(vm, found, path, problems);
            return osType === undefined || os === undefined ? [] : [{ vm, found, osType, os, data }];
        }),
    );
    if (problems.lines.length > 0) {
        throw new ConfigError(problems.lines);
    }

    const networkMappings = Object.fromEntries(
        site.vmNetworks.map((vmNetwork) => [
            vmNetwork,
            new VmmNetworkMapping(`network-mapping-${vmNetwork}`, {
                resourceGroupName: base.resourceGroupName,
                vaultName: base.vaultName,
                fabricName: names.fabricName,
                networkName: names.vmNetworks[vmNetwork]!.networkName,
                recoveryNetworkId: base.network.virtualNetworkId,
                networkMappingName: networkMappingName(vmNetwork),
            }),
        ]),
    );
    // A VM may sit on any mapped VM network: it waits for all of them.
    const mappings = Object.values(networkMappings);
    const networkId =
        mappings.length === 0 ? base.network.virtualNetworkId : pulumi.all(mappings.map((mapping) => mapping.recoveryNetworkId)).apply((ids) => ids[0]!);

    const targets = targetsOf(base, networkId);
    const vms: Record<string, ProtectedVm> = {};
    const clouds: SiteReplication["clouds"] = {};
    site.clouds.forEach((cloud, c) => {
        const discovered = names.clouds[cloud.name]!;
        const policy = policies.get(cloudPolicyName(base.config, cloud))!;
        const protection = new CloudProtection(`cloud-${cloud.name}`, {
            resourceGroupName: base.resourceGroupName,
            vaultName: base.vaultName,
            fabricName: names.fabricName,
            protectionContainerName: discovered.containerName,
            policyId: policy.policyId,
            mappingName: containerMappingName(cloud.name),
            protect: base.config.protect,
        });
        const members = plans[c]!.map((plan) => {
            const made = protectedVm(base, names, discovered, plan, protection.policyId, targets);
            vms[plan.vm.name] = made;
            return { vm: plan.vm, protected: made };
        });
        const planName = recoveryPlanName(cloud);
        const recoveryPlan =
            planName === undefined || members.length === 0
                ? undefined
                : new RecoveryPlan(`recovery-plan-${cloud.name}`, {
                      resourceGroupName: base.resourceGroupName,
                      vaultName: base.vaultName,
                      recoveryPlanName: planName,
                      primaryFabricId: names.fabricId,
                      bootGroups: bootGroups(members),
                      testFailoverNetworkId: base.network.testVirtualNetwork?.id,
                  });
        clouds[cloud.name] = { protection, ...(recoveryPlan === undefined ? {} : { recoveryPlan }) };
    });
    return { networkMappings, clouds, vms };
}
