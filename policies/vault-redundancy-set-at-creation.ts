import { isVault } from "./lib/azure-types";
import { definePolicy } from "./lib/define";
import { isUnknown, knownString } from "./lib/known";
import { AZURE_VAULT_REDUNDANCIES, VAULT_REDUNDANCIES, vaultRedundancySetAtCreation } from "./rules/vault-redundancy";

export const vaultRedundancySetAtCreationPolicy = definePolicy(["A12"], {
    name: "vault-redundancy-set-at-creation",
    summary: "Recovery Services vaults state their storage redundancy when they are created.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Set properties.redundancySettings.standardTierStorageRedundancy to GeoRedundant (or LocallyRedundant) on the vault now: once the VMM server registers with the vault it can't change, and a vault with the wrong redundancy must be replaced, the server registered again and its VMs re-protected.",
    configSchema: {
        properties: {
            allowedRedundancies: {
                type: "array",
                items: { type: "string", enum: [...AZURE_VAULT_REDUNDANCIES] },
                default: [...VAULT_REDUNDANCIES],
                description: "Vault storage redundancy values allowed.",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        if (!isVault(args.type)) {
            args.notApplicable("not a Recovery Services vault");
        }
        const read = () =>
            ((args.props.properties as Record<string, unknown> | undefined)?.redundancySettings as Record<string, unknown> | undefined)
                ?.standardTierStorageRedundancy;
        if (isUnknown(read)) {
            return;
        }
        const { allowedRedundancies } = args.getConfig<{ allowedRedundancies?: string[] }>();
        const problem = vaultRedundancySetAtCreation(knownString(read), allowedRedundancies ?? VAULT_REDUNDANCIES);
        if (problem !== undefined) {
            reportViolation(`${args.name}: ${problem}`);
        }
    },
});
