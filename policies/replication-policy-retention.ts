import type { ResourceValidationPolicy } from "@pulumi/policy";
import { hyperVReplicationSettings } from "./lib/applies";
import { describePolicy } from "./lib/describe";
import { knownNumber } from "./lib/known";
import { recoveryPointRetention } from "./rules/recovery-point-retention";

export const replicationPolicyRetention: ResourceValidationPolicy = {
    name: "replication-policy-retention",
    description: describePolicy("Hyper-V replication policies keep recovery points for 0 to 24 hours.", "R3"),
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "Set providerSpecificInput.recoveryPointHistoryDuration to a whole number of hours from 0 to 24 (the portal's default is 2).",
    validateResource: (args, reportViolation) => {
        const settings = hyperVReplicationSettings(args);
        const hours = knownNumber(() => settings.recoveryPointHistoryDuration);
        const problem = hours === undefined ? undefined : recoveryPointRetention(hours);
        if (problem !== undefined) {
            reportViolation(`${args.name}: ${problem}`);
        }
    },
};
