import * as pulumi from "@pulumi/pulumi";
import * as recoveryservices from "@pulumi/azure-native/recoveryservices";
import { mappingTargetNetwork } from "../policies/rules/network-mapping-target";
import { AZURE_RECOVERY_FABRIC } from "../policies/rules/network-mapping-kind";
import { knownNow, rejectInvalidArgs, rejectInvalidWhenKnown } from "./invalid-args";

export interface VmmNetworkMappingArgs {
    /** Resource group of the vault. */
    resourceGroupName: pulumi.Input<string>;
    /** Name of the vault. */
    vaultName: pulumi.Input<string>;
    /** ARM name of the VMM server's fabric (64 hex characters), as discovery finds it. */
    fabricName: pulumi.Input<string>;
    /** ARM name (a GUID) of the replication network registration created for the VMM VM network, as discovery finds it. */
    networkName: pulumi.Input<string>;
    /**
     * Resource id of the Azure virtual network replicas of VMs on this VM network join at
     * failover: the FailoverNetwork's `virtualNetworkId`, in the vault's region (A2). Several
     * VM networks may map to one virtual network.
     */
    recoveryNetworkId: pulumi.Input<string>;
    /** Name of the mapping. Default: the component's name. */
    networkMappingName?: string;
    /** Protect the mapping from deletion by Pulumi. Default: false. */
    protect?: boolean;
}

/**
 * A VMM VM network mapped to an Azure virtual network (`VmmToAzure`): where replicas of the
 * network's VMs connect at failover, each in the subnet named like its source subnet, else
 * the first (A9). Changing the target changes where replicas connect; existing VMs on the
 * network are connected when the mapping begins.
 */
export class VmmNetworkMapping extends pulumi.ComponentResource {
    /** The network mapping. */
    public readonly mapping: recoveryservices.ReplicationNetworkMapping;
    /** Resource id of the mapping. */
    public readonly mappingId: pulumi.Output<string>;
    /**
     * The target network's id, once the mapping exists: pass it to ProtectedVm as
     * `targetNetworkId` so protected VMs wait for the mapping, as Azure's order has it.
     */
    public readonly recoveryNetworkId: pulumi.Output<string>;

    constructor(name: string, args: VmmNetworkMappingArgs, opts?: pulumi.ComponentResourceOptions) {
        super("asr-hyperv:index:VmmNetworkMapping", name, {}, opts);

        const label = `VmmNetworkMapping ${name}`;
        const knownTarget = knownNow(args.recoveryNetworkId);
        rejectInvalidArgs(this, label, [["recoveryNetworkId", knownTarget === undefined ? undefined : mappingTargetNetwork(knownTarget)]]);
        const recoveryNetworkId = knownTarget ?? rejectInvalidWhenKnown(this, label, "recoveryNetworkId", args.recoveryNetworkId, mappingTargetNetwork);
        this.mapping = new recoveryservices.ReplicationNetworkMapping(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                resourceName: args.vaultName,
                fabricName: args.fabricName,
                networkName: args.networkName,
                networkMappingName: args.networkMappingName ?? name,
                properties: {
                    recoveryFabricName: AZURE_RECOVERY_FABRIC,
                    recoveryNetworkId,
                    fabricSpecificDetails: { instanceType: "VmmToAzure" },
                },
            },
            { parent: this, protect: args.protect ?? false },
        );

        this.mappingId = this.mapping.id;
        this.recoveryNetworkId = pulumi.all([this.mapping.urn, recoveryNetworkId]).apply(([, id]) => id);
        this.registerOutputs({ mappingId: this.mappingId, recoveryNetworkId: this.recoveryNetworkId });
    }
}
