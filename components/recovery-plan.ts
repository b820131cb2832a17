import * as pulumi from "@pulumi/pulumi";
import * as recoveryservices from "@pulumi/azure-native/recoveryservices";
import { quoted } from "../policies/rules";
import { AZURE_RECOVERY_FABRIC } from "../policies/rules/network-mapping-kind";
import { knownNow, rejectInvalidArgs } from "./invalid-args";

/** RP18: a recovery plan holds up to seven groups of machines. */
export const MAX_RECOVERY_PLAN_GROUPS = 7;

/** One protected VM in a recovery plan. */
export interface RecoveryPlanItem {
    /** Resource id of the protected item: ProtectedVm's `protectedItemId`. */
    protectedItemId: pulumi.Input<string>;
    /** The protectable item's name: ProtectedVm's `virtualMachineId`. */
    virtualMachineId: pulumi.Input<string>;
}

/** VMs that start together at failover, after the group before them. */
export interface RecoveryPlanBootGroup {
    /** The group's VMs; a VM belongs to one group only (RP18). */
    items: RecoveryPlanItem[];
}

export interface RecoveryPlanArgs {
    /** Resource group of the vault. */
    resourceGroupName: pulumi.Input<string>;
    /** Name of the vault. */
    vaultName: pulumi.Input<string>;
    /** Name of the plan. Default: the component's name. */
    recoveryPlanName?: string;
    /** Resource id of the VMM server's fabric the plan's VMs come from (VMM and VMware VMs can't share a plan, RP18). */
    primaryFabricId: pulumi.Input<string>;
    /** The plan's groups in start order, at most seven (RP18). */
    bootGroups: RecoveryPlanBootGroup[];
    /**
     * The isolated network test failovers of this plan run into (A10): FailoverNetwork's
     * `testVirtualNetworkId`. The recovery plan API holds no network; the test failover call
     * takes it (`networkType: "VmNetworkAsInput"`, `networkId`), so it is only passed through
     * to `testFailoverNetworkId` for the runbook. Default: none.
     */
    testFailoverNetworkId?: pulumi.Input<string>;
    /** Protect the plan from deletion by Pulumi. Deleting a plan leaves the VMs' replication alone. Default: false. */
    protect?: boolean;
}

/**
 * A recovery plan failing a VMM server's protected VMs over to Azure (Resource Manager),
 * group by group. The Shutdown and Failover groups are sent empty, as the service answers
 * with them anyway and refuses items in the Shutdown group; the VMs go in Boot groups.
 * Azure has been seen to return groups and actions in another order: expect a diff after
 * `pulumi refresh`.
 */
export class RecoveryPlan extends pulumi.ComponentResource {
    /** The recovery plan. */
    public readonly plan: recoveryservices.ReplicationRecoveryPlan;
    /** Resource id of the plan: what a test failover or failover is started on. */
    public readonly recoveryPlanId: pulumi.Output<string>;
    /** Name of the plan in the vault. */
    public readonly recoveryPlanName: pulumi.Output<string>;
    /**
     * The network to pass when starting a test failover of this plan (A10), e.g.
     * `Start-AzRecoveryServicesAsrTestFailoverJob -RecoveryPlan $plan -Direction PrimaryToRecovery -AzureVMNetworkId <id>`
     * or a POST to `<recoveryPlanId>/testFailover` with `networkType: "VmNetworkAsInput"`.
     */
    public readonly testFailoverNetworkId: pulumi.Output<string | undefined>;

    constructor(name: string, args: RecoveryPlanArgs, opts?: pulumi.ComponentResourceOptions) {
        super("asr-hyperv:index:RecoveryPlan", name, {}, opts);

        const recoveryPlanName = args.recoveryPlanName ?? name;
        rejectInvalidArgs(this, `RecoveryPlan ${name}`, [["bootGroups", groupProblems(args.bootGroups)]]);

        const empty = { replicationProtectedItems: [], startGroupActions: [], endGroupActions: [] };
        this.plan = new recoveryservices.ReplicationRecoveryPlan(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                resourceName: args.vaultName,
                recoveryPlanName,
                properties: {
                    primaryFabricId: args.primaryFabricId,
                    recoveryFabricId: AZURE_RECOVERY_FABRIC,
                    failoverDeploymentModel: "ResourceManager",
                    groups: [
                        { groupType: "Shutdown", ...empty },
                        { groupType: "Failover", ...empty },
                        ...args.bootGroups.map((group) => ({
                            ...empty,
                            groupType: "Boot",
                            replicationProtectedItems: group.items.map((item) => ({ id: item.protectedItemId, virtualMachineId: item.virtualMachineId })),
                        })),
                    ],
                },
            },
            { parent: this, protect: args.protect ?? false },
        );

        this.recoveryPlanId = this.plan.id;
        this.recoveryPlanName = this.plan.urn.apply(() => recoveryPlanName);
        this.testFailoverNetworkId = pulumi.output(args.testFailoverNetworkId);
        this.registerOutputs({
            recoveryPlanId: this.recoveryPlanId,
            recoveryPlanName: this.recoveryPlanName,
            testFailoverNetworkId: this.testFailoverNetworkId,
        });
    }
}

/** RP18: one to seven groups, no VM in two groups or twice in one (judged where the ids are known now). */
function groupProblems(groups: readonly RecoveryPlanBootGroup[]): string[] {
    const problems: string[] = [];
    if (groups.length === 0 || groups.length > MAX_RECOVERY_PLAN_GROUPS) {
        problems.push(`has ${groups.length} groups; a recovery plan holds 1-${MAX_RECOVERY_PLAN_GROUPS} (RP18)`);
    }
    const seen = new Map<string, number>();
    groups.forEach((group, index) => {
        for (const item of group.items) {
            const vm = knownNow(item.virtualMachineId);
            if (vm === undefined) {
                continue;
            }
            const earlier = seen.get(vm.toLowerCase());
            if (earlier !== undefined) {
                problems.push(`group ${index} lists ${quoted(vm)}, as group ${earlier} does; a VM belongs to one group (RP18)`);
            }
            seen.set(vm.toLowerCase(), index);
        }
    });
    return problems;
}
