import { quoted } from "./display";

/** The name rule for the Azure VM a replica becomes (V1): the support matrix's, stricter than Azure's own. */
export const VM_NAME = {
    min: 1,
    max: 63,
    pattern: /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/,
    allowed: "letters, digits and hyphens, starting and ending with a letter or digit",
    source: "SM26",
} as const;

/** V1: why Site Recovery can't name an Azure VM `name`, or undefined when it can. */
export function replicaVmName(name: string): string | undefined {
    if (name.length < VM_NAME.min || name.length > VM_NAME.max) {
        return `${quoted(name)} must be ${VM_NAME.min}-${VM_NAME.max} characters (it has ${name.length})`;
    }
    return VM_NAME.pattern.test(name) ? undefined : `${quoted(name)} may hold only ${VM_NAME.allowed}`;
}
