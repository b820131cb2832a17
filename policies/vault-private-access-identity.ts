import { isVault } from "./lib/azure-types";
import { definePolicy } from "./lib/define";
import { isUnknown, knownString } from "./lib/known";
import { cite } from "./rules/facts";

export const vaultPrivateAccessIdentity = definePolicy(["A13"], {
    name: "vault-private-access-identity",
    summary:
        "A vault closed to public networks is reached through Site Recovery private endpoints, which need the vault's managed identity.",
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps:
        "Give the vault identity: { type: SystemAssigned }, and create a private endpoint for group AzureSiteRecovery with the private DNS zone privatelink.siterecovery.windowsazure.com. Otherwise set publicNetworkAccess: Enabled so the VMM provider can register.",
    validateResource: (args, reportViolation) => {
        if (!isVault(args.type)) {
            args.notApplicable("not a Recovery Services vault");
        }
        const access = knownString(() => (args.props.properties as Record<string, unknown> | undefined)?.publicNetworkAccess);
        const readIdentity = () => (args.props.identity as Record<string, unknown> | undefined)?.type;
        if (isUnknown(readIdentity)) {
            return;
        }
        const identity = knownString(readIdentity);
        if (access === "Disabled" && (identity === undefined || identity === "None")) {
            reportViolation(`${args.name}: public network access is Disabled but the vault has no managed identity for private endpoints (${cite("A13")})`);
        }
    },
});
