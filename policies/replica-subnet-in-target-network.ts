import { definePolicy } from "./lib/define";
import { peekString } from "./lib/known";
import { siteOf } from "./lib/site";
import { targetSubnetInNetwork } from "./rules/target-subnet";

export const replicaSubnetInTargetNetwork = definePolicy(["A9"], {
    name: "replica-subnet-in-target-network",
    summary:
        "The target subnet a Hyper-V protected item names (targetAzureSubnetId: a subnet's name, as PowerShell sends it, or a subnet's id) is a subnet of its target network (targetAzureNetworkId) when that network is in the stack: inline in the VirtualNetwork, or a Subnet resource of its own. A network outside the stack, or whose subnets are not all known yet, is not judged.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Name one of the target network's subnets, or add the subnet to the network; or leave targetAzureSubnetId out, and the replica joins the subnet named like its source subnet, else the first (A9).",
    validateStack: (args, reportViolation) => {
        const site = siteOf(args.resources);
        for (const item of site.items) {
            const subnet = peekString(item.props, "properties", "providerSpecificDetails", "targetAzureSubnetId");
            // While the network's id is unknown, only a single network the item depends on is surely its target.
            const [network, ...others] = item.networks;
            if (subnet === undefined || network === undefined || others.length > 0) {
                continue;
            }
            const subnets = site.subnetsOf(network);
            const name = peekString(network.props, "name") ?? peekString(network.props, "virtualNetworkName");
            const problem = subnets === undefined ? undefined : targetSubnetInNetwork(subnet, name, subnets);
            if (problem !== undefined) {
                reportViolation(`protected item ${item.resource.name} (target network ${network.resource.name}): ${problem}`, item.resource.urn);
            }
        }
    },
});
