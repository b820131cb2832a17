import { z } from "zod";
import { defaultResourceName, networkSecurityGroupNames, testNetworkName } from "../components/naming";
import { defaultSubnets, mirrorSubnets } from "../components/subnet-mirror";
import {
    DEFAULT_STANDARD_REDUNDANCY,
    DEFAULT_STORAGE_PERFORMANCE,
    DEFAULT_VAULT_PUBLIC_NETWORK_ACCESS,
    DEFAULT_VAULT_REDUNDANCY,
    STANDARD_REDUNDANCIES,
    StoragePerformance,
    VAULT_REDUNDANCIES,
    VaultPublicNetworkAccess,
    azureName,
    checkRegion,
    cite,
    firewallAdmitsHosts,
    firewallEntryProblems,
    isolatedTestNetwork,
    listed,
    oneOf,
    privateAccessProblems,
    quoted,
    sameAzureName,
    subnetLayoutProblems,
    type AzureNameKind,
    type FactId,
    type Problem,
    type SubnetPlan,
} from "../policies/rules";
import { checkReadiness } from "../readiness/check";
import { inventorySchema } from "../readiness/inventory";
import { tagsSchema } from "./tags";
import { checkReplication, replicationPoliciesSchema, siteSchema } from "./replication";
import { ReplicaStorage } from "../policies/rules/replication-choices";
import { replicaStorageFor, replicaStorageProblem } from "../policies/rules/replica-storage";

/** The project's config namespace: keys are `asr-hyperv:<key>` in `Pulumi.<stack>.yaml`. */
export const NAMESPACE = "asr-hyperv";
export const LOCATION_KEY = "azure-native:location";

type Path = (string | number)[];

function allowedValues<T extends string>(values: readonly T[], fact?: FactId) {
    return z.enum(values as [T, ...T[]], { error: (issue) => oneOf(issue.input, values, fact) });
}

function azureNamed(kind: AzureNameKind) {
    return z.string().superRefine((name, ctx) => {
        const problem = azureName(kind, name);
        if (problem !== undefined) {
            ctx.addIssue({ code: "custom", message: problem });
        }
    });
}

// Spaces around a block are dropped (a YAML flow list invites them), so what Azure gets is
// the canonical form; parseCidr refuses every other departure from it.
const cidrBlock = z.string().trim();
const cidrBlocks = z.array(cidrBlock);

const subnet = z.strictObject({
    name: azureNamed("subnet"),
    addressPrefix: cidrBlock,
});

const subnetList = z.array(subnet).min(1, { error: "is empty; list at least one subnet, or leave the key out for the default subnet" });

const testFailover = z.strictObject({
    name: azureNamed("virtualNetwork").optional(),
    addressSpace: cidrBlocks,
    subnets: subnetList.optional(),
});

const region = z.string().transform((value, ctx) => {
    const checked = checkRegion(value);
    if ("error" in checked) {
        ctx.addIssue({ code: "custom", message: checked.error });
        return z.NEVER;
    }
    return checked.region;
});

type Issues = { addIssue(issue: { code: "custom"; path: Path; message: string }): void };

function report(ctx: Issues, under: Path, problems: readonly Problem[]): void {
    for (const problem of problems) {
        ctx.addIssue({ code: "custom", path: [...under, ...problem.at], message: problem.message });
    }
}

/**
 * The networks' layout: address spaces, subnets (the default one included, which the
 * user didn't write, so its problems are the address space's) and the test network's,
 * mirrored or listed. Problems of mirrored subnets are the failover subnets' already.
 */
function checkNetworks(network: NetworkInput, ctx: Issues): void {
    const subnets = network.subnets ?? defaultSubnets(network.addressSpace);
    const failover = subnetLayoutProblems(network.addressSpace, subnets);
    if (network.subnets !== undefined) {
        report(ctx, [], failover);
    } else {
        for (const problem of failover) {
            const [list] = problem.at;
            ctx.addIssue({
                code: "custom",
                path: list === "subnets" ? ["addressSpace", 0] : [...problem.at],
                message: list === "subnets" ? `can't hold the default subnet: ${problem.message}; give a larger block, or list the subnets` : problem.message,
            });
        }
    }
    const test = network.testFailover;
    if (test === undefined) {
        return;
    }
    for (const problem of isolatedTestNetwork(network.addressSpace, test.addressSpace)) {
        ctx.addIssue({ code: "custom", path: ["testFailover", "addressSpace"], message: problem });
    }
    if (test.subnets !== undefined) {
        report(ctx, ["testFailover"], subnetLayoutProblems(test.addressSpace, test.subnets));
        return;
    }
    const spaceProblems = subnetLayoutProblems(test.addressSpace, []);
    report(ctx, ["testFailover"], spaceProblems);
    if (failover.length === 0 && spaceProblems.length === 0) {
        const mirrored = mirrorSubnets(network.addressSpace, subnets, test.addressSpace);
        if (typeof mirrored === "string") {
            ctx.addIssue({ code: "custom", path: ["testFailover", "subnets"], message: mirrored });
        }
    }
}

const networkSchema = z
    .strictObject({
        name: azureNamed("virtualNetwork").optional(),
        addressSpace: cidrBlocks.default(["10.50.0.0/16"]),
        subnets: subnetList.optional(),
        testFailover: testFailover.optional(),
    })
    .superRefine(checkNetworks);

type NetworkInput = z.output<typeof networkSchema>;

const firewallSchema = z
    .strictObject({
        ipRules: cidrBlocks.default([]),
        subnetIds: z.array(z.string()).default([]),
    })
    .superRefine((firewall, ctx) => report(ctx, [], firewallEntryProblems(firewall.ipRules, firewall.subnetIds)));

/**
 * Site Recovery private endpoints in one subnet: a failover subnet by name, or any subnet by
 * id (a hub network's, say). With `blob`, each account gets a blob private endpoint too.
 */
const privateReplicationSchema = z
    .strictObject({
        subnet: z.string().optional(),
        subnetId: z.string().optional(),
        blob: z.boolean().default(false),
    })
    .superRefine((section, ctx) => {
        if ((section.subnet === undefined) === (section.subnetId === undefined)) {
            ctx.addIssue({ code: "custom", path: [], message: "give subnet (the name of a failover subnet) or subnetId (a subnet's resource id), one of them" });
        }
        if (section.subnetId !== undefined) {
            report(ctx, [], firewallEntryProblems([], [section.subnetId]).map((problem) => ({ ...problem, at: ["subnetId"] })));
        }
    });

/** The sections of the stack's config, each strict so a misspelled key is an error. */
const sections = z.strictObject({
    location: region,
    resourceGroupName: azureNamed("resourceGroup").optional(),
    existingResourceGroup: z.boolean().default(false),
    vault: z
        .strictObject({
            name: azureNamed("vault").optional(),
            storageRedundancy: allowedValues(VAULT_REDUNDANCIES, "A12").default(DEFAULT_VAULT_REDUNDANCY),
            publicNetworkAccess: allowedValues(Object.values(VaultPublicNetworkAccess), "A13").default(DEFAULT_VAULT_PUBLIC_NETWORK_ACCESS),
        })
        .prefault({}),
    storage: z
        .strictObject({
            performance: allowedValues(Object.values(StoragePerformance), "A5").default(DEFAULT_STORAGE_PERFORMANCE),
            redundancy: allowedValues(STANDARD_REDUNDANCIES, "A3").default(DEFAULT_STANDARD_REDUNDANCY),
            nameSeed: z.string().min(1, { error: "is empty; give text such as the subscription id, or leave the key out" }).optional(),
            firewall: firewallSchema.optional(),
            lock: z.boolean().default(false),
            /** What holds the replicas. Default: StorageAccount with performance Premium, else ManagedDisks. */
            replicas: allowedValues(Object.values(ReplicaStorage)).optional(),
        })
        .prefault({}),
    network: networkSchema.prefault({}),
    privateReplication: privateReplicationSchema.optional(),
    protect: z.boolean().default(true),
    tags: tagsSchema.default({}),
    replicationPolicies: replicationPoliciesSchema,
    /** Phase 2, once the VMM server is registered: the clouds, VM networks and VMs to protect. */
    site: siteSchema.optional(),
    /** The on-premises side (VMM servers, clouds, hosts, VMs), checked against the support matrix. */
    onPremises: inventorySchema.optional(),
});

/** Keys taken out of the config, and why: a stack file that still has one is told what to do instead. */
export const RETIRED_KEYS: Readonly<Record<string, string>> = {
    "vault.lock": `no longer a key: a delete lock on the vault is inherited by its replication policies, mappings and protected items and blocks changing or removing them (${cite("A17")}); remove it: protect and soft delete guard the vault, and ${NAMESPACE}:storage.lock locks the accounts that hold the replicas`,
};

/** Problems that span sections: what the vault's access and the storage firewall need from private replication. */
function checkPrivateAccess(config: z.output<typeof sections>, ctx: Issues): void {
    const privateReplication = config.privateReplication !== undefined;
    for (const problem of privateAccessProblems(config.vault.publicNetworkAccess, "SystemAssigned", privateReplication)) {
        ctx.addIssue({
            code: "custom",
            path: ["vault", "publicNetworkAccess"],
            message: `${problem}; configure ${NAMESPACE}:privateReplication, or keep Enabled`,
        });
    }
    const firewall = config.storage.firewall;
    const shut = firewall === undefined ? undefined : firewallAdmitsHosts("Deny", firewall.ipRules.length, config.privateReplication?.blob ?? false);
    if (shut !== undefined) {
        ctx.addIssue({
            code: "custom",
            path: ["storage", "firewall", "ipRules"],
            message: `${shut}; list the hosts' public egress addresses (or their proxy's), or set ${NAMESPACE}:privateReplication.blob: true for hosts that reach Azure over VPN or ExpressRoute`,
        });
    }
}

/**
 * The stack's configuration after JSON decoding, before defaults that depend on the
 * project and stack name.
 */
export const configSchema = sections.superRefine((config, ctx) => {
    checkPrivateAccess(config, ctx);
    if (config.existingResourceGroup && config.resourceGroupName === undefined) {
        ctx.addIssue({
            code: "custom",
            path: ["existingResourceGroup"],
            message: `true needs ${NAMESPACE}:resourceGroupName, the name of the existing group`,
        });
    }
});

/** Top-level keys, as they appear after the namespace (`asr-hyperv:<key>`). */
export const TOP_LEVEL_KEYS = Object.keys(configSchema.shape).filter((key) => key !== "location");

/** Where a subnet's name is set: its list, or for mirrored test subnets the failover list, or for the default subnet the network's name. */
function subnetNamePath(network: NetworkInput, test: boolean, index: number): Path {
    if (test && network.testFailover?.subnets !== undefined) {
        return ["network", "testFailover", "subnets", index, "name"];
    }
    return network.subnets !== undefined ? ["network", "subnets", index, "name"] : ["network", "name"];
}

/**
 * Azure names the stack derives: the test network's apart from the failover network's,
 * and every subnet's NSG name valid and apart from the others in the resource group.
 */
function checkDerivedNames(network: NetworkInput, names: { network: string; test: string | undefined }, subnets: { failover: SubnetPlan[]; test: SubnetPlan[] }, ctx: Issues): void {
    if (names.test !== undefined && sameAzureName(names.test, names.network)) {
        const given = network.name === undefined ? ` (the default from project and stack)` : "";
        ctx.addIssue({
            code: "custom",
            path: ["network", "testFailover", "name"],
            message: `${quoted(names.test)} is the failover network's name too, ${NAMESPACE}:network.name${given}; Azure names ignore case, so give the networks different names`,
        });
    }
    const networks = [{ virtualNetworkName: names.network, subnetNames: subnets.failover.map((s) => s.name) }];
    if (names.test !== undefined) {
        networks.push({ virtualNetworkName: names.test, subnetNames: subnets.test.map((s) => s.name) });
    }
    const seen = new Map<string, Path>();
    networkSecurityGroupNames(networks).forEach((nsgNames, n) =>
        nsgNames.forEach((nsgName, index) => {
            const path = subnetNamePath(network, n === 1, index);
            const invalid = azureName("networkSecurityGroup", nsgName);
            const other = seen.get(nsgName.toLowerCase());
            if (invalid !== undefined) {
                ctx.addIssue({ code: "custom", path, message: `its network security group's name ${invalid}` });
            } else if (other !== undefined) {
                ctx.addIssue({ code: "custom", path, message: `its network security group would be named ${quoted(nsgName)}, as another subnet's is; rename one of them` });
            }
            seen.set(nsgName.toLowerCase(), path);
        }),
    );
}

/**
 * The stack's configuration with every default applied, those that follow from the
 * project and stack names included: what the stack builds from.
 */
export function stackConfigSchema(project: string, stack: string) {
    return configSchema.transform((parsed, ctx) => {
        const subnets = parsed.network.subnets ?? defaultSubnets(parsed.network.addressSpace);
        const networkName = parsed.network.name ?? defaultResourceName("vnet", project, stack, 64);
        const test = parsed.network.testFailover;
        const testName = test === undefined ? undefined : (test.name ?? testNetworkName(networkName));
        const testSubnets = test === undefined ? [] : (test.subnets ?? mirrorSubnets(parsed.network.addressSpace, subnets, test.addressSpace));
        if (typeof testSubnets === "string") {
            ctx.addIssue({ code: "custom", path: ["network", "testFailover", "subnets"], message: testSubnets });
            return z.NEVER;
        }
        checkDerivedNames(parsed.network, { network: networkName, test: testName }, { failover: subnets, test: testSubnets }, ctx);
        const endpointSubnet = parsed.privateReplication?.subnet;
        const endpointSubnetName = subnets.find((each) => sameAzureName(each.name, endpointSubnet))?.name;
        if (endpointSubnet !== undefined && endpointSubnetName === undefined) {
            ctx.addIssue({
                code: "custom",
                path: ["privateReplication", "subnet"],
                message: `${quoted(endpointSubnet)} is not a failover subnet; subnets: ${listed(subnets.map((each) => each.name))} (or give subnetId, a subnet's resource id)`,
            });
        }
        const replicas = replicaStorageFor(parsed.storage.performance, parsed.storage.replicas);
        const replicaProblem = replicaStorageProblem(parsed.storage.performance, replicas);
        if (replicaProblem !== undefined) {
            ctx.addIssue({ code: "custom", path: ["storage", "replicas"], message: replicaProblem });
        }
        const replicationWarnings = checkReplication(
            parsed.replicationPolicies,
            parsed.site,
            { replicas, premiumAccount: parsed.storage.performance === StoragePerformance.Premium, failoverSubnets: subnets.map((each) => each.name) },
            ctx,
        );
        // What Azure would refuse stops the program here; what the enable job fails later stays a finding.
        const readiness = parsed.onPremises === undefined ? [] : checkReadiness(parsed.onPremises, { region: parsed.location });
        for (const finding of readiness.filter((each) => each.level === "error")) {
            ctx.addIssue({ code: "custom", path: ["onPremises", ...finding.at], message: `${finding.message} (${cite(finding.fact)})` });
        }
        return {
            project,
            stack,
            location: parsed.location,
            resourceGroupName: parsed.resourceGroupName ?? defaultResourceName("rg", project, stack, 90),
            existingResourceGroup: parsed.existingResourceGroup,
            vault: { ...parsed.vault, name: parsed.vault.name ?? defaultResourceName("rsv", project, stack, 50) },
            storage: { ...parsed.storage, replicas },
            replicationPolicies: parsed.replicationPolicies,
            site: parsed.site,
            replicationWarnings,
            network: {
                name: networkName,
                addressSpace: parsed.network.addressSpace,
                subnets,
                testFailover: test === undefined || testName === undefined ? undefined : { name: testName, addressSpace: test.addressSpace, subnets: testSubnets },
            },
            // A failover subnet by the name the network gives it (Azure names ignore case).
            privateReplication: parsed.privateReplication === undefined ? undefined : { ...parsed.privateReplication, subnet: endpointSubnetName },
            protect: parsed.protect,
            tags: parsed.tags,
            onPremises: parsed.onPremises,
            readiness,
        };
    });
}

export type StackConfig = z.output<ReturnType<typeof stackConfigSchema>>;

