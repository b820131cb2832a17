import { sameAzureName } from "./azure-names";
import { quoted } from "./display";

/** What stands for Azure where Site Recovery asks for a recovery fabric or container (mappings, recovery plans): a literal, not an id (asr-phase2 sections 1 and 3.3). */
export const AZURE_RECOVERY_FABRIC = "Microsoft Azure";

/**
 * A VMM VM network mapped to Azure is a `VmmToAzure` mapping, with `recoveryFabricName`
 * "Microsoft Azure" (asr-phase2 section 3.3): why a mapping with either half lacks the
 * other, or undefined. Azure-to-Azure mappings name an Azure fabric of their own and
 * VMM-to-VMM ones a VMM fabric, so neither is judged. Undefined stands for an absent value.
 */
export function vmmToAzureMapping(instanceType: string | undefined, recoveryFabricName: string | undefined): string | undefined {
    const toAzure = sameAzureName(recoveryFabricName, AZURE_RECOVERY_FABRIC);
    if (toAzure && instanceType !== "VmmToAzure") {
        return instanceType === undefined
            ? `a mapping to ${quoted(AZURE_RECOVERY_FABRIC)} needs fabricSpecificDetails.instanceType "VmmToAzure"`
            : `a mapping to ${quoted(AZURE_RECOVERY_FABRIC)} is fabricSpecificDetails.instanceType "VmmToAzure", not ${quoted(instanceType)}`;
    }
    return instanceType === "VmmToAzure" && recoveryFabricName !== undefined && !toAzure
        ? `a VmmToAzure mapping names Azure as recoveryFabricName ${quoted(AZURE_RECOVERY_FABRIC)}, not ${quoted(recoveryFabricName)}`
        : undefined;
}
