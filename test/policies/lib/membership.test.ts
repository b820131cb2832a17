import { unknownCheckingProxy, type PolicyResource } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import { isHyperVPolicy, listedAccounts, listsNoAccounts, networksOf, ownerVault, storageOf, vaults } from "../../../policies/lib/membership";
import { UNKNOWN, account, network, replicationPolicy, resource, TYPES, vault } from "../support/fixtures";
import type { ResourceUnderAnalysis } from "../../../engine/analyze";

/** The stack as a stack policy sees it: proxied props, dependencies as resources. */
function asPolicyResources(list: ResourceUnderAnalysis[]): PolicyResource[] {
    const byUrn = new Map<string, PolicyResource>();
    const out = list.map((r) => {
        const policyResource = { type: r.type, name: r.name, urn: r.urn, props: unknownCheckingProxy(r.props), dependencies: [], propertyDependencies: {} } as unknown as PolicyResource;
        byUrn.set(r.urn, policyResource);
        return policyResource;
    });
    list.forEach((r, index) => {
        out[index]!.dependencies = r.dependencies.map((urn) => byUrn.get(urn)!);
        out[index]!.propertyDependencies = Object.fromEntries(Object.entries(r.propertyDependencies).map(([key, urns]) => [key, urns.map((urn) => byUrn.get(urn)!)]));
    });
    return out;
}

describe("which resources serve which vault", () => {
    const data = account("data");
    const untagged = resource(TYPES.account, "listed", { name: "listed", location: "westeurope" });
    const policy = replicationPolicy("p", { replicationInterval: 300 }, { accounts: [untagged] });
    const stack = asPolicyResources([vault(), data, untagged, policy, network("vnet"), resource(TYPES.account, "diag", { location: "eastus" })]);
    const [rsv] = vaults(stack);

    it("finds vaults by name, and a policy's vault by resourceName", () => {
        expect(rsv).toMatchObject({ name: "rsv-dr", location: "westeurope" });
        expect(ownerVault(stack[3]!, [rsv!])).toBe(rsv);
    });

    it("ties storage by tag, and by what a replication policy lists, saying which", () => {
        expect(storageOf(rsv!, stack, [rsv!]).map((m) => [m.resource.name, m.kind, m.via])).toEqual([
            ["data", "tag", "tagged asr-hyperv:role=replication-storage"],
            ["listed", "reference", "listed by replication policy p"],
        ]);
        expect(listedAccounts(stack[3]!, stack).map((a) => a.name)).toEqual(["listed"]);
        expect(networksOf(rsv!, stack, [rsv!]).map((m) => m.resource.name)).toEqual(["vnet"]);
    });

    it("tells a Hyper-V policy, and one that surely lists no account", () => {
        expect(isHyperVPolicy(stack[3]!)).toBe(true);
        expect(listsNoAccounts(stack[3]!)).toBe(false);
        const [none, unknown] = asPolicyResources([replicationPolicy("none", {}), replicationPolicy("u", { storageAccounts: UNKNOWN })]);
        expect(listsNoAccounts(none!)).toBe(true);
        expect(listsNoAccounts(unknown!)).toBe(false);
    });
});
