import { z } from "zod";
import { defaultResourceName } from "../components/naming";
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
    firewallEntries,
    isolatedTestNetwork,
    oneOf,
    subnetLayout,
    type AzureNameKind,
    type FactId,
} from "../policies/rules";

/** The project's config namespace: keys are `asr-hyperv:<key>` in `Pulumi.<stack>.yaml`. */
export const NAMESPACE = "asr-hyperv";
export const LOCATION_KEY = "azure-native:location";

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

const subnet = z.strictObject({
    name: azureNamed("subnet"),
    addressPrefix: z.string(),
});

const testFailover = z.strictObject({
    name: azureNamed("virtualNetwork").optional(),
    addressSpace: z.array(z.string()).min(1),
    subnets: z.array(subnet).min(1).optional(),
});

const region = z.string().transform((value, ctx) => {
    const checked = checkRegion(value);
    if ("error" in checked) {
        ctx.addIssue({ code: "custom", message: checked.error });
        return z.NEVER;
    }
    return checked.region;
});

/**
 * The stack's configuration after JSON decoding, before defaults that depend on the
 * project and stack name. Every object is strict so a misspelled key is an error.
 */
export const configSchema = z
    .strictObject({
        location: region,
        resourceGroupName: azureNamed("resourceGroup").optional(),
        existingResourceGroup: z.boolean().default(false),
        vault: z
            .strictObject({
                name: azureNamed("vault").optional(),
                storageRedundancy: allowedValues(VAULT_REDUNDANCIES, "A12").default(DEFAULT_VAULT_REDUNDANCY),
                publicNetworkAccess: allowedValues(Object.values(VaultPublicNetworkAccess), "A13").default(DEFAULT_VAULT_PUBLIC_NETWORK_ACCESS),
                lock: z.boolean().default(false),
            })
            .prefault({}),
        storage: z
            .strictObject({
                performance: allowedValues(Object.values(StoragePerformance), "A5").default(DEFAULT_STORAGE_PERFORMANCE),
                redundancy: allowedValues(STANDARD_REDUNDANCIES, "A3").default(DEFAULT_STANDARD_REDUNDANCY),
                nameSeed: z.string().min(1).optional(),
                firewall: z
                    .strictObject({
                        ipRules: z.array(z.string()).default([]),
                        subnetIds: z.array(z.string()).default([]),
                    })
                    .optional(),
            })
            .prefault({}),
        network: z
            .strictObject({
                name: azureNamed("virtualNetwork").optional(),
                addressSpace: z.array(z.string()).min(1).default(["10.50.0.0/16"]),
                subnets: z.array(subnet).min(1).optional(),
                testFailover: testFailover.optional(),
            })
            .prefault({}),
        protect: z.boolean().default(true),
        tags: z.record(z.string(), z.string()).default({}),
    })
    .superRefine((config, ctx) => {
        const { network, storage } = config;
        if (config.existingResourceGroup && config.resourceGroupName === undefined) {
            ctx.addIssue({
                code: "custom",
                path: ["existingResourceGroup"],
                message: `true needs ${NAMESPACE}:resourceGroupName, the name of the existing group`,
            });
        }
        if (storage.firewall !== undefined) {
            for (const problem of firewallEntries(storage.firewall.ipRules, storage.firewall.subnetIds)) {
                ctx.addIssue({ code: "custom", path: ["storage", "firewall"], message: problem });
            }
        }
        const subnets = network.subnets ?? [];
        for (const problem of subnetLayout(network.addressSpace, subnets)) {
            ctx.addIssue({ code: "custom", path: ["network"], message: problem });
        }
        if (network.testFailover !== undefined) {
            const test = network.testFailover;
            for (const problem of isolatedTestNetwork(network.addressSpace, test.addressSpace)) {
                ctx.addIssue({ code: "custom", path: ["network", "testFailover", "addressSpace"], message: problem });
            }
            for (const problem of subnetLayout(test.addressSpace, test.subnets ?? [])) {
                ctx.addIssue({ code: "custom", path: ["network", "testFailover"], message: problem });
            }
        }
    });

/** Top-level keys, as they appear after the namespace (`asr-hyperv:<key>`). */
export const TOP_LEVEL_KEYS = Object.keys(configSchema.shape).filter((key) => key !== "location");

/**
 * The stack's configuration with every default applied, those that follow from the
 * project and stack names included: what the stack builds from.
 */
export function stackConfigSchema(project: string, stack: string) {
    return configSchema.transform((parsed, ctx) => {
        const subnets = parsed.network.subnets ?? defaultSubnets(parsed.network.addressSpace);
        const networkName = parsed.network.name ?? defaultResourceName("vnet", project, stack, 64);
        const test = parsed.network.testFailover;
        const testSubnets = test === undefined ? [] : (test.subnets ?? mirrorSubnets(parsed.network.addressSpace, subnets, test.addressSpace));
        if (typeof testSubnets === "string") {
            ctx.addIssue({ code: "custom", path: ["network", "testFailover", "subnets"], message: testSubnets });
            return z.NEVER;
        }
        return {
            project,
            stack,
            location: parsed.location,
            resourceGroupName: parsed.resourceGroupName ?? defaultResourceName("rg", project, stack, 90),
            existingResourceGroup: parsed.existingResourceGroup,
            vault: { ...parsed.vault, name: parsed.vault.name ?? defaultResourceName("rsv", project, stack, 50) },
            storage: parsed.storage,
            network: {
                name: networkName,
                addressSpace: parsed.network.addressSpace,
                subnets,
                testFailover:
                    test === undefined
                        ? undefined
                        : { name: test.name ?? `${networkName.slice(0, 59)}-test`, addressSpace: test.addressSpace, subnets: testSubnets },
            },
            protect: parsed.protect,
            tags: parsed.tags,
        };
    });
}

export type StackConfig = z.output<ReturnType<typeof stackConfigSchema>>;
