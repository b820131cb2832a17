import { describe, expect, it } from "vitest";
import { UNKNOWN, replicationPolicy, vault, violations } from "./support/fixtures";

const policy = "vault-redundancy-set-at-creation";

describe(policy, () => {
    it("passes a vault created geo-redundant", async () => {
        expect(await violations([vault()], { policy })).toEqual([]);
    });

    it("fails a vault that leaves its redundancy to Azure's default (A12)", async () => {
        const found = await violations([vault("rsv-dr", "westeurope", { properties: { publicNetworkAccess: "Enabled" } })], { policy });
        expect(found).toEqual([expect.objectContaining({ enforcementLevel: "mandatory", message: expect.stringMatching(/rsv-dr: .*standardTierStorageRedundancy is not set.*A12/) })]);
    });

    it("allows every redundancy Azure takes, zone redundancy too, unless config narrows the list", async () => {
        const zoned = vault("rsv-dr", "westeurope", { properties: { redundancySettings: { standardTierStorageRedundancy: "ZoneRedundant" } } });
        expect(await violations([zoned], { policy })).toEqual([]);
        expect(await violations([zoned], { policy, config: { [policy]: { allowedRedundancies: ["GeoRedundant"] } } })).toHaveLength(1);
    });

    it("judges only vaults that serve Hyper-V replication: not a Backup vault of the same stack", async () => {
        const backup = vault("rsv-backup", "westeurope", { properties: {}, tags: {} });
        expect(await violations([backup], { policy })).toEqual([]);
        const owning = [backup, replicationPolicy("hyperv", { replicationInterval: 300 }, { vault: "rsv-backup" })];
        expect(await violations(owning, { policy })).toHaveLength(1);
    });

    it("does not judge an unknown value", async () => {
        const unknown = vault("rsv-dr", "westeurope", { properties: { redundancySettings: { standardTierStorageRedundancy: UNKNOWN } } });
        expect(await violations([unknown], { policy })).toEqual([]);
    });
});
