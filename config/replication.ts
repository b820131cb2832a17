import { z } from "zod";
import {
    appConsistentFrequency,
    cite,
    copyFrequency,
    copyFrequencyFitsStorage,
    listed,
    oneOf,
    PREMIUM_SKU,
    quoted,
    recoveryPointRetention,
    replicaSubnetInNetwork,
    replicaVmName,
    sameAzureName,
    type FactId,
} from "../policies/rules";
import {
    DEFAULT_APP_CONSISTENT_FREQUENCY_HOURS,
    DEFAULT_COPY_FREQUENCY_SECONDS,
    DEFAULT_RECOVERY_POINT_RETENTION_HOURS,
    DEFAULT_REPLICA_DISK_TYPE,
    GuestOsType,
    ReplicaDiskType,
    ReplicaLicenseType,
    ReplicaStorage,
} from "../policies/rules/replication-choices";
import { MAX_RECOVERY_PLAN_GROUPS } from "../components/recovery-plan";
import { DISK_LIMITS } from "../readiness/support-matrix";

type Path = (string | number)[];
type Issues = { addIssue(issue: { code: "custom"; path: Path; message: string }): void };

/** The one policy a stack gets when config lists none: the portal's settings (R6). */
const DEFAULT_POLICY_NAME = "hyperv-to-azure";

/** Site Recovery takes at most this many data disks per VM (V4). */
export const MAX_DATA_DISKS = DISK_LIMITS.dataDiskCount;

function allowed<T extends string>(values: Record<string, T>, fact?: FactId) {
    const list = Object.values(values);
    return z.enum(list as [T, ...T[]], { error: (issue) => oneOf(issue.input, list, fact) });
}

/**
 * Names of Site Recovery objects this stack creates (policies, plans, mappings) become part
 * of ARM ids: kept to what the portal offers, letters, digits, hyphens and underscores.
 */
const OBJECT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;
const OBJECT_NAME_RULE = "must be 1-63 letters, digits, hyphens and underscores, starting with a letter or digit";
const objectName = z.string().regex(OBJECT_NAME, { error: OBJECT_NAME_RULE });

/** An ARM name made from a name VMM shows, which may hold spaces and dots. */
export function armSafe(name: string): string {
    return name.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "unnamed";
}

/** The name of a cloud's recovery plan: configured, else `<cloud>-plan`; undefined for none (false, or no VMs). */
export function recoveryPlanName(cloud: { name: string; recoveryPlan: false | { name?: string | undefined }; vms: readonly unknown[] }): string | undefined {
    return cloud.recoveryPlan === false || cloud.vms.length === 0 ? undefined : (cloud.recoveryPlan.name ?? armSafe(`${cloud.name}-plan`));
}

/** The name of the mapping of a cloud's container to its policy. */
export function containerMappingName(cloud: string): string {
    return armSafe(`${cloud}-to-azure`);
}

/** The name of a VM network's mapping to the failover network. */
export function networkMappingName(vmNetwork: string): string {
    return armSafe(vmNetwork);
}

/** A name as VMM shows it (server, cloud, VM network, VM, VHD): any text but empty. */
const vmmName = z.string().trim().min(1, { error: "is empty; give the name VMM shows" });

const wholeHours = z.number().int();

/** A replication policy (R1-R6); each setting defaults to the portal's. */
const replicationPolicy = z
    .strictObject({
        name: objectName.optional(),
        copyFrequencySeconds: z.number().default(DEFAULT_COPY_FREQUENCY_SECONDS),
        recoveryPointRetentionHours: wholeHours.default(DEFAULT_RECOVERY_POINT_RETENTION_HOURS),
        appConsistentFrequencyHours: wholeHours.default(DEFAULT_APP_CONSISTENT_FREQUENCY_HOURS),
        /** When initial replication starts (R5); passed on as given. */
        initialReplicationStartTime: z.string().min(1).optional(),
    })
    .superRefine((policy, ctx) => {
        const problems: [string, string | undefined][] = [
            ["copyFrequencySeconds", copyFrequency(policy.copyFrequencySeconds)],
            ["recoveryPointRetentionHours", recoveryPointRetention(policy.recoveryPointRetentionHours)],
            ["appConsistentFrequencyHours", appConsistentFrequency(policy.appConsistentFrequencyHours, policy.recoveryPointRetentionHours)],
        ];
        for (const [key, message] of problems) {
            if (message !== undefined) {
                ctx.addIssue({ code: "custom", path: [key], message });
            }
        }
    });

export const replicationPoliciesSchema = z
    .array(replicationPolicy)
    .min(1, { error: "is empty; list at least one policy, or leave the key out for the portal's" })
    .prefault([{}])
    .transform((policies, ctx) => {
        if (policies.length > 1) {
            policies.forEach((policy, index) => {
                if (policy.name === undefined) {
                    ctx.addIssue({ code: "custom", path: [index, "name"], message: "missing; name each policy when there are several, so clouds can refer to them" });
                }
            });
        }
        const named = policies.map((policy) => ({ ...policy, name: policy.name ?? DEFAULT_POLICY_NAME }));
        reportDuplicates(named.map((policy) => policy.name), [], "policy", ctx, ["name"]);
        return named;
    });

const vm = z.strictObject({
    name: vmmName,
    /** Default: the OS Site Recovery detected. */
    osType: allowed(GuestOsType).optional(),
    /** VHD name of the OS disk. Default: the disk Site Recovery reports as the OS disk. */
    osDisk: vmmName.optional(),
    /** VHD names of the data disks to replicate. Default: every other disk of the VM. */
    dataDisks: z.array(vmmName).max(MAX_DATA_DISKS, { error: `lists more than ${MAX_DATA_DISKS} disks; Site Recovery replicates at most ${MAX_DATA_DISKS} data disks (${cite("V4")})` }).optional(),
    diskType: allowed(ReplicaDiskType).default(DEFAULT_REPLICA_DISK_TYPE),
    targetVmName: z.string().optional(),
    targetVmSize: z.string().trim().min(1, { error: "is empty; give an Azure VM size such as Standard_D2s_v5, or leave the key out for Site Recovery's choice" }).optional(),
    /** A failover subnet by name. Default: the one named like `sourceSubnet`, else the first (A9). */
    targetSubnet: z.string().optional(),
    sourceSubnet: z.string().optional(),
    licenseType: allowed(ReplicaLicenseType).optional(),
    /** The recovery plan group the VM starts in, 1 first. */
    bootGroup: z
        .number()
        .int()
        .min(1)
        .max(MAX_RECOVERY_PLAN_GROUPS, { error: `must be 1-${MAX_RECOVERY_PLAN_GROUPS}; a recovery plan holds at most ${MAX_RECOVERY_PLAN_GROUPS} groups (RP18)` })
        .default(1),
});

const recoveryPlan = z.union([z.literal(false), z.strictObject({ name: objectName.optional() })], {
    error: "must be false (no plan) or an object such as { name: gold-plan }",
});

const cloud = z.strictObject({
    name: vmmName,
    /** One of replicationPolicies by name. Default: the first. */
    replicationPolicy: z.string().optional(),
    /** The cloud's recovery plan. Default: one, named `<cloud>-plan`. */
    recoveryPlan: recoveryPlan.default({}),
    vms: z.array(vm).default([]),
});

const configuredVm = z.strictObject({
    protectableItemName: z.string().min(1),
    hyperVVmId: z.string().optional(),
    osType: z.string().optional(),
    disks: z.record(z.string(), z.string()).optional(),
    osDisk: z.string().optional(),
});

/** The ARM names registration created, written down (see discovery/configured-names.ts). */
const siteNames = z.strictObject({
    fabricName: z.string().min(1),
    clouds: z.record(z.string(), z.strictObject({ containerName: z.string().min(1), vms: z.record(z.string(), configuredVm).optional() })),
    vmNetworks: z.record(z.string(), z.string()).optional(),
});

/** Phase 2: what to protect once the VMM server is registered, by the names VMM shows. */
export const siteSchema = z
    .strictObject({
        vmmServer: vmmName,
        /** VMM VM networks mapped to the failover network. */
        vmNetworks: z.array(vmmName).default([]),
        clouds: z.array(cloud).min(1, { error: "is empty; list the VMM clouds to protect" }),
        /** The existing resource group failed-over VMs are created in. Default: the stack's. */
        targetResourceGroupName: z.string().min(1).optional(),
        /** Default: looked up in the vault at preview with the deployment's credentials. */
        names: siteNames.optional(),
    })
    .superRefine((site, ctx) => {
        reportDuplicates(site.clouds.map((each) => each.name), ["clouds"], "cloud", ctx, ["name"]);
        reportDuplicates(site.vmNetworks, ["vmNetworks"], "VM network", ctx);
        checkDerivedNames(site, ctx);
        const vms = site.clouds.flatMap((each, c) => each.vms.map((one, v) => ({ vm: one, path: ["clouds", c, "vms", v] as Path })));
        const firstPath = new Map<string, Path>();
        const targets = new Map<string, Path>();
        for (const { vm: one, path } of vms) {
            const key = one.name.toLowerCase();
            const earlier = firstPath.get(key);
            if (earlier !== undefined) {
                ctx.addIssue({ code: "custom", path: [...path, "name"], message: `${quoted(one.name)} is listed twice; a VM is protected once, in its cloud` });
            }
            firstPath.set(key, path);
            checkVm(one, path, targets, ctx);
        }
    });

/**
 * The names this stack gives mappings and plans, derived from VMM's names where config gives
 * none: valid, and apart from each other in the vault (two resources with one name would
 * write over each other, and deleting one would delete the other).
 */
function checkDerivedNames(site: { clouds: readonly { name: string; recoveryPlan: false | { name?: string | undefined }; vms: readonly unknown[] }[]; vmNetworks: readonly string[] }, ctx: Issues): void {
    const derived = [
        ...site.clouds.flatMap((cloud, c) => {
            const plan = recoveryPlanName(cloud);
            const given = cloud.recoveryPlan !== false && cloud.recoveryPlan.name !== undefined;
            return [
                { kind: "container mapping", name: containerMappingName(cloud.name), path: ["clouds", c, "name"] as Path },
                ...(plan === undefined ? [] : [{ kind: "recovery plan", name: plan, path: (given ? ["clouds", c, "recoveryPlan", "name"] : ["clouds", c, "name"]) as Path }]),
            ];
        }),
        ...site.vmNetworks.map((network, n) => ({ kind: "network mapping", name: networkMappingName(network), path: ["vmNetworks", n] as Path })),
    ];
    const seen = new Map<string, string>();
    for (const { kind, name, path } of derived) {
        const key = `${kind}/${name.toLowerCase()}`;
        if (!OBJECT_NAME.test(name)) {
            ctx.addIssue({ code: "custom", path, message: `gives the ${kind} the name ${quoted(name)}, which ${OBJECT_NAME_RULE}; shorten it or name the ${kind}` });
        } else if (seen.has(key)) {
            ctx.addIssue({ code: "custom", path, message: `gives the ${kind} the name ${quoted(name)}, as ${seen.get(key)} does; they would overwrite each other in the vault` });
        }
        seen.set(key, `site${path.map((part) => (typeof part === "number" ? `[${part}]` : `.${part}`)).join("")}`);
    }
}

function checkVm(one: z.output<typeof vm>, path: Path, targets: Map<string, Path>, ctx: Issues): void {
    const target = one.targetVmName ?? one.name;
    const invalid = replicaVmName(target);
    if (invalid !== undefined) {
        ctx.addIssue({
            code: "custom",
            path: [...path, one.targetVmName === undefined ? "name" : "targetVmName"],
            message: one.targetVmName === undefined ? `${invalid}; set targetVmName to a name Azure takes (${cite("V1")})` : `${invalid} (${cite("V1")})`,
        });
    } else if (targets.has(target.toLowerCase())) {
        ctx.addIssue({ code: "custom", path: [...path, "targetVmName"], message: `${quoted(target)} is another VM's Azure name too; the failed-over VMs share a resource group, so set targetVmName` });
    }
    targets.set(target.toLowerCase(), path);
    const disks = one.dataDisks ?? [];
    if (one.osDisk !== undefined && disks.some((disk) => disk.toLowerCase() === one.osDisk!.toLowerCase())) {
        ctx.addIssue({ code: "custom", path: [...path, "dataDisks"], message: `lists the OS disk ${quoted(one.osDisk)}; list only data disks` });
    }
    reportDuplicates(disks, [...path, "dataDisks"], "disk", ctx);
}

function reportDuplicates(names: readonly string[], under: Path, what: string, ctx: Issues, suffix: Path = []): void {
    const seen = new Set<string>();
    names.forEach((name, index) => {
        if (seen.has(name.toLowerCase())) {
            ctx.addIssue({ code: "custom", path: [...under, index, ...suffix], message: `${quoted(name)} is listed twice; each ${what} once (names ignore case)` });
        }
        seen.add(name.toLowerCase());
    });
}

export type ReplicationPolicyConfig = z.output<typeof replicationPoliciesSchema>[number];
export type SiteConfig = z.output<typeof siteSchema>;

/** What the other sections decide for replication: where replicas land, and the failover subnets. */
export interface ReplicationContext {
    replicas: ReplicaStorage;
    premiumAccount: boolean;
    failoverSubnets: readonly string[];
}

/** The SKUs replicas of a cloud's VMs land on: the premium account, or their managed disk types. */
function replicaSkus(site: SiteConfig | undefined, policy: string, first: string, context: ReplicationContext): { account: string[]; disks: string[] } {
    const account = context.replicas === ReplicaStorage.StorageAccount && context.premiumAccount ? [PREMIUM_SKU] : [];
    const clouds = (site?.clouds ?? []).filter((each) => sameAzureName(each.replicationPolicy ?? first, policy));
    const disks = context.replicas === ReplicaStorage.ManagedDisks ? clouds.flatMap((each) => each.vms.map((one) => one.diskType)) : [];
    return { account, disks };
}

/**
 * Problems across sections: a cloud's policy is one of the configured ones, a VM's target
 * subnet is a failover subnet (A9), and no 30-second policy sends replicas to a premium
 * account (R2). Returns the warnings: premium managed disks with a 30-second policy, which
 * the docs leave open.
 */
export function checkReplication(policies: readonly ReplicationPolicyConfig[], site: SiteConfig | undefined, context: ReplicationContext, ctx: Issues): string[] {
    const warnings: string[] = [];
    const first = policies[0]!.name;
    policies.forEach((policy, index) => {
        const skus = replicaSkus(site, policy.name, first, context);
        const premium = copyFrequencyFitsStorage(policy.copyFrequencySeconds, skus.account);
        if (premium !== undefined) {
            ctx.addIssue({ code: "custom", path: ["replicationPolicies", index, "copyFrequencySeconds"], message: `${premium}; the replicas land in the premium account` });
        } else if (copyFrequencyFitsStorage(policy.copyFrequencySeconds, skus.disks) !== undefined) {
            warnings.push(
                `replicationPolicies[${index}].copyFrequencySeconds: 30 s with Premium_LRS replica disks; the docs refuse 30 s for premium storage accounts (${cite("R2")}) and say nothing of premium managed disks: expect the enable-protection job to decide`,
            );
        }
    });
    if (site === undefined) {
        return warnings;
    }
    const policyNames = policies.map((policy) => policy.name);
    site.clouds.forEach((each, c) => {
        if (each.replicationPolicy !== undefined && !policyNames.some((name) => sameAzureName(name, each.replicationPolicy))) {
            ctx.addIssue({
                code: "custom",
                path: ["site", "clouds", c, "replicationPolicy"],
                message: `${quoted(each.replicationPolicy)} is not a configured policy; policies (replicationPolicies): ${listed(policyNames.map(quoted))}`,
            });
        }
        each.vms.forEach((one, v) => {
            const problem = one.targetSubnet === undefined ? undefined : replicaSubnetInNetwork(one.targetSubnet, context.failoverSubnets);
            if (problem !== undefined) {
                ctx.addIssue({ code: "custom", path: ["site", "clouds", c, "vms", v, "targetSubnet"], message: problem.replace("the target network", "the failover network (network.subnets)") });
            }
            // Legal (A9 falls back to the first subnet), but most often a typo.
            if (one.targetSubnet === undefined && one.sourceSubnet !== undefined && !context.failoverSubnets.some((subnet) => sameAzureName(subnet, one.sourceSubnet))) {
                warnings.push(
                    `site.clouds[${c}].vms[${v}].sourceSubnet: ${quoted(one.sourceSubnet)} is no failover subnet, so the replica joins the first, ${quoted(context.failoverSubnets[0] ?? "")} (${cite("A9")}); name a failover subnet, or set targetSubnet`,
                );
            }
        });
    });
    return warnings;
}
