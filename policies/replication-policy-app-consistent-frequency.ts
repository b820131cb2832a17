import { hyperVReplicationSettings } from "./lib/applies";
import { definePolicy } from "./lib/define";
import { knownNumber } from "./lib/known";
import { appConsistentFrequency } from "./rules/app-consistent-frequency";
import { MAX_RETENTION_HOURS } from "./rules/recovery-point-retention";

export const replicationPolicyAppConsistentFrequency = definePolicy(["R4"], {
    name: "replication-policy-app-consistent-frequency",
    summary:
        "Hyper-V replication policies take app-consistent snapshots every 0 to 12 hours, and not less often than recovery points are kept.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Set providerSpecificInput.applicationConsistentSnapshotFrequencyInHours to a whole number from 0 to 12 that is not above recoveryPointHistoryDuration (the portal's default is 1 hour with 2 hours of retention).",
    validateResource: (args, reportViolation) => {
        const settings = hyperVReplicationSettings(args);
        const hours = knownNumber(() => settings.applicationConsistentSnapshotFrequencyInHours);
        // Without a stated retention only the 0-12 range can be judged.
        const retention = knownNumber(() => settings.recoveryPointHistoryDuration) ?? MAX_RETENTION_HOURS;
        const problem = hours === undefined ? undefined : appConsistentFrequency(hours, retention);
        if (problem !== undefined) {
            reportViolation(`${args.name}: ${problem}`);
        }
    },
});
