import { siteRecoveryAccount } from "./lib/applies";
import { definePolicy } from "./lib/define";
import { role, skuName } from "./lib/readers";
import { ROLES } from "./rules/role-tags";
import { geoRedundantStorage } from "./rules/storage-sku";

export const replicationStorageGeoRedundant = definePolicy(["A4"], {
    name: "replication-storage-geo-redundant",
    summary: "Standard storage that holds replicated data for Site Recovery is geo-redundant (a log-only account need not be).",
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps:
        "Set sku.name to Standard_GRS or Standard_RAGRS (an in-place change for a standard account). Keep LRS only where a regional outage of the replica region is an accepted risk.",
    validateResource: (args, reportViolation) => {
        const props = siteRecoveryAccount(args);
        if (role(props) === ROLES.logStorage) {
            args.notApplicable("a replication log account holds no replicated data");
        }
        const sku = skuName(props);
        const problem = sku === undefined ? undefined : geoRedundantStorage(sku);
        if (problem !== undefined) {
            reportViolation(`${args.name}: ${problem}`);
        }
    },
});
