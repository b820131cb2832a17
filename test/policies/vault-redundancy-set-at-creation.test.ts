import { describe, expect, it } from "vitest";
import { UNKNOWN, vault, violations } from "./support/fixtures";

const policy = "vault-redundancy-set-at-creation";

describe(policy, () => {
    it("passes a vault created geo-redundant", async () => {
        expect(await violations([vault()], { policy })).toEqual([]);
    });

    it("fails a vault that leaves its redundancy to Azure's default (A12)", async () => {
        const found = await violations([vault("rsv-dr", "westeurope", { properties: { publicNetworkAccess: "Enabled" } })], { policy });
        expect(found).toEqual([expect.objectContaining({ enforcementLevel: "mandatory", message: expect.stringMatching(/rsv-dr: .*standardTierStorageRedundancy is not set.*A12/) })]);
    });

    it("fails a value outside the allowed list, which config can widen", async () => {
        const zoned = vault("rsv-dr", "westeurope", { properties: { redundancySettings: { standardTierStorageRedundancy: "ZoneRedundant" } } });
        expect(await violations([zoned], { policy })).toHaveLength(1);
        expect(await violations([zoned], { policy, config: { [policy]: { allowedRedundancies: ["ZoneRedundant"] } } })).toEqual([]);
    });

    it("does not judge an unknown value", async () => {
        const unknown = vault("rsv-dr", "westeurope", { properties: { redundancySettings: { standardTierStorageRedundancy: UNKNOWN } } });
        expect(await violations([unknown], { policy })).toEqual([]);
    });
});
