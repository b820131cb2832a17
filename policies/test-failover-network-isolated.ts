import type { PolicyResource } from "@pulumi/policy";
import { isVirtualNetwork, isVirtualNetworkPeering } from "./lib/azure-types";
import { definePolicy } from "./lib/define";
import { known, knownString, knownStrings } from "./lib/known";
import { networksOf, vaults } from "./lib/membership";
import { ROLES } from "./rules/role-tags";
import { isolatedTestNetwork } from "./rules/test-network-isolation";

function addressSpace(network: PolicyResource): string[] {
    return knownStrings(() => (network.props.addressSpace as Record<string, unknown> | undefined)?.addressPrefixes);
}

/** Peerings in the stack that start at or lead to `network`. */
function peeringsOf(network: PolicyResource, resources: readonly PolicyResource[]): string[] {
    const name = knownString(() => network.props.name) ?? knownString(() => network.props.virtualNetworkName);
    const id = knownString(() => network.props.id);
    const peerings = known(() => network.props.virtualNetworkPeerings as unknown[] | undefined) ?? [];
    const inline: string[] = [];
    // Index by index, so one peering whose name is unknown still counts, as "a peering".
    for (let index = 0; index < peerings.length; index++) {
        inline.push(knownString(() => (peerings[index] as Record<string, unknown>).name) ?? "(name known after deployment)");
    }
    const separate = resources.filter((resource) => {
        if (!isVirtualNetworkPeering(resource.type)) {
            return false;
        }
        const local = knownString(() => resource.props.virtualNetworkName);
        const remote = knownString(() => (resource.props.remoteVirtualNetwork as Record<string, unknown> | undefined)?.id);
        return (name !== undefined && local === name) || (id !== undefined && remote === id) || resource.dependencies.includes(network);
    });
    return [...inline.map((peering) => `peering ${peering}`), ...separate.map((peering) => `peering ${peering.name}`)];
}

export const testFailoverNetworkIsolated = definePolicy(["A10"], {
    name: "test-failover-network-isolated",
    summary:
        "The test-failover network of a vault (tagged asr-hyperv:role=test-failover-network) neither overlaps its failover network nor is peered to anything.",
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps:
        "Give the test network an address space of its own and remove its peerings, so test failovers can't reach production or collide with it.",
    validateStack: (args, reportViolation) => {
        const all = vaults(args.resources);
        for (const vault of all) {
            const failover = networksOf(vault, args.resources, all, [ROLES.failoverNetwork]).map((member) => member.resource);
            const tests = networksOf(vault, args.resources, all, [ROLES.testFailoverNetwork]).map((member) => member.resource);
            for (const test of tests.filter((resource) => isVirtualNetwork(resource.type))) {
                const problems = isolatedTestNetwork(failover.flatMap(addressSpace), addressSpace(test), peeringsOf(test, args.resources));
                for (const problem of problems) {
                    reportViolation(`test network ${test.name} of vault ${vault.name ?? vault.resource.name}: ${problem}`, test.urn);
                }
            }
        }
    },
});
