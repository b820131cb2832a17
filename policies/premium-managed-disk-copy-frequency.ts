import { definePolicy } from "./lib/define";
import { peek, peekString, UNKNOWN } from "./lib/known";
import { siteOf } from "./lib/site";
import { copyFrequencyFitsStorage } from "./rules/premium-copy-frequency";

/** The managed disk types of an item's replicas: each disk's own, else the item's `diskType`. */
function replicaDiskTypes(details: unknown): string[] {
    const fallback = peekString(details, "diskType");
    const disks = peek(details, "disksToIncludeForManagedDisks");
    if (!Array.isArray(disks) || disks.length === 0) {
        return fallback === undefined ? [] : [fallback];
    }
    const types: string[] = [];
    for (let index = 0; index < disks.length; index++) {
        const own = peek(disks, index, "diskType");
        const type = own === UNKNOWN ? undefined : typeof own === "string" ? own : fallback;
        if (type !== undefined) {
            types.push(type);
        }
    }
    return types;
}

export const premiumManagedDiskCopyFrequency = definePolicy(["R2"], {
    name: "premium-managed-disk-copy-frequency",
    summary:
        "A Hyper-V protected item with premium managed-disk replicas is not under a replication policy (in the stack) that copies every 30 seconds. Advisory: the docs refuse 30 s for premium storage accounts, for the snapshot limit of premium page blobs, and say nothing of premium managed disks, so the enable-protection job decides; premium-storage-copy-frequency judges premium accounts.",
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps: "Put VMs with Premium_LRS replica disks under a policy that copies every 300 or 900 seconds, or replicate them to Standard_LRS or StandardSSD_LRS disks.",
    validateStack: (args, reportViolation) => {
        const site = siteOf(args.resources);
        for (const item of site.items) {
            const details = peek(item.props, "properties", "providerSpecificDetails");
            const policy = site.hyperVPolicyOf(item.policy);
            const interval = policy === undefined ? undefined : peek(policy.settings, "replicationInterval");
            if (peekString(details, "useManagedDisksForReplication")?.toLowerCase() !== "true" || typeof interval !== "number") {
                continue;
            }
            const problem = copyFrequencyFitsStorage(interval, replicaDiskTypes(details));
            if (problem !== undefined) {
                reportViolation(
                    `protected item ${item.resource.name} with premium replica disks under replication policy ${policy!.resource.name}: ${problem}; R2 is documented for premium storage accounts, and whether it holds for premium managed disks is unverified: the enable-protection job decides`,
                    item.resource.urn,
                );
            }
        }
    },
});
