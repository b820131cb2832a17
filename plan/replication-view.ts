import { loadStackConfig, type StackConfig } from "../config/load";
import { phaseOneSteps } from "../stack/outputs";
import { recoveryPlanName } from "../config/replication";
import { cloudPolicyName, targetSubnetOf } from "../stack/replication";
import type { PlanDocument } from "./document";

/** The replication a stack sets up, in the words of its config: the plan document's `replication`. */
export type ReplicationView = NonNullable<PlanDocument["replication"]>;
type PlannedVm = ReplicationView["clouds"][number]["vms"][number];

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
