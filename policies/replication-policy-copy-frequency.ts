import { hyperVReplicationSettings } from "./lib/applies";
import { definePolicy } from "./lib/define";
import { knownNumber } from "./lib/known";
import { COPY_FREQUENCIES, copyFrequency } from "./rules/copy-frequency";

export const replicationPolicyCopyFrequency = definePolicy(["R1"], {
    name: "replication-policy-copy-frequency",
    summary: "Hyper-V replication policies copy every 30 seconds, 5 minutes or 15 minutes.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "Set providerSpecificInput.replicationInterval to 300 (the portal's default), 900, or 30 for standard storage only.",
    configSchema: {
        properties: {
            allowedFrequencies: {
                type: "array",
                items: { type: "integer", enum: [...COPY_FREQUENCIES] },
                default: [...COPY_FREQUENCIES],
                description: "Copy frequencies allowed, in seconds. Terraform's azurerm accepts only 30 and 300.",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        const settings = hyperVReplicationSettings(args);
        const interval = knownNumber(() => settings.replicationInterval);
        const { allowedFrequencies } = args.getConfig<{ allowedFrequencies?: number[] }>();
        const problem = interval === undefined ? undefined : copyFrequency(interval, allowedFrequencies ?? COPY_FREQUENCIES);
        if (problem !== undefined) {
            reportViolation(`${args.name}: ${problem}`);
        }
    },
});
