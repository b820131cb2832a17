import { siteRecoveryAccount } from "./lib/applies";
import { definePolicy } from "./lib/define";
import { skuName } from "./lib/readers";
import { geoRedundantStorage } from "./rules/storage-sku";

export const replicationStorageGeoRedundant = definePolicy(["A4"], {
    name: "replication-storage-geo-redundant",
    summary: "Standard storage for Site Recovery is geo-redundant.",
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps:
        "Set sku.name to Standard_GRS or Standard_RAGRS (an in-place change for a standard account). Keep LRS only where a regional outage of the replica region is an accepted risk.",
    validateResource: (args, reportViolation) => {
        const sku = skuName(siteRecoveryAccount(args));
        const problem = sku === undefined ? undefined : geoRedundantStorage(sku);
        if (problem !== undefined) {
            reportViolation(`${args.name}: ${problem}`);
        }
    },
});
