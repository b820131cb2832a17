import { isNetworkMapping } from "./lib/azure-types";
import { definePolicy } from "./lib/define";
import { peek, peekString, UNKNOWN } from "./lib/known";
import { sameAzureName } from "./rules/azure-names";
import { mappingTargetNetwork } from "./rules/network-mapping-target";
import { AZURE_RECOVERY_FABRIC, vmmToAzureMapping } from "./rules/network-mapping-kind";

export const networkMappingVmmToAzure = definePolicy([], {
    name: "network-mapping-vmm-to-azure",
    summary:
        'A network mapping from a VMM server to Azure (recoveryFabricName "Microsoft Azure", or fabricSpecificDetails VmmToAzure) is a VmmToAzure mapping to "Microsoft Azure" whose recoveryNetworkId is a virtual network\'s id (asr-phase2 section 3.3), so that its target is judged as a failover network (A2). Azure-to-Azure and VMM-to-VMM mappings are not judged.',
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        'Set properties.fabricSpecificDetails to { instanceType: "VmmToAzure" }, recoveryFabricName to "Microsoft Azure" and recoveryNetworkId to the failover virtual network\'s id; VmmNetworkMapping does.',
    validateResource: (args, reportViolation) => {
        if (!isNetworkMapping(args.type)) {
            return;
        }
        const fabric = peek(args.props, "properties", "recoveryFabricName");
        const instanceType = peek(args.props, "properties", "fabricSpecificDetails", "instanceType");
        const toAzure = instanceType === "VmmToAzure" || (typeof fabric === "string" && sameAzureName(fabric, AZURE_RECOVERY_FABRIC));
        if (!toAzure) {
            return;
        }
        const target = peekString(args.props, "properties", "recoveryNetworkId");
        const problems = [
            fabric === UNKNOWN || instanceType === UNKNOWN ? undefined : vmmToAzureMapping(typeof instanceType === "string" ? instanceType : undefined, typeof fabric === "string" ? fabric : undefined),
            target === undefined ? undefined : mappingTargetNetwork(target),
        ].filter((problem) => problem !== undefined);
        if (problems.length > 0) {
            reportViolation(`${args.name}: ${problems.join("; ")}`);
        }
    },
});
