import { existsSync, readFileSync } from "node:fs";
import { StackFileError } from "../engine/project";
import { isRecord } from "../policies/rules/records";
import type { PlanDocument } from "./document";

/** A Site Recovery object the deployed stack has and the plan doesn't, with what deleting it loses and what to do instead. */
type Removal = PlanDocument["removals"][number];

const PURGED: Readonly<Record<string, (name: string) => string>> = {
    "azure-native:recoveryservices:ReplicationProtectedItem": (name) =>
        `${name} is no longer configured: azure-native deletes a protected item with Purge, which throws away its replica and recovery points; to stop replicating cleanly, disable replication first (portal, or Remove-AzRecoveryServicesAsrReplicationProtectedItem)`,
    "azure-native:recoveryservices:ReplicationProtectionContainerMapping": (name) =>
        `${name} is no longer configured: azure-native deletes a container mapping with Purge, which drops the cloud's replication settings; disable replication of its VMs first, then remove the mapping (portal, or Remove-AzRecoveryServicesAsrProtectionContainerMapping)`,
};

/** The resources of a `pulumi stack export` file (`deployment.resources`). */
function stateResources(path: string): Record<string, unknown>[] {
    if (!existsSync(path)) {
        throw new StackFileError(`--state ${path}: file not found`);
    }
    let state: unknown;
    try {
        state = JSON.parse(readFileSync(path, "utf8"));
    } catch (error) {
        throw new StackFileError(`--state ${path}: not JSON: ${(error as Error).message}`);
    }
    const resources = isRecord(state) && isRecord(state.deployment) ? state.deployment.resources : undefined;
    if (!Array.isArray(resources)) {
        throw new StackFileError(`--state ${path}: not a stack export (no deployment.resources); write one with pulumi stack export --file ${path}`);
    }
    return resources.filter(isRecord);
}

/**
 * What `pulumi up` would purge: each protected item and container mapping of the deployed
 * stack (`pulumi stack export`) that the plan no longer has, with what to do instead. A
 * protected one stops `pulumi up`; unprotected, it is deleted for good. Replacements (a VM
 * moved to another cloud, another replica mode) keep their URN and aren't listed: protect
 * stops those too, and `pulumi preview` shows them.
 */
export function replicationRemovals(statePath: string, plannedUrns: ReadonlySet<string>): Removal[] {
    const removals = stateResources(statePath).flatMap((resource): Removal[] => {
        const { urn } = resource;
        const type = typeof resource.type === "string" ? resource.type : "";
        const purged = PURGED[type];
        if (typeof urn !== "string" || purged === undefined || plannedUrns.has(urn)) {
            return [];
        }
        const name = urn.slice(urn.lastIndexOf("::") + 2);
        const guarded = resource.protect === true;
        const then = guarded
            ? `; it is protected, so pulumi up stops: then run pulumi state delete --force '${urn}'`
            : "; it is not protected, so pulumi up would purge it";
        return [{ urn, type, name, protected: guarded, message: `${purged(name)}${then}` }];
    });
    // Protected items first: a mapping's VMs go before it, in Azure as in the state.
    const order = Object.keys(PURGED);
    return removals.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
}
