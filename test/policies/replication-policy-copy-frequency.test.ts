import { describe, expect, it } from "vitest";
import { UNKNOWN, replicationPolicy, resource, violations } from "./support/fixtures";

const policy = "replication-policy-copy-frequency";

describe(policy, () => {
    it.each([30, 300, 900])("passes %i seconds", async (replicationInterval) => {
        expect(await violations([replicationPolicy("p", { replicationInterval })], { policy })).toEqual([]);
    });

    it.each([60, 600, 3600])("fails %i seconds (R1)", async (replicationInterval) => {
        expect((await violations([replicationPolicy("p", { replicationInterval })], { policy }))[0]?.message).toMatch(/^p: copy frequency .* is not allowed.*R1/);
    });

    it("takes the allowed frequencies from config (e.g. azurerm's 30 and 300)", async () => {
        const config = { [policy]: { allowedFrequencies: [30, 300] } };
        expect(await violations([replicationPolicy("p", { replicationInterval: 900 })], { policy, config })).toHaveLength(1);
    });

    it("ignores other replication scenarios and unknown values", async () => {
        const vmware = resource("azure-native:recoveryservices:ReplicationPolicy", "v", {
            properties: { providerSpecificInput: { instanceType: "InMageRcm", replicationInterval: 60 } },
        });
        expect(await violations([vmware, replicationPolicy("p", { replicationInterval: UNKNOWN })], { policy })).toEqual([]);
    });
});
