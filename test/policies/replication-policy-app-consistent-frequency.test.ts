import { describe, expect, it } from "vitest";
import { replicationPolicy, violations } from "./support/fixtures";

const policy = "replication-policy-app-consistent-frequency";

describe(policy, () => {
    it.each([
        [1, 2],
        [0, 0],
        [12, 24],
    ])("passes every %i h with %i h retention", async (applicationConsistentSnapshotFrequencyInHours, recoveryPointHistoryDuration) => {
        const settings = { applicationConsistentSnapshotFrequencyInHours, recoveryPointHistoryDuration };
        expect(await violations([replicationPolicy("p", settings)], { policy })).toEqual([]);
    });

    it.each([
        [13, 24, /outside 0-12/],
        [4, 2, /above the recovery point retention 2 h/],
    ])("fails every %i h with %i h retention (R4)", async (applicationConsistentSnapshotFrequencyInHours, recoveryPointHistoryDuration, pattern) => {
        const settings = { applicationConsistentSnapshotFrequencyInHours, recoveryPointHistoryDuration };
        expect((await violations([replicationPolicy("p", settings)], { policy }))[0]?.message).toMatch(pattern);
    });
});
