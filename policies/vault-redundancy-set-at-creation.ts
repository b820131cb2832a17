import { definePolicy } from "./lib/define";
import { isUnknown, knownString } from "./lib/known";
import { siteOf } from "./lib/site";
import { AZURE_VAULT_REDUNDANCIES, vaultRedundancySetAtCreation } from "./rules/vault-redundancy";

export const vaultRedundancySetAtCreationPolicy = definePolicy(["A12"], {
    name: "vault-redundancy-set-at-creation",
    summary:
        "Recovery Services vaults that serve Hyper-V replication (tagged as such, or owning a Hyper-V replication policy, VMM-to-Azure network mapping or protected item) state their storage redundancy when they are created.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Set properties.redundancySettings.standardTierStorageRedundancy on the vault now: once the VMM server registers with the vault it can't change, and a vault with the wrong redundancy must be replaced, the server registered again and its VMs re-protected.",
    configSchema: {
        properties: {
            allowedRedundancies: {
                type: "array",
                items: { type: "string", enum: [...AZURE_VAULT_REDUNDANCIES] },
                default: [...AZURE_VAULT_REDUNDANCIES],
                description: "Vault storage redundancy values allowed; narrow it, e.g. to GeoRedundant only.",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const { allowedRedundancies } = args.getConfig<{ allowedRedundancies?: string[] }>();
        for (const vault of siteOf(args.resources).vaults.filter((candidate) => candidate.servesHyperV)) {
            // Whether it is stated is a question for the inputs: a preview's outputs show an unstated one as unknown.
            const props = vault.inputs ?? vault.props;
            const read = () =>
                ((props.properties as Record<string, unknown> | undefined)?.redundancySettings as Record<string, unknown> | undefined)
                    ?.standardTierStorageRedundancy;
            if (isUnknown(read)) {
                continue;
            }
            const problem = vaultRedundancySetAtCreation(knownString(read), allowedRedundancies ?? AZURE_VAULT_REDUNDANCIES);
            if (problem !== undefined) {
                reportViolation(`vault ${vault.name ?? vault.resource.name}: ${problem}`, vault.resource.urn);
            }
        }
    },
});
