import { definePolicy } from "./lib/define";
import { role, skuName } from "./lib/readers";
import { siteOf, type SiteNode } from "./lib/site";
import { logAccountIsStandard } from "./rules/log-account-standard";
import { ROLES } from "./rules/role-tags";

export const replicationLogStorageStandard = definePolicy(["A6"], {
    name: "replication-log-storage-standard",
    summary:
        "Storage accounts for replication logs (the cache) are standard: those tagged asr-hyperv:role=replication-log-storage for a vault, and those Hyper-V protected items name as logStorageAccountId, for the VM or for a managed disk.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Name a standard StorageV2 account (Standard_LRS or Standard_GRS) in the vault's region as the log account; a premium account only holds replicated data. ReplicationStorage's standard account is the log account.",
    validateStack: (args, reportViolation) => {
        const site = siteOf(args.resources);
        const logs = new Map<SiteNode, string>();
        for (const vault of site.vaults) {
            for (const { node, by, via } of site.storageOf(vault)) {
                if (by === "tag" && role(node.props) === ROLES.logStorage && !logs.has(node)) {
                    logs.set(node, via);
                }
            }
        }
        for (const item of site.items) {
            for (const account of item.logs) {
                if (!logs.has(account)) {
                    logs.set(account, `log account of protected item ${item.resource.name}`);
                }
            }
        }
        for (const [account, via] of logs) {
            const sku = skuName(account.props);
            const problem = sku === undefined ? undefined : logAccountIsStandard(sku);
            if (problem !== undefined) {
                reportViolation(`storage account ${account.resource.name} (${via}): ${problem}`, account.resource.urn);
            }
        }
    },
});
