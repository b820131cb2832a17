import { definePolicy } from "./lib/define";
import { isUnknown, knownString } from "./lib/known";
import { siteOf } from "./lib/site";
import { cite } from "./rules/facts";

export const vaultPrivateAccessIdentity = definePolicy(["A13"], {
    name: "vault-private-access-identity",
    summary:
        "A vault serving Hyper-V replication that is closed to public networks is reached through Site Recovery private endpoints, which need the vault's managed identity.",
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps:
        "Give the vault identity: { type: SystemAssigned }, and create a private endpoint for group AzureSiteRecovery with the private DNS zone privatelink.siterecovery.windowsazure.com. Otherwise set publicNetworkAccess: Enabled so the VMM provider can register.",
    validateStack: (args, reportViolation) => {
        for (const vault of siteOf(args.resources).vaults.filter((candidate) => candidate.servesHyperV)) {
            // What was asked for is in the inputs: a preview's outputs show what was left out as unknown.
            const props = vault.inputs ?? vault.props;
            const access = knownString(() => (props.properties as Record<string, unknown> | undefined)?.publicNetworkAccess);
            const readIdentity = () => (props.identity as Record<string, unknown> | undefined)?.type;
            if (access !== "Disabled" || isUnknown(readIdentity)) {
                continue;
            }
            const identity = knownString(readIdentity);
            if (identity === undefined || identity === "None") {
                reportViolation(
                    `vault ${vault.name ?? vault.resource.name}: public network access is Disabled but the vault has no managed identity for private endpoints (${cite("A13")})`,
                    vault.resource.urn,
                );
            }
        }
    },
});
