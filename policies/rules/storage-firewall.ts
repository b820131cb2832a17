import { cite } from "./facts";

export interface StorageNetworkRules {
    defaultAction?: string | undefined;
    bypass?: string | undefined;
}

/**
 * A11: a storage firewall that denies by default must still let trusted Microsoft
 * services (Site Recovery among them) through. `bypass` is Azure's comma-separated list.
 */
export function firewallAllowsTrustedServices(rules: StorageNetworkRules | undefined): string | undefined {
    if (rules?.defaultAction !== "Deny") {
        return undefined;
    }
    const bypass = (rules.bypass ?? "AzureServices").split(",").map((entry) => entry.trim());
    return bypass.includes("AzureServices")
        ? undefined
        : `network rules deny by default and bypass "${rules.bypass}" leaves out AzureServices (${cite("A11")})`;
}
