import { definePolicy } from "./lib/define";
import { storageOf, vaults } from "./lib/membership";
import { skuName } from "./lib/readers";
import { premiumHasLogAccount } from "./rules/premium-log-account";
import { isPremiumSku } from "./rules/storage-sku";

export const premiumStorageHasLogAccount = definePolicy(["A6"], {
    name: "premium-storage-has-log-account",
    summary:
        "A vault whose replicated data lands on premium storage also has a standard account for replication logs.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Add a standard (Standard_GRS or Standard_LRS) StorageV2 account in the vault's region, tagged asr-hyperv:role=replication-log-storage and asr-hyperv:vault=<vault name>; ReplicationStorage with performance Premium creates it.",
    validateStack: (args, reportViolation) => {
        const all = vaults(args.resources);
        for (const vault of all) {
            const members = storageOf(vault, args.resources, all);
            const skus = members.map((member) => skuName(member.resource.props));
            if (skus.some((sku) => sku === undefined)) {
                continue;
            }
            const problem = premiumHasLogAccount(skus as string[]);
            if (problem !== undefined) {
                const premium = members.filter((member) => isPremiumSku(skuName(member.resource.props) ?? "")).map((member) => member.resource.name);
                reportViolation(`vault ${vault.name ?? vault.resource.name} (premium: ${premium.join(", ")}): ${problem}`, vault.resource.urn);
            }
        }
    },
});
