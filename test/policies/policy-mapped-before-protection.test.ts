import { describe, expect, it } from "vitest";
import { TYPES, containerMapping, idOf, protectedItem, replicationPolicy, resource, vault, violations } from "./support/fixtures";
import { ourSiteViolations } from "./support/our-site";

const policy = "policy-mapped-before-protection";
const POLICY_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/vaults/rsv-dr/replicationPolicies/gold";

describe(policy, () => {
    const gold = replicationPolicy("gold", { replicationInterval: 300 });
    const silver = replicationPolicy("silver", { replicationInterval: 900 });
    const goldCloud = containerMapping("gold-cloud", gold);

    describe.each([
        ["in a preview", false],
        ["once deployed", true],
    ])("%s", (_, deployed) => {
        it("passes an item that waits for the mapping of its policy to its cloud, as CloudProtection's policyId makes it", async () => {
            const web01 = protectedItem("web01", {}, "rsv-dr", { policyId: idOf(gold, goldCloud) });
            expect(await violations([vault(), gold, goldCloud, web01], { policy, deployed })).toEqual([]);
        });

        it("passes an item that waits for the mapping through another resource", async () => {
            const between = resource(TYPES.mapping, "corp", { resourceName: "rsv-dr", resourceGroupName: "rg-dr" }, [goldCloud]);
            const web01 = protectedItem("web01", {}, "rsv-dr", { policyId: idOf(gold), dependsOn: [between] });
            expect(await violations([vault(), gold, goldCloud, between, web01], { policy, deployed })).toEqual([]);
        });

        it("fails an item that does not depend on its cloud's mapping of its policy, so Pulumi may protect the VM first", async () => {
            const web01 = protectedItem("web01", {}, "rsv-dr", { policyId: idOf(gold) });
            expect(await violations([vault(), gold, goldCloud, web01], { policy, deployed })).toEqual([
                expect.objectContaining({
                    enforcementLevel: "mandatory",
                    urn: web01.urn,
                    message: "protected item web01: it does not depend on its cloud's mapping gold-cloud, so nothing makes protection wait for the mapping, which enable protection needs first, nor the mapping's removal wait for the item",
                }),
            ]);
        });

        it("fails an item whose policy the stack maps to other clouds only, even when it waits for its cloud's mapping", async () => {
            const silverCloud = containerMapping("silver-cloud", silver);
            const goldElsewhere = containerMapping("gold-other-cloud", gold, { container: "cloud_00000000-0000-0000-0000-000000000002" });
            const web01 = protectedItem("web01", {}, "rsv-dr", { policyId: idOf(gold), dependsOn: [silverCloud, goldElsewhere] });
            const found = await violations([vault(), gold, silver, silverCloud, goldElsewhere, web01], { policy, deployed });
            expect(found.map((violation) => violation.message)).toEqual([
                "protected item web01: its replication policy is not mapped to its cloud: the cloud's mappings (silver-cloud) map other policies, and enable protection needs the VM's policy mapped to its cloud first",
            ]);
        });

        it("does not judge an item whose cloud no mapping in the stack maps: the portal or another stack may map it", async () => {
            const goldElsewhere = containerMapping("gold-other-cloud", gold, { container: "cloud_00000000-0000-0000-0000-000000000002" });
            const web01 = protectedItem("web01", {}, "rsv-dr", { policyId: idOf(gold) });
            expect(await violations([vault(), gold, goldElsewhere, web01], { policy, deployed })).toEqual([]);
        });
    });

    it("matches a policy outside the stack by its id, whatever the case", async () => {
        const mapped = containerMapping("gold-cloud", POLICY_ID);
        const waiting = protectedItem("web01", {}, "rsv-dr", { policyId: POLICY_ID.toLowerCase(), dependsOn: [mapped] });
        expect(await violations([vault(), mapped, waiting], { policy })).toEqual([]);
        const racing = protectedItem("web02", {}, "rsv-dr", { policyId: POLICY_ID });
        expect((await violations([vault(), mapped, racing], { policy })).map((violation) => violation.urn)).toEqual([racing.urn]);
    });

    it.each([
        ["a preview", true],
        ["an update", false],
    ])("passes our components, ProtectedVm taking CloudProtection's policyId, in %s, and fails them bypassing the mapping", async (_, preview) => {
        expect(await ourSiteViolations({}, preview, { policy })).toEqual([]);
        const bypassing = await ourSiteViolations({ bypassMapping: true }, preview, { policy });
        expect(bypassing.map((violation) => violation.message)).toEqual([expect.stringMatching(/^protected item web01: it does not depend on its cloud's mapping gold,/)]);
    });
});
