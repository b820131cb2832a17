import { definePolicy } from "./lib/define";
import { skuName } from "./lib/readers";
import { siteOf } from "./lib/site";
import { premiumHasLogAccount } from "./rules/premium-log-account";
import { isPremiumSku } from "./rules/storage-sku";

export const premiumStorageHasLogAccount = definePolicy(["A6"], {
    name: "premium-storage-has-log-account",
    summary:
        "A vault whose replicated data lands on premium storage also has a standard account for replication logs: tagged for it, listed by its replication policy, or named as a protected item's log account.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Add a standard (Standard_GRS or Standard_LRS) StorageV2 account in the vault's region, tagged asr-hyperv:role=replication-log-storage and asr-hyperv:vault=<vault name>, or name it as logStorageAccountId of the protected items; ReplicationStorage with performance Premium creates it.",
    validateStack: (args, reportViolation) => {
        const site = siteOf(args.resources);
        // A log account named but not known yet may well be standard: its vault is not judged.
        const pendingLog = new Set(site.items.filter((item) => item.logNamed && item.log === undefined).map((item) => item.vault));
        for (const vault of site.vaults) {
            if (pendingLog.has(vault)) {
                continue;
            }
            const accounts = site.storageOf(vault).map((member) => member.node);
            const skus = accounts.map((account) => skuName(account.props));
            if (skus.some((sku) => sku === undefined)) {
                continue;
            }
            const problem = premiumHasLogAccount(skus as string[]);
            if (problem !== undefined) {
                const premium = accounts.filter((account) => isPremiumSku(skuName(account.props) ?? "")).map((account) => account.resource.name);
                reportViolation(`vault ${vault.name ?? vault.resource.name} (premium: ${premium.join(", ")}): ${problem}`, vault.resource.urn);
            }
        }
    },
});
