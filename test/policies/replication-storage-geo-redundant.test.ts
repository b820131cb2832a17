import { describe, expect, it } from "vitest";
import { account, violations } from "./support/fixtures";

const policy = "replication-storage-geo-redundant";

describe(policy, () => {
    it.each(["Standard_GRS", "Standard_RAGRS", "Premium_LRS"])("passes %s", async (sku) => {
        expect(await violations([account("st", { sku: { name: sku } })], { policy })).toEqual([]);
    });

    it("advises against LRS, citing A4", async () => {
        const found = await violations([account("st", { sku: { name: "Standard_LRS" } })], { policy });
        expect(found).toEqual([expect.objectContaining({ enforcementLevel: "advisory", message: expect.stringMatching(/not geo-redundant.*A4/) })]);
    });

    it("can be made mandatory, or disabled, by pack config", async () => {
        const lrs = [account("st", { sku: { name: "Standard_LRS" } })];
        expect((await violations(lrs, { policy, config: { [policy]: "mandatory" } }))[0]?.enforcementLevel).toBe("mandatory");
        expect(await violations(lrs, { policy, config: { all: "disabled" } })).toEqual([]);
    });
});
