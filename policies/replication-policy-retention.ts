import { hyperVReplicationSettings } from "./lib/applies";
import { definePolicy } from "./lib/define";
import { knownNumber } from "./lib/known";
import { recoveryPointRetention } from "./rules/recovery-point-retention";

export const replicationPolicyRetention = definePolicy(["R3"], {
    name: "replication-policy-retention",
    summary: "Hyper-V replication policies keep recovery points for 0 to 24 hours.",
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
});
