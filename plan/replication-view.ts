import { loadStackConfig, type StackConfig } from "../config/load";
import { phaseOneSteps } from "../stack/outputs";
import { recoveryPlanName } from "../config/replication";
import { cloudPolicyName, targetSubnetOf } from "../stack/replication";

/** A protected VM as the plan shows it: where and how it fails over. */
export interface PlannedVm {
    name: string;
    targetVmName: string;
    /** The failover subnet: configured, or A9's choice. */
    targetSubnet: string | null;
    diskType: string;
    /** VHD names to replicate as config gives them; null where Site Recovery's list decides. */
    osDisk: string | null;
    dataDisks: string[] | null;
    bootGroup: number;
}

/** The replication a stack sets up, in the words of its config. */
export interface ReplicationView {
    /** 1: vault, storage, network and policies; 2: the VMM clouds' VMs are protected too. */
    phase: 1 | 2;
    replicas: string;
    /** Where phase 2's ARM names come from: config, or the vault at preview (placeholders in this plan). */
    namesFrom: "config" | "vault" | null;
    policies: { name: string; copyFrequencySeconds: number; recoveryPointRetentionHours: number; appConsistentFrequencyHours: number }[];
    clouds: { name: string; policy: string; recoveryPlan: string | null; vms: PlannedVm[] }[];
    /** Phase 1: what to do before phase 2, in order. */
    nextSteps: string[];
}

function vmsOf(config: StackConfig, cloud: NonNullable<StackConfig["site"]>["clouds"][number]): PlannedVm[] {
    return cloud.vms.map((vm) => ({
        name: vm.name,
        targetVmName: vm.targetVmName ?? vm.name,
        targetSubnet: targetSubnetOf(config, vm) ?? null,
        diskType: vm.diskType,
        osDisk: vm.osDisk ?? null,
        dataDisks: vm.dataDisks ?? null,
        bootGroup: vm.bootGroup,
    }));
}

/**
 * The replication view of a stack of ours; null for a program whose config isn't ours or
 * isn't valid (the program's run reports that).
 */
export function replicationView(config: Readonly<Record<string, string>>, project: string, stack: string): ReplicationView | null {
    let loaded: StackConfig;
    try {
        loaded = loadStackConfig(config, project, stack).config;
    } catch {
        return null;
    }
    const site = loaded.site;
    return {
        phase: site === undefined ? 1 : 2,
        replicas: loaded.storage.replicas,
        namesFrom: site === undefined ? null : site.names === undefined ? "vault" : "config",
        policies: loaded.replicationPolicies.map((policy) => ({
            name: policy.name,
            copyFrequencySeconds: policy.copyFrequencySeconds,
            recoveryPointRetentionHours: policy.recoveryPointRetentionHours,
            appConsistentFrequencyHours: policy.appConsistentFrequencyHours,
        })),
        clouds: (site?.clouds ?? []).map((cloud) => ({
            name: cloud.name,
            policy: cloudPolicyName(loaded, cloud),
            recoveryPlan: recoveryPlanName(cloud) ?? null,
            vms: vmsOf(loaded, cloud),
        })),
        nextSteps: site === undefined ? phaseOneSteps(loaded) : [],
    };
}
