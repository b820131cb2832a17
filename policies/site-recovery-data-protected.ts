import { definePolicy } from "./lib/define";
import { knownString } from "./lib/known";
import { siteOf } from "./lib/site";

export const siteRecoveryDataProtected = definePolicy(["A8", "A17"], {
    name: "site-recovery-data-protected",
    summary:
        "What holds replicas and recovery points can't be lost by accident: the vault, its storage accounts and its protected items are protected from `pulumi destroy`, the vault keeps soft delete on, and no delete lock on the vault blocks changes to its replication objects.",
    enforcementLevel: "advisory",
    severity: "high",
    remediationSteps:
        "Set the resource option protect: true on the vault, its storage accounts and its protected items (remove it on purpose before a deliberate teardown); set properties.securitySettings.softDeleteSettings.softDeleteState to Enabled (or AlwaysOn); put delete locks on the storage accounts or the resource group rather than on the vault.",
    validateStack: (args, reportViolation) => {
        const site = siteOf(args.resources);
        for (const vault of site.vaults.filter((candidate) => candidate.servesHyperV)) {
            const name = vault.name ?? vault.resource.name;
            if (!vault.resource.opts.protect) {
                reportViolation(`vault ${name} is not protected: pulumi destroy or a replacement would delete it with every recovery point`, vault.resource.urn);
            }
            const props = vault.inputs ?? vault.props;
            const softDelete = knownString(
                () =>
                    (((props.properties as Record<string, unknown> | undefined)?.securitySettings as Record<string, unknown> | undefined)?.softDeleteSettings as Record<string, unknown> | undefined)
                        ?.softDeleteState,
            );
            if (softDelete !== undefined && softDelete !== "Enabled" && softDelete !== "AlwaysOn") {
                reportViolation(`vault ${name}: soft delete is ${softDelete}: a deleted item's data is gone at once`, vault.resource.urn);
            }
            for (const lock of site.deleteLocksOn(vault)) {
                reportViolation(
                    `vault ${name}: lock ${lock.resource.name} is inherited by its replication policies, mappings and protected items, so changing or removing any of them fails while it stands; lock the storage accounts or the resource group instead`,
                    lock.resource.urn,
                );
            }
            for (const { node, via } of site.storageOf(vault).filter((member) => !member.node.resource.opts.protect)) {
                reportViolation(`storage account ${node.resource.name} (${via}) of vault ${name} is not protected: pulumi destroy or a replacement would delete the replicas it holds`, node.resource.urn);
            }
        }
        for (const item of site.items.filter((candidate) => !candidate.resource.opts.protect)) {
            reportViolation(`protected item ${item.resource.name} is not protected: deleting it through azure-native purges its replication`, item.resource.urn);
        }
    },
});
