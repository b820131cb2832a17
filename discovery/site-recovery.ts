import * as authorization from "@pulumi/azure-native/authorization";
import { listed, quoted } from "../policies/rules/display";
import { closestMatch } from "../policies/rules/edit-distance";
import { isRecord } from "../policies/rules/records";
import { armLister, DiscoveryError, type ArmClientOptions, type ArmObject } from "./arm-client";
import { armCatalog, type SiteCatalog } from "./catalog";
import type { DiscoveredDisk, DiscoveredNetwork, DiscoveredVm, SiteRecoveryNames, SiteRequest, VaultLocation, VmRequest } from "./names";

/** A near spelling is at most 3 edits away, fewer in short names: "dmz" is not a typo of "lab". */
function typoDistance(name: string): number {
    return Math.min(3, Math.max(1, Math.floor(name.length / 3)));
}

function friendlyName(object: ArmObject): string {
    return typeof object.properties.friendlyName === "string" ? object.properties.friendlyName : object.name;
}

/** The object whose friendly name is `name`: spelled the same, else the same ignoring case (VMM names ignore case). */
function byFriendlyName(objects: readonly ArmObject[], name: string): ArmObject | undefined {
    return objects.find((object) => friendlyName(object) === name) ?? objects.find((object) => friendlyName(object).toLowerCase() === name.toLowerCase());
}

/** The candidate `name` was probably meant to be: a near spelling, or the FQDN of the host name given. */
function suggestion(name: string, candidates: readonly string[]): string | undefined {
    return closestMatch(name, candidates, typoDistance(name)) ?? candidates.find((candidate) => candidate.split(".")[0]!.toLowerCase() === name.toLowerCase());
}

/** `VM "x" not found in cloud "c" (there: ...); did you mean "y"?`, else what to do. */
function notFound(what: string, name: string, where: string, candidates: readonly string[], advice: string): string {
    const meant = suggestion(name, candidates);
    const there = candidates.length === 0 ? `: ${where} has none` : ` in ${where} (there: ${listed(candidates.map(quoted))})`;
    return `${what} ${quoted(name)} not found${there}; ${meant === undefined ? advice : `did you mean ${quoted(meant)}?`}`;
}

function notRegistered(request: SiteRequest, source: string, registered: readonly string[]): string {
    const others = registered.length === 0 ? "no server is registered" : `registered: ${listed(registered.map(quoted))}`;
    return (
        `register the VMM server first: ${quoted(request.vmmServer)} is not registered with ${source} (${others}). Install the ` +
        `Azure Site Recovery Provider on it, register it with the vault's registration key (valid 5 days), run "Synchronize ` +
        `cloud metadata", and wait until its clouds show in the vault (up to 30 minutes); until then, deploy without phase 2`
    );
}

function disksOf(customDetails: Record<string, unknown>): Record<string, DiscoveredDisk> {
    const details = Array.isArray(customDetails.diskDetails) ? customDetails.diskDetails : [];
    const disks: Record<string, DiscoveredDisk> = {};
    for (const disk of details) {
        if (isRecord(disk) && typeof disk.vhdName === "string" && typeof disk.vhdId === "string") {
            disks[disk.vhdName] = {
                vhdName: disk.vhdName,
                vhdId: disk.vhdId,
                operatingSystem: typeof disk.vhdType === "string" && disk.vhdType.toLowerCase() === "operatingsystem",
                ...(typeof disk.maxSizeMB === "number" ? { maxSizeMB: disk.maxSizeMB } : {}),
            };
        }
    }
    return disks;
}

function discoveredVm(vmName: string, item: ArmObject): DiscoveredVm {
    const customDetails = isRecord(item.properties.customDetails) ? item.properties.customDetails : {};
    const osDetails = isRecord(customDetails.osDetails) ? customDetails.osDetails : {};
    return {
        vmName,
        protectableItemName: item.name,
        protectableItemId: item.id,
        ...(typeof customDetails.sourceItemId === "string" ? { hyperVVmId: customDetails.sourceItemId } : {}),
        ...(typeof osDetails.osType === "string" ? { osType: osDetails.osType } : {}),
        disks: disksOf(customDetails),
    };
}

function matchVm(request: VmRequest, items: readonly ArmObject[], cloudName: string, problems: string[], advice: string | undefined): DiscoveredVm | undefined {
    const item = byFriendlyName(items, request.name);
    if (item === undefined) {
        problems.push(notFound("VM", request.name, `cloud ${quoted(cloudName)}`, items.map(friendlyName), advice ?? "check that it runs on a host of the cloud (P5)"));
        return undefined;
    }
    const vm = discoveredVm(request.name, item);
    for (const disk of request.disks ?? []) {
        if (vm.disks[disk] === undefined) {
            problems.push(notFound("disk", disk, `VM ${quoted(request.name)}`, Object.keys(vm.disks), advice ?? "Site Recovery reports it among the VM's disks once the provider has synchronized them"));
        }
    }
    return vm;
}

/**
 * The ARM names registration created for what `request` names, matched on each object's
 * `properties.friendlyName` (disks on the protectable item's `customDetails.diskDetails`
 * by `vhdName`, as Terraform does). Throws a DiscoveryError that says to register the VMM
 * server when it isn't, or that lists every name not found, each with what there is and
 * a did-you-mean.
 */
export async function resolveSite(request: SiteRequest, catalog: SiteCatalog): Promise<SiteRecoveryNames> {
    const fabrics = await catalog.fabrics();
    const fabric = byFriendlyName(fabrics, request.vmmServer);
    if (fabric === undefined) {
        const registered = fabrics.map(friendlyName);
        throw new DiscoveryError(
            suggestion(request.vmmServer, registered) === undefined
                ? notRegistered(request, catalog.source, registered)
                : notFound("VMM server", request.vmmServer, catalog.source, registered, ""),
        );
    }
    const server = quoted(request.vmmServer);
    const vmNetworks = request.vmNetworks ?? [];
    const [containers, networks] = await Promise.all([
        catalog.protectionContainers(fabric),
        vmNetworks.length === 0 ? Promise.resolve([]) : catalog.replicationNetworks(fabric),
    ]);

    const advice = catalog.missingAdvice;
    const sync = advice ?? `a cloud shows once the provider has synchronized it ("Synchronize cloud metadata" on VMM server ${server})`;
    // Each cloud's problems are kept apart, so they are reported in the request's order whichever list answers first.
    const clouds = await Promise.all(
        request.clouds.map(async (cloud) => {
            const problems: string[] = [];
            const container = byFriendlyName(containers, cloud.name);
            if (container === undefined) {
                problems.push(notFound("cloud", cloud.name, `VMM server ${server}`, containers.map(friendlyName), sync));
                return { problems };
            }
            const requested = cloud.vms ?? [];
            const items = requested.length === 0 ? [] : await catalog.protectableItems(container);
            const vms = requested.flatMap((vm) => {
                const found = matchVm(vm, items, cloud.name, problems, advice);
                return found === undefined ? [] : [[vm.name, found] as const];
            });
            const entry = [cloud.name, { cloudName: cloud.name, containerName: container.name, containerId: container.id, vms: Object.fromEntries(vms) }] as const;
            return { problems, entry };
        }),
    );
    const problems = clouds.flatMap((cloud) => cloud.problems);
    const found = vmNetworks.flatMap((name): (readonly [string, DiscoveredNetwork])[] => {
        const network = byFriendlyName(networks, name);
        if (network === undefined) {
            problems.push(notFound("VM network", name, `VMM server ${server}`, networks.map(friendlyName), advice ?? "a VM network shows once it is linked to a logical network of a protected cloud (P2)"));
            return [];
        }
        return [[name, { vmNetworkName: name, networkName: network.name, networkId: network.id }]];
    });
    if (problems.length > 0) {
        throw new DiscoveryError(`Site Recovery names for ${server} in ${catalog.source}:\n  - ${problems.join("\n  - ")}`);
    }
    return {
        vmmServer: request.vmmServer,
        fabricName: fabric.name,
        fabricId: fabric.id,
        clouds: Object.fromEntries(clouds.flatMap((cloud) => (cloud.entry === undefined ? [] : [cloud.entry]))),
        vmNetworks: Object.fromEntries(found),
    };
}

async function clientToken(): Promise<string> {
    const { token } = await authorization.getClientToken();
    if (typeof token !== "string" || token === "") {
        throw new DiscoveryError("azure-native's getClientToken gave no token: sign in (az login) or set the provider's credentials");
    }
    return token;
}

/**
 * The ARM names for `request` in `vault`, listed through the ARM REST API with the
 * deployment's own credentials (azure-native's `authorization.getClientToken`), unless
 * `options` brings its own token, endpoint or HTTP client. Only after the VMM server is
 * registered: before, it throws a DiscoveryError saying so.
 */
export function discoverSiteRecovery(vault: VaultLocation, request: SiteRequest, options: Partial<ArmClientOptions> = {}): Promise<SiteRecoveryNames> {
    return resolveSite(request, armCatalog(vault, armLister({ ...options, token: options.token ?? clientToken })));
}
