import * as pulumi from "@pulumi/pulumi";
import * as recoveryservices from "@pulumi/azure-native/recoveryservices";
import { appConsistentFrequency, copyFrequency, copyFrequencyFitsStorage, recoveryPointRetention } from "../policies/rules";
import {
    DEFAULT_APP_CONSISTENT_FREQUENCY_HOURS,
    DEFAULT_COPY_FREQUENCY_SECONDS,
    DEFAULT_RECOVERY_POINT_RETENTION_HOURS,
} from "../policies/rules/replication-choices";
import { rejectInvalidArgs } from "./invalid-args";

export interface HyperVReplicationPolicyArgs {
    /** Resource group of the vault. */
    resourceGroupName: pulumi.Input<string>;
    /** Name of the vault the policy belongs to. */
    vaultName: pulumi.Input<string>;
    /** Name of the policy in the vault. Default: the component's name. */
    policyName?: string;
    /** How often changes are copied to Azure, in seconds: 30, 300 or 900 (R1). Default: 300, the portal's (R6). */
    copyFrequencySeconds?: number;
    /** How long recovery points are kept, in whole hours 0-24 (R3). Default: 2, the portal's (R6). */
    recoveryPointRetentionHours?: number;
    /**
     * How often an app-consistent snapshot is taken, in whole hours 0-12 and not above the
     * retention; 0 turns them off (R4). Default: 1, the portal's (R6).
     */
    appConsistentFrequencyHours?: number;
    /**
     * When initial replication starts (R5), as `onlineReplicationStartTime`. PowerShell takes
     * a time of day within 24 hours of the job's start; the wire format the service accepts
     * is unverified. Default: none, replication starts at once (R6).
     */
    initialReplicationStartTime?: string;
    /**
     * Storage accounts VMs of the clouds using this policy may replicate to (R7). With
     * managed-disk replicas (the default of ProtectedVm) it is optional; the portal's policy
     * form has no such field. Default: none.
     */
    storageAccounts?: pulumi.Input<string>[];
    /**
     * SKUs of the storage replicas land on (`Premium_LRS`, `Standard_GRS`, or managed disk
     * types), so a 30-second copy frequency is refused with premium storage (R2). Whether R2
     * holds for premium managed-disk replicas is unverified; passing their disk type is the
     * cautious choice. Default: none (R2 not judged here; the policy pack judges it).
     */
    replicaStorageSkus?: string[];
    /** Protect the policy from deletion by Pulumi. Deleting a policy still mapped to a cloud fails. Default: false. */
    protect?: boolean;
}

/**
 * A Site Recovery replication policy for Hyper-V (VMM) to Azure (`HyperVReplicaAzure`),
 * with the portal's defaults: copy every 5 minutes, keep recovery points 2 hours,
 * app-consistent snapshots every hour, start at once (R6). It needs only the vault; map it
 * to a VMM cloud with CloudProtection.
 */
export class HyperVReplicationPolicy extends pulumi.ComponentResource {
    /** The replication policy. */
    public readonly policy: recoveryservices.ReplicationPolicy;
    /** Resource id of the policy: what CloudProtection and ProtectedVm take. */
    public readonly policyId: pulumi.Output<string>;
    /** Name of the policy in the vault. */
    public readonly policyName: pulumi.Output<string>;

    constructor(name: string, args: HyperVReplicationPolicyArgs, opts?: pulumi.ComponentResourceOptions) {
        super("asr-hyperv:index:HyperVReplicationPolicy", name, {}, opts);

        const policyName = args.policyName ?? name;
        const copyFrequencySeconds = args.copyFrequencySeconds ?? DEFAULT_COPY_FREQUENCY_SECONDS;
        const retentionHours = args.recoveryPointRetentionHours ?? DEFAULT_RECOVERY_POINT_RETENTION_HOURS;
        const appConsistentHours = args.appConsistentFrequencyHours ?? DEFAULT_APP_CONSISTENT_FREQUENCY_HOURS;
        rejectInvalidArgs(this, `HyperVReplicationPolicy ${name}`, [
            ["copyFrequencySeconds", copyFrequency(copyFrequencySeconds) ?? copyFrequencyFitsStorage(copyFrequencySeconds, args.replicaStorageSkus ?? [])],
            ["recoveryPointRetentionHours", recoveryPointRetention(retentionHours)],
            ["appConsistentFrequencyHours", appConsistentFrequency(appConsistentHours, retentionHours)],
        ]);

        this.policy = new recoveryservices.ReplicationPolicy(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                resourceName: args.vaultName,
                policyName,
                properties: {
                    providerSpecificInput: {
                        instanceType: "HyperVReplicaAzure",
                        replicationInterval: copyFrequencySeconds,
                        recoveryPointHistoryDuration: retentionHours,
                        applicationConsistentSnapshotFrequencyInHours: appConsistentHours,
                        onlineReplicationStartTime: args.initialReplicationStartTime,
                        storageAccounts: args.storageAccounts,
                    },
                },
            },
            { parent: this, protect: args.protect ?? false },
        );

        this.policyId = this.policy.id;
        // The name asked for is the name Azure gives: known in a preview, and waiting for the policy.
        this.policyName = this.policy.urn.apply(() => policyName);
        this.registerOutputs({ policyId: this.policyId, policyName: this.policyName });
    }
}
