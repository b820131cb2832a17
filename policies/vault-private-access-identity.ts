import { definePolicy } from "./lib/define";
import { isUnknown, knownString } from "./lib/known";
import { skuName } from "./lib/readers";
import { siteOf } from "./lib/site";
import { SITE_RECOVERY_GROUP, missingVaultRoles, privateAccessProblems } from "./rules/private-replication";
import { isPremiumSku } from "./rules/storage-sku";

export const vaultPrivateAccessIdentity = definePolicy(["A13", "A16"], {
    name: "vault-private-access-identity",
    summary:
        "A vault serving Hyper-V replication that is closed to public networks is reached through a Site Recovery private endpoint, has the managed identity that needs, and that identity holds the roles Site Recovery needs on each of the vault's storage accounts.",
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps:
        "Give the vault identity: { type: SystemAssigned }; create a private endpoint of group AzureSiteRecovery for the vault with the private DNS zone privatelink.siterecovery.windowsazure.com, before the VMM server registers; assign the vault's identity Contributor and Storage Blob Data Contributor (Storage Blob Data Owner on premium accounts) on every cache, log and target account. Otherwise set publicNetworkAccess: Enabled so the VMM Provider can register.",
    validateStack: (args, reportViolation) => {
        const site = siteOf(args.resources);
        for (const vault of site.vaults.filter((candidate) => candidate.servesHyperV)) {
            // What was asked for is in the inputs: a preview's outputs show what was left out as unknown.
            const props = vault.inputs ?? vault.props;
            const access = knownString(() => (props.properties as Record<string, unknown> | undefined)?.publicNetworkAccess);
            const readIdentity = () => (props.identity as Record<string, unknown> | undefined)?.type;
            if (access !== "Disabled" || isUnknown(readIdentity)) {
                continue;
            }
            const name = vault.name ?? vault.resource.name;
            for (const problem of privateAccessProblems(access, knownString(readIdentity), site.privateEndpointsTo(vault, SITE_RECOVERY_GROUP).length > 0)) {
                reportViolation(`vault ${name}: ${problem}`, vault.resource.urn);
            }
            for (const { node } of site.storageOf(vault)) {
                const sku = skuName(node.props);
                const problem = sku === undefined ? undefined : missingVaultRoles(site.vaultRolesOn(node, vault), isPremiumSku(sku));
                if (problem !== undefined) {
                    reportViolation(`storage account ${node.resource.name} of vault ${name}: ${problem}`, node.resource.urn);
                }
            }
        }
    },
});
