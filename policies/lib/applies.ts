import type { ResourceValidationArgs } from "@pulumi/policy";
import { isReplicationPolicy, isStorageAccount } from "./azure-types";
import { known } from "./known";
import { isSiteRecoveryStorage } from "./site";
import { providerSpecific } from "./readers";

/** The props of a Site Recovery storage account; any other resource is not applicable. */
export function siteRecoveryAccount(args: ResourceValidationArgs): Record<string, unknown> {
    if (!isStorageAccount(args.type) || !isSiteRecoveryStorage(args.props)) {
        args.notApplicable("not a storage account tagged for Site Recovery");
    }
    return args.props;
}

/** The HyperVReplicaAzure settings of a replication policy; any other resource is not applicable. */
export function hyperVReplicationSettings(args: ResourceValidationArgs): Record<string, unknown> {
    const settings = isReplicationPolicy(args.type) ? providerSpecific(args.props) : undefined;
    if (settings === undefined || known(() => settings.instanceType) !== "HyperVReplicaAzure") {
        args.notApplicable("not a HyperVReplicaAzure replication policy");
    }
    return settings;
}

/**
 * The resource's props without the engine's unknown-checking proxy, for a remediation
 * to return whole: reading each prop through the proxy would throw on values unknown
 * during preview. The key is the one @pulumi/policy's proxy answers to.
 */
export function unproxied(props: Record<string, unknown>): Record<string, unknown> {
    return ((props as Record<string, unknown>)["__getSpecialProxyTarget"] as Record<string, unknown> | undefined) ?? props;
}
