import { listed } from "./display";

/** One of the mappings of a protected item's cloud, as the item relates to it. */
export interface CloudMapping {
    name: string;
    /** Whether it maps the item's policy; undefined while that can't be told. */
    samePolicy: boolean | undefined;
    /** Whether the item depends on it, directly or through other resources. */
    awaited: boolean;
}

/**
 * Enable protection needs the VM's policy mapped to its cloud first (asr-phase2 section 5,
 * step 6), and a mapping can't be removed while it protects items: so a protected item
 * depends on the mapping of its policy to its cloud. `mappings` are the cloud's mappings
 * that are known; with none, the cloud may be mapped elsewhere and nothing is judged.
 */
export function protectionAfterMapping(mappings: readonly CloudMapping[]): string | undefined {
    if (mappings.length === 0) {
        return undefined;
    }
    const candidates = mappings.filter((mapping) => mapping.samePolicy !== false);
    if (candidates.length === 0) {
        return `its replication policy is not mapped to its cloud: the cloud's mappings (${listed(mappings.map((mapping) => mapping.name))}) map other policies, and enable protection needs the VM's policy mapped to its cloud first`;
    }
    return candidates.some((mapping) => mapping.awaited)
        ? undefined
        : `it does not depend on its cloud's mapping ${listed(candidates.map((mapping) => mapping.name))}, so nothing makes protection wait for the mapping, which enable protection needs first, nor the mapping's removal wait for the item`;
}
