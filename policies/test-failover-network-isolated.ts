import { definePolicy } from "./lib/define";
import { peekStrings } from "./lib/known";
import { siteOf, type SiteNode } from "./lib/site";
import { ROLES } from "./rules/role-tags";
import { isolatedTestNetwork } from "./rules/test-network-isolation";

function addressSpace(network: SiteNode): string[] {
    return peekStrings(network.props, "addressSpace", "addressPrefixes");
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
        const site = siteOf(args.resources);
        for (const vault of site.vaults) {
            const tests = site.networksOf(vault, [ROLES.testFailoverNetwork]);
            if (tests.length === 0) {
                continue;
            }
            // Read once per vault: every test network of the vault is compared with the same failover networks.
            const failoverSpace = site.networksOf(vault, [ROLES.failoverNetwork]).flatMap((member) => addressSpace(member.node));
            for (const { node: test } of tests) {
                for (const problem of isolatedTestNetwork(failoverSpace, addressSpace(test), site.peeringsOf(test))) {
                    reportViolation(`test network ${test.resource.name} of vault ${vault.name ?? vault.resource.name}: ${problem}`, test.resource.urn);
                }
            }
        }
    },
});
