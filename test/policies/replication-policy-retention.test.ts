import { describe, expect, it } from "vitest";
import { replicationPolicy, violations } from "./support/fixtures";

const policy = "replication-policy-retention";

describe(policy, () => {
    it.each([0, 2, 24])("passes %i hours", async (recoveryPointHistoryDuration) => {
        expect(await violations([replicationPolicy("p", { recoveryPointHistoryDuration })], { policy })).toEqual([]);
    });

    it.each([25, 72, -1])("fails %i hours (R3)", async (recoveryPointHistoryDuration) => {
        expect((await violations([replicationPolicy("p", { recoveryPointHistoryDuration })], { policy }))[0]?.message).toMatch(/R3/);
    });
});
