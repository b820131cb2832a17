import type { ResourceValidationArgs } from "@pulumi/policy";
import { isReplicationPolicy, isStorageAccount } from "./azure-types";
import { peekString } from "./known";
import { isSiteRecoveryStorage } from "./site";
import { providerSpecific } from "./readers";

/**
 * Tells the engine the policy does not apply to this resource (the SDK throws, and reports
 * the reason). Most resources of a stack are not applicable to most policies, so the error
 * is made without a stack trace, which nothing reads and which costs more than the check.
 */
function notApplicable(args: ResourceValidationArgs, reason: string): never {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        return args.notApplicable(reason);
    } finally {
        Error.stackTraceLimit = limit;
    }
}

/** The props of a Site Recovery storage account; any other resource is not applicable. */
export function siteRecoveryAccount(args: ResourceValidationArgs): Record<string, unknown> {
    if (!isStorageAccount(args.type) || !isSiteRecoveryStorage(args.props)) {
        notApplicable(args, "not a storage account tagged for Site Recovery");
    }
    return args.props;
}

/** The HyperVReplicaAzure settings of a replication policy; any other resource is not applicable. */
export function hyperVReplicationSettings(args: ResourceValidationArgs): Record<string, unknown> {
    const settings = isReplicationPolicy(args.type) ? providerSpecific(args.props) : undefined;
    if (settings === undefined || peekString(settings, "instanceType") !== "HyperVReplicaAzure") {
        notApplicable(args, "not a HyperVReplicaAzure replication policy");
    }
    return settings;
}

export { unproxied } from "./known";
