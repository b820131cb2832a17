import { isSubnet } from "./lib/azure-types";
import { definePolicy } from "./lib/define";
import { isUnknown, known, knownString } from "./lib/known";
import { joinedProps, observedInputs } from "./lib/observed";
import { siteOf } from "./lib/site";

function lacksNsg(subnet: Record<string, unknown>): boolean {
    return !isUnknown(() => subnet.networkSecurityGroup) && known(() => subnet.networkSecurityGroup) === undefined;
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
        // Subnet resources by the network they are in: its name, or the network they depend on.
        const subnets = args.resources.filter((resource) => isSubnet(resource.type));
        for (const vault of site.vaults) {
            for (const { node } of site.networksOf(vault)) {
                const name = knownString(() => node.props.name) ?? knownString(() => node.props.virtualNetworkName);
                // Whether an NSG was given is a question for the inputs: a preview shows an omitted one as unknown.
                const inline = known(() => (node.inputs ?? node.props).subnets as unknown[] | undefined) ?? [];
                for (let index = 0; index < inline.length; index++) {
                    if (lacksNsg(inline[index] as Record<string, unknown>)) {
                        const subnet = knownString(() => (inline[index] as Record<string, unknown>).name) ?? `#${index}`;
                        reportViolation(`subnet ${subnet} of virtual network ${node.resource.name} has no network security group`, node.resource.urn);
                    }
                }
                for (const subnet of subnets) {
                    const props = observedInputs(subnet) ?? joinedProps(subnet);
                    const inNetwork = subnet.dependencies.some((dependency) => dependency.urn === node.resource.urn) || (name !== undefined && knownString(() => props.virtualNetworkName) === name);
                    if (inNetwork && lacksNsg(props)) {
                        reportViolation(`subnet ${subnet.name} of virtual network ${node.resource.name} has no network security group`, subnet.urn);
                    }
                }
            }
        }
    },
});
