import * as pulumi from "@pulumi/pulumi";
import * as recoveryservices from "@pulumi/azure-native/recoveryservices";
import { NAMESPACE } from "../config/schema";
import { ConfigError, type StackConfig } from "../config/load";
import type { SiteConfig } from "../config/replication";
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
 * Set by the offline plan, which has no vault to ask, on the process it runs the program in:
 * phase 2 resolves against placeholders (`<container of Gold>`), and the plan says so. A
 * global of the process, not an environment variable, so no real `pulumi up` inherits it.
 */
export const OFFLINE_SITE_NAMES = Symbol.for("asr-hyperv.offline-site-names");

function offline(): boolean {
    return (globalThis as Record<symbol, unknown>)[OFFLINE_SITE_NAMES] === true;
}

/** The ARM of the cloud azure-native deploys to: its `environment` setting, or ARM_ENVIRONMENT as the provider reads it. */
function armEndpoint(): string {
    const environment = (new pulumi.Config("azure-native").get("environment") ?? process.env.ARM_ENVIRONMENT ?? "public").toLowerCase();
    const endpoint = ARM_ENDPOINTS[environment];
    if (endpoint === undefined) {
        throw new ConfigError([`azure-native:environment: ${quoted(environment)} names no cloud discovery knows; allowed: ${Object.keys(ARM_ENDPOINTS).join(", ")}; or set ${NAMESPACE}:site.names`]);
    }
    return endpoint;
}

/**
 * Written-down names say nothing of whether the server is registered with this vault: its
 * fabric is asked for, so that phase 2 stops before anything is created, as discovery does.
 */
async function assertRegistered(vault: VaultLocation, site: SiteConfig & { names: NonNullable<SiteConfig["names"]> }): Promise<void> {
    try {
        await recoveryservices.getReplicationFabric({ resourceGroupName: vault.resourceGroupName, resourceName: vault.vaultName, fabricName: site.names.fabricName });
    } catch (error) {
        const detail = String((error as Error).message ?? error)
            .split("\n")
            .map((line) => line.trim())
            .find((line) => line !== "");
        throw new ConfigError([
            `${NAMESPACE}:site.names.fabricName: fabric ${quoted(site.names.fabricName)} of ${quoted(site.vmmServer)} is not in vault ${vault.vaultName}${detail === undefined ? "" : ` (${detail})`}; register the VMM server first, or, before phase 1, deploy without ${NAMESPACE}:site`,
        ]);
    }
}

/** What to look up: the server, its clouds and their VMs with the disks config names, and the VM networks. */
function siteRequest(site: SiteConfig): SiteRequest {
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
async function resolve(vault: VaultLocation, site: SiteConfig, request: SiteRequest): Promise<SiteRecoveryNames> {
    const names = site.names;
    if (names !== undefined) {
        if (!offline()) {
            await assertRegistered(vault, { ...site, names });
        }
        return resolveSite(request, configuredCatalog(vault, site.vmmServer, names));
    }
    return offline() ? resolveSite(request, placeholderCatalog(vault, request)) : discoverSiteRecovery(vault, request, { endpoint: armEndpoint() });
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
