import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { analyzeStack, type ResourceUnderAnalysis, type Violation } from "../../../engine/analyze";
import type { PackConfigFile } from "../../../engine/pack-config";
import { policies } from "../../../policies/pack";

/** What the engine sends for a value not known until deployment. */
export const UNKNOWN = unknownValue;

export const TYPES = {
    vault: "azure-native:recoveryservices:Vault",
    account: "azure-native:storage:StorageAccount",
    vnet: "azure-native:network:VirtualNetwork",
    peering: "azure-native:network:VirtualNetworkPeering",
    policy: "azure-native:recoveryservices:ReplicationPolicy",
    mapping: "azure-native:recoveryservices:ReplicationNetworkMapping",
} as const;

export function urnOf(type: string, name: string): string {
    return `urn:pulumi:test::fixtures::${type}::${name}`;
}

/** A resource as the engine would send it; `dependsOn` gives whole-resource and `properties` dependencies. */
export function resource(
    type: string,
    name: string,
    props: Record<string, unknown>,
    links: { dependsOn?: string[]; propertyDependencies?: Record<string, string[]> } = {},
): ResourceUnderAnalysis {
    return {
        urn: urnOf(type, name),
        type,
        name,
        props,
        dependencies: links.dependsOn ?? [],
        propertyDependencies: links.propertyDependencies ?? {},
        options: { protect: false, ignoreChanges: [] },
    };
}

export const siteRecoveryTags = (role: string, vault = "rsv-dr") => ({ "asr-hyperv:role": role, "asr-hyperv:vault": vault });

export function vault(name = "rsv-dr", location = "westeurope", extra: Record<string, unknown> = {}): ResourceUnderAnalysis {
    return resource(TYPES.vault, name, {
        name,
        location,
        sku: { name: "Standard" },
        identity: { type: "SystemAssigned" },
        properties: { redundancySettings: { standardTierStorageRedundancy: "GeoRedundant" }, publicNetworkAccess: "Enabled" },
        ...extra,
    });
}

/** A compliant Site Recovery account; `props` overrides. */
export function account(name: string, props: Record<string, unknown> = {}, role = "replication-storage", vaultName = "rsv-dr"): ResourceUnderAnalysis {
    return resource(TYPES.account, name, {
        name,
        location: "westeurope",
        kind: "StorageV2",
        sku: { name: "Standard_GRS" },
        minimumTlsVersion: "TLS1_2",
        enableHttpsTrafficOnly: true,
        allowBlobPublicAccess: false,
        tags: siteRecoveryTags(role, vaultName),
        ...props,
    });
}

export function network(name: string, props: Record<string, unknown> = {}, role = "failover-network", vaultName = "rsv-dr"): ResourceUnderAnalysis {
    return resource(TYPES.vnet, name, {
        name,
        location: "westeurope",
        addressSpace: { addressPrefixes: ["10.50.0.0/16"] },
        tags: siteRecoveryTags(role, vaultName),
        ...props,
    });
}

export function replicationPolicy(
    name: string,
    settings: Record<string, unknown>,
    links: { vault?: string; accounts?: ResourceUnderAnalysis[] } = {},
): ResourceUnderAnalysis {
    const accounts = links.accounts ?? [];
    return resource(
        TYPES.policy,
        name,
        {
            resourceName: links.vault ?? "rsv-dr",
            resourceGroupName: "rg-dr",
            policyName: name,
            properties: {
                providerSpecificInput: {
                    instanceType: "HyperVReplicaAzure",
                    storageAccounts: accounts.map(() => UNKNOWN),
                    ...settings,
                },
            },
        },
        { propertyDependencies: { properties: accounts.map((a) => a.urn) }, dependsOn: accounts.map((a) => a.urn) },
    );
}

/** Violations of the whole pack over `resources`, optionally only those of one policy. */
export async function violations(
    resources: ResourceUnderAnalysis[],
    options: { policy?: string; config?: PackConfigFile } = {},
): Promise<Violation[]> {
    const analysis = await analyzeStack(policies, resources, { config: options.config ?? {} });
    return analysis.violations.filter((violation) => options.policy === undefined || violation.policyName === options.policy);
}
