import { describe, expect, it } from "vitest";
import { account, violations } from "./support/fixtures";

const policy = "replication-storage-access";

describe(policy, () => {
    it("passes an account with shared keys and no cross-tenant replication, or one that leaves both to Azure", async () => {
        expect(await violations([account("stated", { allowSharedKeyAccess: true, allowCrossTenantReplication: false }), account("unstated")], { policy })).toEqual([]);
    });

    it("advises on shared keys turned off, which breaks Site Recovery's writes, and on cross-tenant replication", async () => {
        const found = await violations([account("locked-down", { allowSharedKeyAccess: false, allowCrossTenantReplication: true })], { policy });
        expect(found).toEqual([
            expect.objectContaining({ enforcementLevel: "advisory", message: expect.stringMatching(/allowSharedKeyAccess is false; .*; allowCrossTenantReplication is true/) }),
        ]);
    });
});
