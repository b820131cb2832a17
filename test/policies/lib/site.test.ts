import type { StackValidationPolicy } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import { analyzeStack } from "../../../engine/analyze";
import type { RecordedResource } from "../../../engine/recorder";
import { analysisOf } from "../../../engine/resources";
import { policies, startOperation } from "../../../policies/pack";
import { siteOf, type Site } from "../../../policies/lib/site";
import { TYPES, account, containerMapping, idOf, nameOf, network, networkMapping, protectedItem, registered, replicationPolicy, resource, untaggedAccount, vault } from "../support/fixtures";

/** The site model a stack policy builds, from a preview of `stack` with the pack's resource policies recording inputs. */
async function siteOfPreview(stack: RecordedResource[], deployed = false): Promise<Site> {
    let site: Site | undefined;
    const probe: StackValidationPolicy = { name: "probe", description: "probe", enforcementLevel: "advisory", validateStack: (args) => void (site = siteOf(args.resources)) };
    await analyzeStack([...policies, probe], analysisOf(registered(stack, deployed), new Map(), { preview: !deployed }), { startOperation });
    return site!;
}

describe("siteOf: which resources serve which vault", () => {
    it("ties storage by tag, by a replication policy's list and by a protected item, saying which first", async () => {
        const listed = untaggedAccount("listed");
        const target = untaggedAccount("target");
        const vnet = resource(TYPES.vnet, "recovery", { virtualNetworkName: "recovery", resourceGroupName: "rg-dr", location: "westeurope" });
        const stack = [vault(), account("tagged"), listed, target, vnet, replicationPolicy("p", { replicationInterval: 300 }, { accounts: [listed] }), protectedItem("vm", { targetStorageAccountId: idOf(target) }), networkMapping("m", vnet)];
        for (const deployed of [false, true]) {
            const site = await siteOfPreview(stack, deployed);
            const [rsv] = site.vaults;
            expect(rsv).toMatchObject({ name: "rsv-dr", location: "westeurope", servesHyperV: true });
            expect(site.storageOf(rsv!).map((member) => [member.node.resource.name, member.by])).toEqual([
                ["tagged", "tag"],
                ["listed", "replication policy"],
                ["target", "protected item"],
            ]);
            expect(site.networksOf(rsv!).map((member) => [member.node.resource.name, member.via])).toEqual([["recovery", "mapped by network mapping m"]]);
            expect(site.policies.map((policy) => [policy.resource.name, policy.vault === rsv, policy.listsNone])).toEqual([["p", true, false]]);
        }
    });

    it("follows a property dependency only for an id not known yet: a known id naming another account ties nothing here", async () => {
        const premium = untaggedAccount("premium");
        const elsewhere = "/subscriptions/s/resourceGroups/rg-other/providers/Microsoft.Storage/storageAccounts/elsewhere";
        const policy = { ...replicationPolicy("p", { replicationInterval: 30, storageAccounts: [elsewhere] }), propertyDependencies: { properties: [premium.urn] } };
        const site = await siteOfPreview([vault(), premium, policy]);
        expect(site.policies[0]?.accounts).toEqual([]);
    });

    it("tells a vault of Hyper-V replication from a Backup vault, and a policy that surely lists no account", async () => {
        const backup = resource(TYPES.vault, "backup", { vaultName: "rsv-backup", resourceGroupName: "rg-dr", location: "westeurope" });
        const site = await siteOfPreview([backup, vault(), replicationPolicy("none", { replicationInterval: 300 }), network("vnet")]);
        expect(site.vaults.map((each) => [each.name, each.servesHyperV])).toEqual([
            ["rsv-backup", false],
            ["rsv-dr", true],
        ]);
        expect(site.policies[0]?.listsNone).toBe(true);
    });
});

describe("siteOf: how protected items relate to their clouds, policies, logs and networks", () => {
    it("ties the log accounts of an item's managed disks to its vault, as its own log account", async () => {
        const logs = untaggedAccount("logs");
        const diskLogs = untaggedAccount("disklogs");
        const item = protectedItem("vm", { logStorageAccountId: idOf(logs), disksToIncludeForManagedDisks: [{ diskId: "os", logStorageAccountId: idOf(diskLogs) }] });
        for (const deployed of [false, true]) {
            const site = await siteOfPreview([vault(), logs, diskLogs, item], deployed);
            expect(site.storageOf(site.vaults[0]!).map((member) => [member.node.resource.name, member.by])).toEqual([
                ["logs", "protected item"],
                ["disklogs", "protected item"],
            ]);
            expect(site.items[0]?.logs.map((node) => node.resource.name)).toEqual(["logs", "disklogs"]);
        }
    });

    it("finds an item's cloud mappings, the ones it waits for through any resource, and the policy both name", async () => {
        const gold = replicationPolicy("gold", { replicationInterval: 300 });
        const mapped = containerMapping("gold-cloud", gold);
        const between = resource(TYPES.mapping, "corp", { resourceName: "rsv-dr" }, [mapped]);
        const item = protectedItem("vm", {}, "rsv-dr", { policyId: idOf(gold), dependsOn: [between] });
        for (const deployed of [false, true]) {
            const site = await siteOfPreview([vault(), gold, mapped, between, item], deployed);
            const [cloud] = site.items.map((each) => site.mappingsOf(each.container!));
            expect(cloud?.map((mapping) => mapping.resource.name)).toEqual(["gold-cloud"]);
            expect(site.mappingsBefore(site.items[0]!).map((mapping) => mapping.resource.name)).toEqual(["gold-cloud"]);
            expect(site.hyperVPolicyOf(site.items[0]!.policy)?.resource.name).toBe("gold");
        }
    });

    it("lists a network's subnets, inline and resources of their own, and none while one's name is unknown", async () => {
        const vnet = network("vnet", { subnets: [{ name: "web" }] });
        const sql = resource(TYPES.subnet, "sql", { subnetName: "sql", resourceGroupName: "rg-dr", virtualNetworkName: nameOf(vnet) });
        for (const deployed of [false, true]) {
            const site = await siteOfPreview([vault(), vnet, sql], deployed);
            expect(site.subnetsOf(site.networksOf(site.vaults[0]!)[0]!.node)).toEqual(["web", "sql"]);
        }
        const later = resource(TYPES.subnet, "later", { subnetName: idOf(vnet), virtualNetworkName: "vnet" });
        const site = await siteOfPreview([vault(), vnet, sql, later]);
        expect(site.subnetsOf(site.networksOf(site.vaults[0]!)[0]!.node)).toBeUndefined();
    });
});
