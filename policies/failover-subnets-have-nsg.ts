import { definePolicy } from "./lib/define";
import { peek, peekString } from "./lib/known";
import { siteOf } from "./lib/site";

function lacksNsg(subnet: unknown): boolean {
    return peek(subnet, "networkSecurityGroup") === undefined;
}

export const failoverSubnetsHaveNsg = definePolicy([], {
    name: "failover-subnets-have-nsg",
    summary:
        "Every subnet of a vault's failover and test-failover networks, inline or a Subnet resource of its own, has a network security group, so failed-over VMs never start unfiltered.",
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps: "Give each subnet networkSecurityGroup: { id: <an NSG in the network's region> }; FailoverNetwork creates one per subnet.",
    validateStack: (args, reportViolation) => {
        const site = siteOf(args.resources);
        for (const vault of site.vaults) {
            for (const { node } of site.networksOf(vault)) {
                // Whether an NSG was given is a question for the inputs: a preview shows an omitted one as unknown.
                const inline = peek(node.inputs ?? node.props, "subnets");
                for (let index = 0; Array.isArray(inline) && index < inline.length; index++) {
                    if (lacksNsg(peek(inline, index))) {
                        const subnet = peekString(inline, index, "name") ?? `#${index}`;
                        reportViolation(`subnet ${subnet} of virtual network ${node.resource.name} has no network security group`, node.resource.urn);
                    }
                }
                for (const subnet of site.subnetResourcesOf(node)) {
                    if (lacksNsg(subnet.inputs ?? subnet.props)) {
                        reportViolation(`subnet ${subnet.resource.name} of virtual network ${node.resource.name} has no network security group`, subnet.resource.urn);
                    }
                }
            }
        }
    },
});
