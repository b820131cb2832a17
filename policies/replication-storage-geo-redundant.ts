import type { ResourceValidationPolicy } from "@pulumi/policy";
import { siteRecoveryAccount } from "./lib/applies";
import { describePolicy } from "./lib/describe";
import { skuName } from "./lib/membership";
import { geoRedundantStorage } from "./rules/storage-sku";

export const replicationStorageGeoRedundant: ResourceValidationPolicy = {
    name: "replication-storage-geo-redundant",
    description: describePolicy("Standard storage for Site Recovery is geo-redundant.", "A4"),
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
};
