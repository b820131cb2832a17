import { z } from "zod";
import { closestMatch } from "../policies/rules/edit-distance";
import { listed, quoted, shown } from "../policies/rules/display";
import { oneOf } from "../policies/rules/choices";
import { placeText, type Place } from "../policies/rules/problem";
import { REPLICA_DISK_MODES } from "./support-matrix";

/**
 * The on-premises inventory a DR engineer writes under `asr-hyperv:onPremises`, named as VMM
 * shows things: VMM servers, their clouds (with host groups and VM networks), Hyper-V hosts
 * and the VMs to protect with their disks. It states facts about the site; whether they meet
 * the support matrix is checkReadiness's job (check.ts), so versions and OS names are free
 * text here and an unsupported one is a readiness finding, not a config error. What is
 * refused here is what makes the inventory unreadable: wrong types, unknown keys, names that
 * refer to nothing.
 */
export const ONPREMISES_KEY = "asr-hyperv:onPremises";

/** `asr-hyperv:onPremises.vmmServers[0].vms[3]`: the config key of a place in the inventory. */
export function inventoryKey(at: Place): string {
    return at.length === 0 ? ONPREMISES_KEY : `${ONPREMISES_KEY}.${placeText(at)}`;
}

function choice<T extends string>(values: readonly T[]) {
    return z.enum(values as [T, ...T[]], { error: (issue) => oneOf(issue.input, values) });
}

function numberChoice<T extends number>(values: readonly [T, ...T[]]) {
    return z.literal(values, { error: (issue) => `${shown(issue.input)} is not allowed; allowed: ${values.join(", ")}` });
}

const text = z.string().trim().min(1, { error: "is empty" });

// DNS labels: a VMM server or host is known by its computer name or FQDN.
const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

const hostName = z.string().refine((name) => HOST_NAME.test(name), {
    error: (issue) => `${shown(issue.input)} is not a computer name; give the name VMM shows, e.g. vmm01.contoso.com`,
});

const internet = z
    .strictObject({
        access: choice(["direct", "proxy", "none"] as const),
        proxyAuthentication: z.boolean().optional(),
    })
    .superRefine((value, ctx) => {
        if (value.proxyAuthentication !== undefined && value.access !== "proxy") {
            ctx.addIssue({ code: "custom", path: ["proxyAuthentication"], message: `applies only with access: proxy (access is ${quoted(value.access)})` });
        }
    });

const cloud = z.strictObject({
    name: text,
    /** Host groups as VMM shows them, by name or path ("All Hosts\\Production"); a group includes the groups below it. */
    hostGroups: z.array(text),
    /** VM networks linked to the cloud's logical network; leave out to skip that check. */
    networks: z.array(text).optional(),
});

const host = z.strictObject({
    name: hostName,
    os: text,
    serverCore: z.boolean().optional(),
    hostGroup: text,
    updates: z.strictObject({ kb2961977: z.boolean().optional() }).optional(),
    /** The host's own access, when it differs from its VMM server's. */
    internet: internet.optional(),
});

const disk = z.strictObject({
    name: text,
    role: choice(["os", "data"] as const),
    sizeGB: z.number().positive({ error: (issue) => `${shown(issue.input)} is not a size; give the disk's maximum size in GB, above 0` }),
    type: choice(["vhd", "vhdx", "sharedVhd", "fibreChannel", "passThrough"] as const).optional(),
    sector: choice(["512", "512e", "4kn"] as const).optional(),
    bitlocker: z.boolean().optional(),
    encrypted: z.boolean().optional(),
});

const vm = z.strictObject({
    name: text,
    /** The Azure VM name Site Recovery will use, where the VMM name doesn't fit Azure's rule (V1). */
    targetName: text.optional(),
    host: hostName.optional(),
    cloud: text,
    generation: numberChoice([1, 2]),
    osType: choice(["Windows", "Linux"] as const),
    os: text.optional(),
    bits: numberChoice([64, 32]).optional(),
    secureBoot: z.boolean().optional(),
    storageSpaces: z.boolean().optional(),
    guestSmb3: z.boolean().optional(),
    disks: z.array(disk),
    network: z
        .strictObject({
            vmNetwork: text,
            subnet: text.optional(),
            nicTeaming: z.boolean().optional(),
            ipv6: z.boolean().optional(),
        })
        .optional(),
    replicaDisks: choice(REPLICA_DISK_MODES).optional(),
});

type Issues = z.core.$RefinementCtx;

/** VMM compares names without case; each name in `names` is used once, else an issue at the later one. */
function unique(names: readonly string[], list: string, noun: string, ctx: Issues): void {
    const seen = new Map<string, number>();
    names.forEach((name, index) => {
        const first = seen.get(name.toLowerCase());
        if (first !== undefined) {
            ctx.addIssue({ code: "custom", path: [list, index, "name"], message: `${quoted(name)} is the name of ${list}[${first}] too; each ${noun} is listed once` });
        } else {
            seen.set(name.toLowerCase(), index);
        }
    });
}

/** Why `name` is none of `known` (a list of `noun`s of this VMM server), or undefined when it is one. */
function unknownName(name: string, known: readonly string[], noun: string): string | undefined {
    const lower = new Set(known.map((k) => k.toLowerCase()));
    if (lower.has(name.toLowerCase())) {
        return undefined;
    }
    if (known.length === 0) {
        return `${quoted(name)} is not listed: this VMM server lists no ${noun}s`;
    }
    const closest = closestMatch(name, known, 3);
    const hint = closest !== undefined ? `did you mean ${quoted(closest)}? ` : "";
    return `${quoted(name)} is not a ${noun} of this VMM server; ${hint}${noun}s: ${listed(known.map(quoted))}`;
}

const vmmServer = z
    .strictObject({
        name: hostName,
        version: text,
        serverCore: z.boolean().optional(),
        internet,
        clouds: z.array(cloud),
        hosts: z.array(host).default([]),
        vms: z.array(vm).default([]),
    })
    .superRefine((server, ctx) => {
        unique(
            server.clouds.map((c) => c.name),
            "clouds",
            "cloud",
            ctx,
        );
        unique(
            server.hosts.map((h) => h.name),
            "hosts",
            "host",
            ctx,
        );
        const cloudNames = server.clouds.map((c) => c.name);
        const hostNames = server.hosts.map((h) => h.name);
        server.vms.forEach((machine, index) => {
            const badCloud = unknownName(machine.cloud, cloudNames, "cloud");
            if (badCloud !== undefined) {
                ctx.addIssue({ code: "custom", path: ["vms", index, "cloud"], message: badCloud });
            }
            const badHost = machine.host === undefined ? undefined : unknownName(machine.host, hostNames, "host");
            if (badHost !== undefined) {
                ctx.addIssue({ code: "custom", path: ["vms", index, "host"], message: badHost });
            }
        });
    });

/** The inventory under `asr-hyperv:onPremises`: one or more VMM servers (P1), each as VMM shows it. */
export const inventorySchema = z
    .strictObject({
        vmmServers: z.array(vmmServer).min(1, { error: `is empty; list the VMM servers, or leave ${ONPREMISES_KEY} out` }),
    })
    .superRefine((inventory, ctx) =>
        unique(
            inventory.vmmServers.map((s) => s.name),
            "vmmServers",
            "VMM server",
            ctx,
        ),
    );

export type Inventory = z.output<typeof inventorySchema>;
export type VmmServer = Inventory["vmmServers"][number];
export type VmmCloud = VmmServer["clouds"][number];
export type HyperVHost = VmmServer["hosts"][number];
export type InventoryVm = VmmServer["vms"][number];
export type InventoryDisk = InventoryVm["disks"][number];
export type InternetAccess = VmmServer["internet"];
