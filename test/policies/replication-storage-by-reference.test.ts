import { describe, expect, it } from "vitest";
import { UNKNOWN, account, idOf, protectedItem, replicationPolicy, untaggedAccount, vault, violations } from "./support/fixtures";

const policy = "replication-storage-by-reference";

const listed = (inputs: Record<string, unknown>) => untaggedAccount("listed", inputs);

describe(policy, () => {
    it("checks what a replication policy lists as a tagged account is checked: SKU (A3), kind (A7), transport", async () => {
        const weak = listed({ sku: { name: "Standard_ZRS" }, kind: "BlobStorage", minimumTlsVersion: "TLS1_0" });
        const [found] = await violations([vault(), weak, replicationPolicy("p", { replicationInterval: 300 }, { accounts: [weak] })], { policy });
        expect(found).toMatchObject({ enforcementLevel: "mandatory", urn: weak.urn });
        expect(found?.message).toMatch(/storage account listed \(listed by replication policy p\) of vault rsv-dr: storage SKU "Standard_ZRS" is not allowed.*A3.*; storage kind "BlobStorage".*A7.*; minimumTlsVersion is TLS1_0/);
    });

    it("checks a protected item's target account, once Azure has created the stack too", async () => {
        const weak = listed({ sku: { name: "Standard_GZRS" } });
        const stack = [vault(), weak, protectedItem("vm", { targetStorageAccountId: idOf(weak) })];
        expect(await violations(stack, { policy })).toHaveLength(1);
        expect(await violations(stack, { policy, deployed: true })).toHaveLength(1);
    });

    it("leaves tagged accounts to the resource policies, and values unknown during preview unjudged", async () => {
        const tagged = account("tagged", { sku: { name: "Standard_ZRS" } });
        const pending = listed({ sku: UNKNOWN, minimumTlsVersion: UNKNOWN });
        const stack = [vault(), tagged, pending, replicationPolicy("p", { replicationInterval: 300 }, { accounts: [tagged, pending] })];
        expect(await violations(stack, { policy })).toEqual([]);
    });
});
