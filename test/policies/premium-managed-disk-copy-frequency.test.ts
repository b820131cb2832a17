import { describe, expect, it } from "vitest";
import { containerMapping, idOf, protectedItem, replicationPolicy, vault, violations } from "./support/fixtures";
import { ourSiteViolations } from "./support/our-site";

const policy = "premium-managed-disk-copy-frequency";

describe(policy, () => {
    const fast = replicationPolicy("fast", { replicationInterval: 30 });
    const mapped = containerMapping("fast-cloud", fast);
    const item = (details: Record<string, unknown>) =>
        protectedItem("web01", { useManagedDisks: "true", useManagedDisksForReplication: "true", diskType: "Standard_LRS", ...details }, "rsv-dr", { policyId: idOf(fast, mapped) });

    it.each([
        ["in a preview", false],
        ["once deployed", true],
    ])("advises on premium replica disks under a 30-second policy, saying the docs leave it open (R2), %s", async (_, deployed) => {
        const premium = item({ disksToIncludeForManagedDisks: [{ diskId: "os" }, { diskId: "data", diskType: "Premium_LRS" }] });
        expect(await violations([vault(), fast, mapped, premium], { policy, deployed })).toEqual([
            expect.objectContaining({
                enforcementLevel: "advisory",
                urn: premium.urn,
                message: expect.stringMatching(
                    /^protected item web01 with premium replica disks under replication policy fast: copy frequency 30 s is used with premium storage.*\(R2: .*\); R2 is documented for premium storage accounts, and whether it holds for premium managed disks is unverified/,
                ),
            }),
        ]);
    });

    it("takes the item's disk type for disks without their own", async () => {
        expect(await violations([vault(), fast, mapped, item({ diskType: "Premium_LRS", disksToIncludeForManagedDisks: [{ diskId: "os" }] })], { policy })).toHaveLength(1);
        expect(await violations([vault(), fast, mapped, item({ diskType: "Premium_LRS", disksToIncludeForManagedDisks: [{ diskId: "os", diskType: "StandardSSD_LRS" }] })], { policy })).toEqual([]);
    });

    it("passes standard replica disks, a 5-minute policy, storage-account replicas, and a policy outside the stack", async () => {
        expect(await violations([vault(), fast, mapped, item({})], { policy })).toEqual([]);
        const steady = replicationPolicy("steady", { replicationInterval: 300 });
        const onSteady = protectedItem("web01", { useManagedDisksForReplication: "true", diskType: "Premium_LRS" }, "rsv-dr", { policyId: idOf(steady) });
        expect(await violations([vault(), steady, onSteady], { policy })).toEqual([]);
        const inAccount = protectedItem("web01", { useManagedDisks: "true", diskType: "Premium_LRS", targetStorageAccountId: "/subscriptions/s/resourceGroups/rg-dr/providers/Microsoft.Storage/storageAccounts/replicas" }, "rsv-dr", {
            policyId: idOf(fast, mapped),
        });
        expect(await violations([vault(), fast, mapped, inAccount], { policy })).toEqual([]);
        const elsewhere = protectedItem("web01", { useManagedDisksForReplication: "true", diskType: "Premium_LRS" }, "rsv-dr", {
            policyId: "/subscriptions/s/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/vaults/rsv-dr/replicationPolicies/fast-elsewhere",
        });
        expect(await violations([vault(), elsewhere], { policy })).toEqual([]);
    });

    it.each([
        ["a preview", true],
        ["an update", false],
    ])("advises on our components with Premium_LRS replica disks under a 30-second policy, in %s, and passes the portal's 5 minutes", async (_, preview) => {
        const premiumDisks = { vm: { diskType: "Premium_LRS" as const } };
        expect(await ourSiteViolations(premiumDisks, preview, { policy })).toEqual([]);
        const fastPremium = await ourSiteViolations({ ...premiumDisks, policy: { copyFrequencySeconds: 30 } }, preview, { policy });
        expect(fastPremium.map((violation) => [violation.enforcementLevel, violation.message.split(":")[0]])).toEqual([["advisory", "protected item web01 with premium replica disks under replication policy gold"]]);
    });
});
