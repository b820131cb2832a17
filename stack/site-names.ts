import { NAMESPACE } from "../config/schema";
import { ConfigError, type StackConfig } from "../config/load";
import type { SiteConfig } from "../config/replication";
import * as pulumi from "@pulumi/pulumi";
import { quoted } from "../policies/rules";
import {
    ARM_ENDPOINTS,
    DiscoveryError,
    configuredCatalog,
    discoverSiteRecovery,
    placeholderCatalog,
    resolveSite,
    type SiteRecoveryNames,
    type SiteRequest,
    type VaultLocation,
} from "../discovery";

/**
 * Set by the offline plan, which has no vault to ask: phase 2 resolves against placeholders
 * (`<container of Gold>`), and the plan says so. Nothing else sets it.
 */
export const OFFLINE_NAMES_ENV = "ASR_HYPERV_OFFLINE_SITE_NAMES";

/** What to look up: the server, its clouds and their VMs with the disks config names, and the VM networks. */
export function siteRequest(site: SiteConfig): SiteRequest {
    return {
        vmmServer: site.vmmServer,
        vmNetworks: site.vmNetworks,
        clouds: site.clouds.map((cloud) => ({
            name: cloud.name,
            vms: cloud.vms.map((vm) => ({
                name: vm.name,
                disks: [...(vm.osDisk === undefined ? [] : [vm.osDisk]), ...(vm.dataDisks ?? [])],
                ...(vm.osDisk === undefined ? {} : { osDisk: vm.osDisk }),
            })),
        })),
    };
}

/** The names from config's `site.names`, the offline plan's placeholders, or else the vault, listed through ARM. */
function resolve(vault: VaultLocation, site: SiteConfig, request: SiteRequest): Promise<SiteRecoveryNames> {
    if (site.names !== undefined) {
        return resolveSite(request, configuredCatalog(vault, site.vmmServer, site.names));
    }
    if (process.env[OFFLINE_NAMES_ENV] === "1") {
        return resolveSite(request, placeholderCatalog(vault, request));
    }
    // The cloud the provider deploys to: its ARM, not the public one, for a sovereign cloud.
    const environment = new pulumi.Config("azure-native").get("environment")?.toLowerCase() ?? "public";
    const endpoint = ARM_ENDPOINTS[environment];
    if (endpoint === undefined) {
        throw new ConfigError([`azure-native:environment: ${quoted(environment)} names no cloud discovery knows; allowed: ${Object.keys(ARM_ENDPOINTS).join(", ")}; or set ${NAMESPACE}:site.names`]);
    }
    return discoverSiteRecovery(vault, request, { endpoint });
}

/**
 * The ARM names phase 2 needs, resolved before anything is registered so that a server not
 * registered yet, or a name VMM doesn't show, stops the program with nothing created.
 * Undefined when config has no `site` (phase 1 only).
 */
export async function siteNames(config: StackConfig, subscriptionId: string): Promise<SiteRecoveryNames | undefined> {
    const site = config.site;
    if (site === undefined) {
        return undefined;
    }
    const vault = { subscriptionId, resourceGroupName: config.resourceGroupName, vaultName: config.vault.name };
    const request = siteRequest(site);
    try {
        return await resolve(vault, site, request);
    } catch (error) {
        if (error instanceof DiscoveryError) {
            // Most often phase 2 configured before phase 1 ran: the vault isn't there to ask.
            const first =
                error.status === 404
                    ? `; if vault ${config.vault.name} isn't deployed yet, deploy without ${NAMESPACE}:site first, register the VMM server with it, then add the site`
                    : "";
            throw new ConfigError([`${NAMESPACE}:site: ${error.message}${first}`]);
        }
        throw error;
    }
}
