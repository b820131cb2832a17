import { describe, expect, it } from "vitest";
import { account, idOf, protectedItem, untaggedAccount, vault, violations } from "./support/fixtures";
import { ourSiteViolations } from "./support/our-site";

const policy = "replication-log-storage-standard";

describe(policy, () => {
    const premium = (name: string) => untaggedAccount(name, { sku: { name: "Premium_LRS" } });

    it("passes standard log accounts, tagged or named by protected items", async () => {
        const logs = untaggedAccount("logs", { sku: { name: "Standard_LRS" } });
        const stack = [vault(), account("tagged", {}, "replication-log-storage"), logs, protectedItem("web01", { logStorageAccountId: idOf(logs) })];
        expect(await violations(stack, { policy })).toEqual([]);
    });

    it("fails a premium account tagged for the logs (A6)", async () => {
        const tagged = account("logs", { sku: { name: "Premium_LRS" } }, "replication-log-storage");
        expect(await violations([vault(), tagged], { policy })).toEqual([
            expect.objectContaining({
                enforcementLevel: "mandatory",
                urn: tagged.urn,
                message: expect.stringMatching(/^storage account logs \(tagged asr-hyperv:role=replication-log-storage\): the replication log account is premium \("Premium_LRS"\); the logs need a standard account \(A6: /),
            }),
        ]);
    });

    it.each([
        ["in a preview", false],
        ["once deployed", true],
    ])("fails a premium account a protected item names for its logs, for the VM or for a managed disk, %s", async (_, deployed) => {
        const vmLogs = premium("vmlogs");
        const diskLogs = premium("disklogs");
        const item = protectedItem("web01", { logStorageAccountId: idOf(vmLogs), disksToIncludeForManagedDisks: [{ diskId: "os", logStorageAccountId: idOf(diskLogs) }] });
        const found = await violations([vault(), vmLogs, diskLogs, item], { policy, deployed });
        expect(found.map((violation) => [violation.urn, violation.message.split(":")[0]])).toEqual([
            [vmLogs.urn, "storage account vmlogs (log account of protected item web01)"],
            [diskLogs.urn, "storage account disklogs (log account of protected item web01)"],
        ]);
    });

    it("tells the log account among the accounts an item depends on while its id is unknown, when the target's id is known", async () => {
        const target = premium("replicas");
        const logs = premium("plogs");
        const TARGET_ID = "/subscriptions/s/resourceGroups/rg-dr/providers/Microsoft.Storage/storageAccounts/replicas";
        const named = protectedItem("web01", { targetStorageAccountId: TARGET_ID, logStorageAccountId: idOf(logs) });
        expect((await violations([vault(), target, logs, named], { policy })).map((violation) => violation.urn)).toEqual([logs.urn]);
        // Both unknown in a preview: either account could hold the logs, so neither is judged.
        const both = protectedItem("web01", { targetStorageAccountId: idOf(target), logStorageAccountId: idOf(logs) });
        expect(await violations([vault(), target, logs, both], { policy })).toEqual([]);
    });

    it.each([
        ["a preview", true],
        ["an update", false],
    ])("passes our components in %s, with managed-disk or premium storage-account replicas", async (_, preview) => {
        expect(await ourSiteViolations({}, preview, { policy })).toEqual([]);
        expect(await ourSiteViolations({ storage: { performance: "Premium" } }, preview, { policy })).toEqual([]);
    });

    it("fails our components naming the premium account for the logs, once its id is known", async () => {
        const swapped = await ourSiteViolations(
            { storage: { performance: "Premium" }, vm: (storage) => ({ logStorageAccountId: storage.premiumAccount!.id, targetStorageAccountId: storage.standardAccount.id }) },
            false,
            { policy },
        );
        expect(swapped.map((violation) => violation.message)).toEqual([expect.stringMatching(/^storage account storage-premium \(log account of protected item web01\): the replication log account is premium/)]);
    });
});
