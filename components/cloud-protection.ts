import * as pulumi from "@pulumi/pulumi";
import * as recoveryservices from "@pulumi/azure-native/recoveryservices";
import type * as inputs from "@pulumi/azure-native/types/input";
import { shown } from "../policies/rules";
import { rejectInvalidArgs } from "./invalid-args";
import { AZURE_RECOVERY_FABRIC } from "../policies/rules/network-mapping-kind";


/**
 * The `providerSpecificInput.instanceType` values sent for a Hyper-V (VMM) to Azure mapping,
 * which the service refuses without one (azure-rest-api-specs#22769): Terraform's
 * workaround, an empty string, proven by its acceptance tests against Azure; and the value
 * the spec's ReplicationProtectionContainerMappings_Create example sends.
 */
export const ContainerMappingInput = { Terraform: "", SpecExample: "ReplicationProviderSpecificContainerMappingInput" } as const;
export type ContainerMappingInput = (typeof ContainerMappingInput)[keyof typeof ContainerMappingInput];

export interface CloudProtectionArgs {
    /** Resource group of the vault. */
    resourceGroupName: pulumi.Input<string>;
    /** Name of the vault. */
    vaultName: pulumi.Input<string>;
    /** ARM name of the VMM server's fabric (64 hex characters), as discovery finds it. */
    fabricName: pulumi.Input<string>;
    /** ARM name of the cloud's protection container (`cloud_<guid>`), as discovery finds it. */
    protectionContainerName: pulumi.Input<string>;
    /** Resource id of the HyperVReplicaAzure policy to apply to the cloud's VMs. */
    policyId: pulumi.Input<string>;
    /** Name of the mapping. Default: the component's name. */
    mappingName?: string;
    /**
     * The `instanceType` of the mapping's `providerSpecificInput`. azure-native's type admits
     * only the A2A and VMwareCbt inputs; the provider passes an object matching neither
     * through unchanged, and whether its Check accepts it, and which of the two values the
     * service takes through azure-native, is unverified: create one mapping first against a
     * live vault. Default: "" (Terraform's workaround).
     */
    providerSpecificInstanceType?: ContainerMappingInput;
    /**
     * Protect the mapping from deletion by Pulumi. azure-native deletes a mapping with the
     * Purge operation, not the clean `/remove`, so a destroy or replace purges the cloud's
     * replication settings. Default: true.
     */
    protect?: boolean;
}

/**
 * A replication policy mapped to one VMM cloud (a protection container mapping), with Azure
 * as the target: what the portal does when it associates a policy with a cloud. Protected
 * VMs of the cloud need it first (asr-phase2 section 5).
 */
export class CloudProtection extends pulumi.ComponentResource {
    /** The protection container mapping. */
    public readonly mapping: recoveryservices.ReplicationProtectionContainerMapping;
    /** Resource id of the mapping. */
    public readonly mappingId: pulumi.Output<string>;
    /**
     * The policy's id, once the mapping exists: pass it to ProtectedVm as `policyId` so each
     * protected VM waits for its cloud's mapping, as Azure requires.
     */
    public readonly policyId: pulumi.Output<string>;

    constructor(name: string, args: CloudProtectionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("asr-hyperv:index:CloudProtection", name, {}, opts);

        const instanceType = args.providerSpecificInstanceType ?? ContainerMappingInput.Terraform;
        rejectInvalidArgs(this, `CloudProtection ${name}`, [
            [
                "providerSpecificInstanceType",
                (Object.values(ContainerMappingInput) as unknown[]).includes(instanceType)
                    ? undefined
                    : `${shown(instanceType)} is not allowed; allowed: "" (Terraform's workaround) or "${ContainerMappingInput.SpecExample}" (the spec's example)`,
            ],
        ]);
        const providerSpecificInput = { instanceType };
        this.mapping = new recoveryservices.ReplicationProtectionContainerMapping(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                resourceName: args.vaultName,
                fabricName: args.fabricName,
                protectionContainerName: args.protectionContainerName,
                mappingName: args.mappingName ?? name,
                properties: {
                    policyId: args.policyId,
                    targetProtectionContainerId: AZURE_RECOVERY_FABRIC,
                    // Typed as A2A or VMwareCbt input only (see providerSpecificInstanceType).
                    providerSpecificInput: providerSpecificInput as unknown as inputs.recoveryservices.A2AContainerMappingInputArgs,
                },
            },
            { parent: this, protect: args.protect ?? true },
        );

        this.mappingId = this.mapping.id;
        this.policyId = pulumi.all([this.mapping.urn, args.policyId]).apply(([, policyId]) => policyId);
        this.registerOutputs({ mappingId: this.mappingId, policyId: this.policyId });
    }
}
