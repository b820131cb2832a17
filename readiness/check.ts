import { listed, quoted } from "../policies/rules/display";
import { normalizeRegion } from "../policies/rules/regions";
import { VM_NAME, replicaVmName } from "../policies/rules/replica-vm-name";
import type { Place } from "../policies/rules/problem";
import type { FactId } from "../policies/rules/facts";
import { inventoryKey, type HyperVHost, type InternetAccess, type Inventory, type InventoryVm, type VmmCloud, type VmmServer } from "./inventory";
import {
    DEFAULT_REPLICA_DISKS,
    DISK_LIMITS,
    EFI_ROW,
    GENERATION_2,
    GUEST_NETWORK,
    GUEST_OS,
    HOST_OSES,
    HOST_OS_NOISE,
    INTERNET,
    KB_2961977,
    TARGET_REGION_SOURCE,
    UNSUPPORTED_STORAGE,
    UNSUPPORTED_TARGET_REGIONS,
    VMM_NAME_NOISE,
    VMM_VERSIONS,
    matchName,
    sourceText,
    type HostOs,
    type ReplicaDisks,
    type VmmVersion,
} from "./support-matrix";

/**
 * The on-premises readiness check (P1-P7, V1-V7, A14) of an inventory against the support
 * matrix (support-matrix.ts). Levels follow where a problem surfaces (asr-phase2.md section 7):
 * "error" for what Azure refuses when the phase-2 resource is created, before anything is
 * (only a VM Site Recovery can't list under its cloud: the protected item names a
 * protectable item that doesn't exist); "warning" for what fails later, in the Provider's
 * registration, the agent, replication or the enable-protection job, each message saying
 * which; "pass" for each fact a subject meets, so the plan can show every subject.
 */
export type ReadinessLevel = "pass" | "warning" | "error";
export type SubjectKind = "server" | "cloud" | "host" | "vm";

export interface ReadinessSubject {
    kind: SubjectKind;
    name: string;
    /** The subject's config key, e.g. `asr-hyperv:onPremises.vmmServers[0].vms[3]`. */
    path: string;
}

export interface Finding {
    level: ReadinessLevel;
    fact: FactId;
    subject: ReadinessSubject;
    /** The inventory place the finding is about, under `asr-hyperv:onPremises`, for config to report an error at. */
    at: Place;
    /** The config key to change: the setting at `at`, or another key (`azure-native:location`) where that is the fix. */
    key: string;
    message: string;
}

export interface ReadinessOptions {
    /** The vault's region (`azure-native:location`), where VMs fail over to. */
    region: string;
    /** The replica mode for VMs that don't set `replicaDisks`; managed disks by default, as in the portal. */
    replicaDisks?: ReplicaDisks;
}

/** A problem a check found; `at` is absolute, and defaults to the subject. */
interface Issue {
    level: "warning" | "error";
    message: string;
    at?: Place;
    key?: string;
}

/** A fact's outcome for one subject: its problems, or why it passes. */
interface Outcome {
    fact: FactId;
    issues: Issue[];
    pass: string;
}

const ENABLE_FAILS = "the enable-protection job's prerequisites check fails";
const REFUSED = "Azure refuses its protected item before anything is created: the protectable item is not found";

function gb(size: number): string {
    return `${size.toLocaleString("en-US")} GB`;
}

function plural(n: number, noun: string): string {
    return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

const warning = (message: string, at?: Place): Issue => ({ level: "warning", message, at });

/** `All Hosts\Production`, compared without case or a trailing separator; `/` taken for `\`. */
function groupPath(group: string): string {
    return group.trim().replace(/\//g, "\\").replace(/\\+$/, "").toLowerCase();
}

/** True when host group `group` is `cloudGroup` or below it: a cloud's host group holds its child groups. */
function within(group: string, cloudGroup: string): boolean {
    return group === cloudGroup || group.startsWith(`${cloudGroup}\\`);
}

const VMM_NAMES = VMM_VERSIONS.map((v) => v.name);
const HOST_OS_NAMES = HOST_OSES.map((o) => o.name);
const SUPPORTED_VMM = listed(
    VMM_VERSIONS.filter((v) => v.supported).map((v) => v.name),
    VMM_VERSIONS.length,
);
const SUPPORTED_HOST_OS = listed(HOST_OS_NAMES, HOST_OS_NAMES.length);
const URL_LIST = INTERNET.urls.join(", ");

function vmmVersion(server: VmmServer): VmmVersion | undefined {
    const name = matchName(server.version, VMM_NAMES, VMM_NAME_NOISE);
    return VMM_VERSIONS.find((v) => v.name === name);
}

function hostOs(host: HyperVHost): HostOs | undefined {
    const name = matchName(host.os, HOST_OS_NAMES, HOST_OS_NOISE);
    return HOST_OSES.find((o) => o.name === name);
}

/** A VMM server's lookups, built once so a VM or host is checked in constant time. */
interface Site {
    server: VmmServer;
    at: Place;
    version: VmmVersion | undefined;
    clouds: Map<string, { cloud: VmmCloud; groups: string[]; networks: Set<string> | undefined }>;
    hosts: Map<string, HyperVHost>;
}

function siteOf(server: VmmServer, at: Place): Site {
    return {
        server,
        at,
        version: vmmVersion(server),
        clouds: new Map(
            server.clouds.map((cloud) => [
                cloud.name.toLowerCase(),
                { cloud, groups: cloud.hostGroups.map(groupPath), networks: cloud.networks === undefined ? undefined : new Set(cloud.networks.map((n) => n.toLowerCase())) },
            ]),
        ),
        hosts: new Map(server.hosts.map((host) => [host.name.toLowerCase(), host])),
    };
}

function internetIssues(access: InternetAccess, at: Place, whose: string, fails: string, fact: "P3" | "P6"): Issue[] {
    if (access.access === "none") {
        return [
            warning(
                `${whose} no internet access: ${fails}; it needs outbound HTTPS ${INTERNET.port} to ${URL_LIST}, directly or through a proxy ` +
                    `(${fact}; ${sourceText(INTERNET.source)}, ${sourceText(INTERNET.urlSource)}), or private endpoints for Site Recovery and storage`,
                [...at, "access"],
            ),
        ];
    }
    if (access.proxyAuthentication === true && !INTERNET.authenticatingProxySupported) {
        return [
            warning(
                `${whose} an authenticating proxy, which Site Recovery doesn't support (${fact}; ${sourceText(INTERNET.source)}, ${sourceText(INTERNET.proxySource)}): ${fails}; ` +
                    `let it reach ${URL_LIST} without authentication`,
                [...at, "proxyAuthentication"],
            ),
        ];
    }
    return [];
}

function internetPass(access: InternetAccess): string {
    return access.access === "direct" ? `reaches Site Recovery directly over HTTPS ${INTERNET.port}` : `reaches Site Recovery over HTTPS ${INTERNET.port} through a proxy without authentication`;
}

function serverOutcomes(site: Site, region: string): Outcome[] {
    const { server, at, version } = site;
    const p1: Issue[] = [];
    if (version === undefined) {
        p1.push(
            warning(
                `${quoted(server.version)} is not a VMM version the support matrix lists (supported: ${SUPPORTED_VMM}; ${sourceText("SM26")}): ` +
                    `the Provider's setup or registration with the vault may fail, and Microsoft doesn't support it`,
                [...at, "version"],
            ),
        );
    } else if (!version.supported) {
        p1.push(warning(`${version.note ?? `VMM ${version.name} is not supported`} (${sourceText(version.source)}): the Provider's setup or registration with the vault may fail`, [...at, "version"]));
    } else if (server.serverCore === true && !version.serverCoreSupported) {
        p1.push(warning(`${version.note ?? "server core is not supported"} (${sourceText(version.source)}): the Provider's setup or registration with the vault fails`, [...at, "serverCore"]));
    }
    const p2 =
        server.clouds.length === 0
            ? [warning(`lists no cloud: Site Recovery protects VMs in VMM clouds, so nothing on this server can be protected (${sourceText("SEED")})`, [...at, "clouds"])]
            : [];
    const display = UNSUPPORTED_TARGET_REGIONS[normalizeRegion(region)];
    const a14: Issue[] =
        display === undefined
            ? []
            : [
                  {
                      level: "warning",
                      message:
                          `replicates to ${region} (${display}), which Hyper-V to Azure can't target (${sourceText(TARGET_REGION_SOURCE)}): ` +
                          `enabling protection or failing over into it fails; choose another region`,
                      key: "azure-native:location",
                  },
              ];
    return [
        { fact: "P1", issues: p1, pass: `VMM ${version?.name ?? server.version}${server.serverCore === true ? " (server core)" : ""} is supported (${sourceText("SM26")})` },
        { fact: "P2", issues: p2, pass: plural(server.clouds.length, "cloud") },
        {
            fact: "P3",
            issues: internetIssues(server.internet, [...at, "internet"], "has", "the Provider's registration with the vault fails, or replication health degrades", "P3"),
            pass: internetPass(server.internet),
        },
        { fact: "A14", issues: a14, pass: `${region} is a region Hyper-V to Azure can target` },
    ];
}

function cloudOutcomes(cloud: VmmCloud, at: Place): Outcome[] {
    const issues: Issue[] = [];
    if (cloud.hostGroups.length === 0) {
        issues.push(warning(`has no host group: no host, so no VM, in it can be protected (${sourceText("SEED")})`, [...at, "hostGroups"]));
    }
    if (cloud.networks !== undefined && cloud.networks.length === 0) {
        issues.push(
            warning(
                `has no VM network: Site Recovery shows no replication network for the cloud, so no network mapping can be made and replicas join no mapped network (${sourceText("PREPON18")})`,
                [...at, "networks"],
            ),
        );
    }
    const networks = cloud.networks === undefined ? "" : `; VM networks: ${listed(cloud.networks.map(quoted))}`;
    return [{ fact: "P2", issues, pass: `host groups: ${listed(cloud.hostGroups.map(quoted))}${networks}` }];
}

function hostOutcomes(site: Site, host: HyperVHost, at: Place): Outcome[] {
    const os = hostOs(host);
    const outcomes: Outcome[] = [];
    const p4: Issue[] = [];
    if (os === undefined) {
        p4.push(
            warning(
                `${quoted(host.os)} is not a host OS the support matrix lists (${SUPPORTED_HOST_OS}; ${sourceText("SM26")}): the Recovery Services agent's setup or replication may fail`,
                [...at, "os"],
            ),
        );
    } else if (os.needsKb2961977 && host.updates?.kb2961977 !== true) {
        const stated = host.updates?.kb2961977 === false ? "lacks" : "isn't stated to have";
        p4.push(
            warning(
                `${stated} ${KB_2961977.id} (${KB_2961977.url}), which ${os.name} hosts need (${sourceText(KB_2961977.source)}): replication of its VMs fails without it; ` +
                    `install it, then set updates.kb2961977: true`,
                [...at, "updates", "kb2961977"],
            ),
        );
    }
    const kb = os?.needsKb2961977 === true ? `, ${KB_2961977.id} installed` : "";
    outcomes.push({ fact: "P4", issues: p4, pass: `${os?.name ?? host.os}${host.serverCore === true ? " (server core)" : ""} is supported (${sourceText(os?.source ?? "SM26")})${kb}` });

    const group = groupPath(host.hostGroup);
    const clouds = [...site.clouds.values()].filter((c) => c.groups.some((g) => within(group, g))).map((c) => c.cloud.name);
    outcomes.push({
        fact: "P5",
        issues:
            clouds.length === 0
                ? [
                      warning(
                          `host group ${quoted(host.hostGroup)} is in no cloud of ${site.server.name}: VMs on this host can't be protected; add the group (or one above it) to a cloud in VMM (${sourceText("SEED")})`,
                          [...at, "hostGroup"],
                      ),
                  ]
                : [],
        pass: `in ${clouds.length === 1 ? "cloud" : "clouds"} ${listed(clouds.map(quoted))} through host group ${quoted(host.hostGroup)}`,
    });

    const access = host.internet ?? site.server.internet;
    const accessAt = host.internet !== undefined ? [...at, "internet"] : [...site.at, "internet"];
    const whose = host.internet !== undefined ? "has" : "has, as its VMM server states,";
    outcomes.push({ fact: "P6", issues: internetIssues(access, accessAt, whose, "replication of its VMs fails", "P6"), pass: internetPass(access) });

    if (os !== undefined && site.version !== undefined) {
        const managing = site.version;
        const oldest = VMM_VERSIONS.findIndex((v) => v.name === os.minimumVmm);
        outcomes.push({
            fact: "P7",
            issues:
                VMM_VERSIONS.indexOf(managing) < oldest
                    ? [
                          warning(
                              `${os.name} hosts need VMM ${os.minimumVmm} or later (${sourceText(os.source)}); ${site.server.name} runs VMM ${managing.name}: registration or protection fails`,
                              [...at, "os"],
                          ),
                      ]
                    : [],
            pass: os.minimumVmm === undefined ? `the matrix sets no VMM version for ${os.name} hosts` : `VMM ${managing.name} may manage ${os.name} hosts (${sourceText(os.source)})`,
        });
    }
    return outcomes;
}

function membership(site: Site, vm: InventoryVm, at: Place): Outcome[] {
    const entry = site.clouds.get(vm.cloud.toLowerCase());
    if (entry === undefined) {
        return [];
    }
    if (entry.groups.length === 0) {
        return [
            {
                fact: "P2",
                issues: [{ level: "error", message: `cloud ${quoted(vm.cloud)} has no host group, so Site Recovery lists no VM under it: ${REFUSED}`, at: [...at, "cloud"] }],
                pass: "",
            },
        ];
    }
    const host = vm.host === undefined ? undefined : site.hosts.get(vm.host.toLowerCase());
    const outcomes: Outcome[] = [];
    if (host === undefined) {
        outcomes.push({ fact: "P5", issues: [], pass: `in cloud ${quoted(vm.cloud)}` });
    } else {
        const group = groupPath(host.hostGroup);
        const inCloud = entry.groups.some((g) => within(group, g));
        outcomes.push({
            fact: "P5",
            issues: inCloud
                ? []
                : [
                      {
                          level: "error",
                          message:
                              `runs on ${host.name}, whose host group ${quoted(host.hostGroup)} is not in cloud ${quoted(vm.cloud)} (host groups: ${listed(entry.cloud.hostGroups.map(quoted))}), ` +
                              `so Site Recovery doesn't list the VM under the cloud: ${REFUSED}`,
                          at: [...at, "host"],
                      },
                  ],
            pass: `in cloud ${quoted(vm.cloud)} through host ${host.name}, host group ${quoted(host.hostGroup)}`,
        });
    }
    if (vm.network !== undefined && entry.networks !== undefined) {
        const network = vm.network.vmNetwork;
        outcomes.push({
            fact: "P2",
            issues: entry.networks.has(network.toLowerCase())
                ? []
                : [
                      warning(
                          `VM network ${quoted(network)} is not one of cloud ${quoted(vm.cloud)}'s (${listed((entry.cloud.networks ?? []).map(quoted))}): Site Recovery shows no replication network for it, ` +
                              `so a network mapping for it is not found and the replica joins no mapped network after failover (${sourceText("PREPON18")})`,
                          [...at, "network", "vmNetwork"],
                      ),
                  ],
            pass: `on VM network ${quoted(network)} of cloud ${quoted(vm.cloud)}`,
        });
    }
    return outcomes;
}

function nameOutcome(vm: InventoryVm, at: Place): Outcome {
    if (vm.targetName !== undefined) {
        const problem = replicaVmName(vm.targetName);
        return {
            fact: "V1",
            issues: problem === undefined ? [] : [warning(`target name ${problem}: Site Recovery can't give the Azure VM this name; fix the target name (${sourceText(VM_NAME.source)})`, [...at, "targetName"])],
            pass: `target name ${quoted(vm.targetName)} fits Azure's VM name rule`,
        };
    }
    const problem = replicaVmName(vm.name);
    return {
        fact: "V1",
        issues:
            problem === undefined
                ? []
                : [
                      warning(
                          `the Azure VM would be named ${problem} (${sourceText(VM_NAME.source)}): Site Recovery can't create it under this name; set targetName, the target VM name, to one that fits`,
                          [...at, "name"],
                      ),
                  ],
        pass: `${quoted(vm.name)} fits Azure's VM name rule`,
    };
}

function guestOsOutcome(vm: InventoryVm, at: Place): Outcome {
    const issues: Issue[] = [];
    const os = vm.os ?? "";
    if (vm.bits === 32 && !GUEST_OS.thirtyTwoBitAllowed.test(os)) {
        issues.push(warning(`${ENABLE_FAILS}: the guest OS is 32-bit; Site Recovery replicates 64-bit guests, 32-bit only for Windows Server 2008 (${sourceText(GUEST_OS.source)})`, [...at, "bits"]));
    }
    for (const unsupported of GUEST_OS.unsupported) {
        if (unsupported.pattern.test(os)) {
            issues.push(warning(`${ENABLE_FAILS}: ${unsupported.text} is not a supported guest OS (${sourceText(GUEST_OS.source)})`, [...at, "os"]));
        }
    }
    const bits = vm.bits === undefined ? "architecture not stated (64-bit needed)" : `${vm.bits}-bit`;
    return { fact: "V2", issues, pass: `${vm.os ?? vm.osType}, ${bits}` };
}

function diskOutcomes(vm: InventoryVm, at: Place, mode: ReplicaDisks): Outcome[] {
    const osDisks = vm.disks.flatMap((disk, index) => (disk.role === "os" ? [{ disk, index }] : []));
    const dataDisks = vm.disks.flatMap((disk, index) => (disk.role === "data" ? [{ disk, index }] : []));
    const managed = mode === "managed";
    const sizeAt = (index: number) => [...at, "disks", index, "sizeGB"];

    const v3: Issue[] = [];
    if (osDisks.length !== DISK_LIMITS.osDiskCount) {
        const found = osDisks.length === 0 ? "no disk has role os" : `${osDisks.length} disks have role os`;
        v3.push(warning(`${ENABLE_FAILS}: ${found}; a VM has exactly one OS disk (${sourceText(DISK_LIMITS.source)})`, [...at, "disks"]));
    }
    const generationLimit = vm.generation === 1 ? DISK_LIMITS.osDiskGB.generation1 : DISK_LIMITS.osDiskGB.generation2;
    const osLimit = managed ? generationLimit : Math.min(generationLimit, DISK_LIMITS.osDiskGB.withoutManagedDisks);
    const large: string[] = [];
    for (const { disk, index } of osDisks) {
        if (disk.sizeGB > generationLimit) {
            v3.push(warning(`${ENABLE_FAILS}: OS disk ${quoted(disk.name)} is ${gb(disk.sizeGB)}; generation ${vm.generation} OS disks are at most ${gb(generationLimit)} (${sourceText(DISK_LIMITS.source)})`, sizeAt(index)));
        } else if (disk.sizeGB > osLimit) {
            v3.push(
                warning(
                    `${ENABLE_FAILS}: OS disk ${quoted(disk.name)} is ${gb(disk.sizeGB)}; over ${gb(osLimit)} needs managed-disk replication (replicaDisks: managed) ` +
                        `and a Provider later than ${DISK_LIMITS.largeDiskProvider} (${sourceText(DISK_LIMITS.source)})`,
                    sizeAt(index),
                ),
            );
        } else if (disk.sizeGB > DISK_LIMITS.osDiskGB.withoutManagedDisks) {
            large.push(`over ${gb(DISK_LIMITS.osDiskGB.withoutManagedDisks)} needs a Provider later than ${DISK_LIMITS.largeDiskProvider}; ${EFI_ROW}`);
        }
    }
    const osSizes = osDisks.map(({ disk }) => gb(disk.sizeGB)).join(", ");
    const v3Pass = `one OS disk, ${osSizes} (at most ${gb(osLimit)} on generation ${vm.generation} with ${managed ? "managed-disk" : "storage-account"} replicas)${large.length > 0 ? `; ${large[0]}` : ""}`;

    const v4: Issue[] = [];
    if (dataDisks.length > DISK_LIMITS.dataDiskCount) {
        v4.push(warning(`${ENABLE_FAILS}: ${dataDisks.length} data disks; at most ${DISK_LIMITS.dataDiskCount} replicate (${sourceText(DISK_LIMITS.source)})`, [...at, "disks"]));
    }
    const dataLimit = managed ? DISK_LIMITS.dataDiskGB.managed : DISK_LIMITS.dataDiskGB.storageAccount;
    for (const { disk, index } of dataDisks) {
        if (disk.sizeGB > dataLimit) {
            const alternative = managed ? "" : ` with storage-account replicas (${gb(DISK_LIMITS.dataDiskGB.managed)} with managed-disk replication and a Provider later than ${DISK_LIMITS.largeDiskProvider})`;
            v4.push(warning(`${ENABLE_FAILS}: data disk ${quoted(disk.name)} is ${gb(disk.sizeGB)}; data disks are at most ${gb(dataLimit)}${alternative} (${sourceText(DISK_LIMITS.source)})`, sizeAt(index)));
        }
    }
    const largest = Math.max(0, ...dataDisks.map(({ disk }) => disk.sizeGB));
    const provider = largest > DISK_LIMITS.dataDiskGB.storageAccount ? `; over ${gb(DISK_LIMITS.dataDiskGB.storageAccount)} needs a Provider later than ${DISK_LIMITS.largeDiskProvider}` : "";
    const v4Pass = dataDisks.length === 0 ? "no data disk" : `${plural(dataDisks.length, "data disk")}, the largest ${gb(largest)} (at most ${gb(dataLimit)} each)${provider}`;

    const v5: Issue[] = [];
    const unsupported = (what: string, feature: keyof typeof UNSUPPORTED_STORAGE, place: Place) => {
        const entry = UNSUPPORTED_STORAGE[feature];
        v5.push(warning(`${ENABLE_FAILS}: ${what} ${entry.is}, which Site Recovery doesn't replicate (${sourceText(entry.source)}); ${entry.fix}`, place));
    };
    vm.disks.forEach((disk, index) => {
        const what = `disk ${quoted(disk.name)}`;
        const place = [...at, "disks", index];
        if (disk.type === "sharedVhd" || disk.type === "fibreChannel" || disk.type === "passThrough") {
            unsupported(what, disk.type, [...place, "type"]);
        }
        if (disk.sector === "4kn") {
            unsupported(what, "sector4kn", [...place, "sector"]);
        }
        if (disk.bitlocker === true) {
            unsupported(what, "bitlocker", [...place, "bitlocker"]);
        }
        if (disk.encrypted === true) {
            unsupported(what, "encrypted", [...place, "encrypted"]);
        }
    });
    if (vm.storageSpaces === true) {
        unsupported("the VM", "storageSpaces", [...at, "storageSpaces"]);
    }
    if (vm.guestSmb3 === true) {
        unsupported("the VM", "guestSmb3", [...at, "guestSmb3"]);
    }
    return [
        { fact: "V3", issues: v3, pass: v3Pass },
        { fact: "V4", issues: v4, pass: v4Pass },
        { fact: "V5", issues: v5, pass: "no shared VHD, Fibre Channel, pass-through or 4K-native disk, BitLocker, encryption, Storage Spaces or guest SMB 3.0 stated" },
    ];
}

function generationOutcome(vm: InventoryVm, at: Place): Outcome {
    if (vm.generation === 1) {
        return { fact: "V6", issues: [], pass: "generation 1" };
    }
    const issues: Issue[] = [];
    if (vm.secureBoot !== false && !GENERATION_2.secureBootSupported) {
        const state = vm.secureBoot === true ? "UEFI Secure Boot is on" : "Secure Boot isn't stated, and Hyper-V turns it on for generation 2 VMs by default";
        issues.push(warning(`${ENABLE_FAILS}: ${state}; Site Recovery doesn't support it (${sourceText(GENERATION_2.source)}): turn it off, then set secureBoot: false`, [...at, "secureBoot"]));
    }
    return { fact: "V6", issues, pass: `generation 2, Secure Boot off: fails over as generation ${GENERATION_2.failsOverAs} and is converted back at failback (${sourceText(GENERATION_2.source)})` };
}

function networkOutcome(vm: InventoryVm, at: Place): Outcome[] {
    const network = vm.network;
    if (network === undefined) {
        return [];
    }
    const issues: Issue[] = [];
    if (network.nicTeaming === true && !GUEST_NETWORK.nicTeamingSupported) {
        issues.push(
            warning(`NIC teaming in the guest is not supported (${sourceText(GUEST_NETWORK.source)}): the failed-over VM's networking fails; use single NICs (several are supported)`, [...at, "network", "nicTeaming"]),
        );
    }
    if (network.ipv6 === true && !GUEST_NETWORK.ipv6Supported) {
        issues.push(warning(`IPv6 in the guest is not supported (${sourceText(GUEST_NETWORK.source)}): after failover the VM has IPv4 only; make sure it is reachable over IPv4`, [...at, "network", "ipv6"]));
    }
    return [{ fact: "V7", issues, pass: "no NIC teaming or IPv6 stated" }];
}

function vmOutcomes(site: Site, vm: InventoryVm, at: Place, options: ReadinessOptions): Outcome[] {
    const mode = vm.replicaDisks ?? options.replicaDisks ?? DEFAULT_REPLICA_DISKS;
    return [
        ...membership(site, vm, at),
        nameOutcome(vm, at),
        guestOsOutcome(vm, at),
        ...diskOutcomes(vm, at, mode),
        generationOutcome(vm, at),
        ...networkOutcome(vm, at),
    ];
}

function record(findings: Finding[], kind: SubjectKind, name: string, at: Place, outcomes: readonly Outcome[]): void {
    const subject: ReadinessSubject = { kind, name, path: inventoryKey(at) };
    for (const outcome of outcomes) {
        if (outcome.issues.length === 0) {
            findings.push({ level: "pass", fact: outcome.fact, subject, at, key: subject.path, message: outcome.pass });
        }
        for (const issue of outcome.issues) {
            const place = issue.at ?? at;
            findings.push({ level: issue.level, fact: outcome.fact, subject, at: place, key: issue.key ?? inventoryKey(place), message: issue.message });
        }
    }
}

/**
 * Checks an inventory (already valid against inventorySchema) against the support matrix:
 * per VMM server, the server, then its clouds, hosts and VMs, each with a finding per fact
 * it was checked against (a pass) or per problem found.
 */
export function checkReadiness(inventory: Inventory, options: ReadinessOptions): Finding[] {
    const findings: Finding[] = [];
    inventory.vmmServers.forEach((server, s) => {
        const site = siteOf(server, ["vmmServers", s]);
        record(findings, "server", server.name, site.at, serverOutcomes(site, options.region));
        server.clouds.forEach((cloud, c) => {
            const at = [...site.at, "clouds", c];
            record(findings, "cloud", cloud.name, at, cloudOutcomes(cloud, at));
        });
        server.hosts.forEach((host, h) => {
            const at = [...site.at, "hosts", h];
            record(findings, "host", host.name, at, hostOutcomes(site, host, at));
        });
        server.vms.forEach((vm, v) => {
            const at = [...site.at, "vms", v];
            record(findings, "vm", vm.name, at, vmOutcomes(site, vm, at, options));
        });
    });
    return findings;
}
