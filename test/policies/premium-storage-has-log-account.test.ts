import { describe, expect, it } from "vitest";
import { UNKNOWN, account, vault, violations } from "./support/fixtures";

const policy = "premium-storage-has-log-account";

describe(policy, () => {
    it("passes premium data with a standard log account, and standard storage alone", async () => {
        const premium = [vault(), account("prm", { sku: { name: "Premium_LRS" } }), account("log", {}, "replication-log-storage")];
        expect(await violations(premium, { policy })).toEqual([]);
        expect(await violations([vault(), account("std")], { policy })).toEqual([]);
    });

    it("fails premium data without a standard account, naming vault and account (A6)", async () => {
        const found = await violations([vault(), account("prm", { sku: { name: "Premium_LRS" } })], { policy });
        expect(found).toEqual([
            expect.objectContaining({ enforcementLevel: "mandatory", message: expect.stringMatching(/vault rsv-dr \(premium: prm\): .*A6/) }),
        ]);
    });

    it("waits while a SKU is unknown", async () => {
        expect(await violations([vault(), account("prm", { sku: { name: "Premium_LRS" } }), account("x", { sku: UNKNOWN })], { policy })).toEqual([]);
    });
});
