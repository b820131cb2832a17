import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { analyzeStack, type Analysis, type Violation } from "../../../engine/analyze";
import { azureMockResource, azureResourceName } from "../../../engine/azure-mocks";
import type { PackConfigFile } from "../../../engine/pack-config";
import type { RecordedResource } from "../../../engine/recorder";
import { analysisOf } from "../../../engine/resources";
import { engineUrn } from "../../../engine/urn";
import { policies, startOperation } from "../../../policies/pack";

// Stacks as a program registers them: each resource's inputs, with references to other
// resources' ids. The engine's view is then made from them as for any program: checked
// inputs for Analyze, and for AnalyzeStack azure-native's preview outputs (a reference
// unknown, tied through the property dependencies the SDK records) or, deployed, Azure's
// answer (a reference is the resource's ARM id).

/** What the engine sends for a value not known until deployment. */
export const UNKNOWN = unknownValue;

export const TYPES = {
    vault: "azure-native:recoveryservices:Vault",
    account: "azure-native:storage:StorageAccount",
    vnet: "azure-native:network:VirtualNetwork",
    peering: "azure-native:network:VirtualNetworkPeering",
    policy: "azure-native:recoveryservices:ReplicationPolicy",
    mapping: "azure-native:recoveryservices:ReplicationNetworkMapping",
    item: "azure-native:recoveryservices:ReplicationProtectedItem",
    containerMapping: "azure-native:recoveryservices:ReplicationProtectionContainerMapping",
    privateEndpoint: "azure-native:network:PrivateEndpoint",
    roleAssignment: "azure-native:authorization:RoleAssignment",
    lock: "azure-native:authorization:ManagementLockByScope",
    subnet: "azure-native:network:Subnet",
    nsg: "azure-native:network:NetworkSecurityGroup",
} as const;

const STACK_URN = engineUrn("test", "fixtures", "", "pulumi:pulumi:Stack", "fixtures-test");
const REFERENCE = Symbol("reference");

/**
 * A resource's id, as another resource's input refers to it; `waitsFor` are resources the
 * value also depends on, as CloudProtection's `policyId` waits for the mapping.
 */
export function idOf(resource: RecordedResource, ...waitsFor: RecordedResource[]): unknown {
    return { [REFERENCE]: { target: resource, waitsFor, part: "id" } };
}

/** A resource's Azure name, as another resource's input refers to it (a Subnet's `virtualNetworkName`). */
export function nameOf(resource: RecordedResource): unknown {
    return { [REFERENCE]: { target: resource, waitsFor: [], part: "name" } };
}

/** A registration of a custom resource with these inputs; `dependsOn` gives whole-resource dependencies. */
export function resource(type: string, name: string, inputs: Record<string, unknown>, dependsOn: RecordedResource[] = []): RecordedResource {
    return {
        urn: engineUrn("test", "fixtures", STACK_URN, type, name),
        type,
        name,
        custom: true,
        parent: STACK_URN,
        dependencies: dependsOn.map((dependency) => dependency.urn),
        propertyDependencies: {},
        inputs,
        options: { protect: false, retainOnDelete: false, ignoreChanges: [], deleteBeforeReplace: false },
    };
}

export const siteRecoveryTags = (role: string, vault = "rsv-dr") => ({ "asr-hyperv:role": role, "asr-hyperv:vault": vault });

/** A Hyper-V vault (tagged as one); `inputs` overrides. */
export function vault(name = "rsv-dr", location: unknown = "westeurope", inputs: Record<string, unknown> = {}): RecordedResource {
    return resource(TYPES.vault, name, {
        vaultName: name,
        resourceGroupName: "rg-dr",
        location,
        sku: { name: "Standard" },
        identity: { type: "SystemAssigned" },
        properties: { redundancySettings: { standardTierStorageRedundancy: "GeoRedundant" }, publicNetworkAccess: "Enabled" },
        tags: { "asr-hyperv:role": "vault" },
        ...inputs,
    });
}

/** A compliant account that no tag ties to Site Recovery, so only a reference will; `inputs` overrides. */
export function untaggedAccount(name: string, inputs: Record<string, unknown> = {}): RecordedResource {
    return resource(TYPES.account, name, {
        accountName: name,
        resourceGroupName: "rg-dr",
        location: "westeurope",
        kind: "StorageV2",
        sku: { name: "Standard_GRS" },
        minimumTlsVersion: "TLS1_2",
        enableHttpsTrafficOnly: true,
        allowBlobPublicAccess: false,
        ...inputs,
    });
}

/** A compliant Site Recovery account, tagged for its vault; `inputs` overrides. */
export function account(name: string, inputs: Record<string, unknown> = {}, role = "replication-storage", vaultName = "rsv-dr"): RecordedResource {
    return untaggedAccount(name, { tags: siteRecoveryTags(role, vaultName), ...inputs });
}

export function network(name: string, inputs: Record<string, unknown> = {}, role = "failover-network", vaultName = "rsv-dr"): RecordedResource {
    return resource(TYPES.vnet, name, {
        virtualNetworkName: name,
        resourceGroupName: "rg-dr",
        location: "westeurope",
        addressSpace: { addressPrefixes: ["10.50.0.0/16"] },
        tags: siteRecoveryTags(role, vaultName),
        ...inputs,
    });
}

/** A HyperVReplicaAzure replication policy of `vault`, listing `accounts` by id. */
export function replicationPolicy(name: string, settings: Record<string, unknown>, links: { vault?: string; accounts?: RecordedResource[] } = {}): RecordedResource {
    return resource(TYPES.policy, name, {
        resourceName: links.vault ?? "rsv-dr",
        resourceGroupName: "rg-dr",
        policyName: name,
        properties: {
            providerSpecificInput: { instanceType: "HyperVReplicaAzure", storageAccounts: (links.accounts ?? []).map((account) => idOf(account)), ...settings },
        },
    });
}

/**
 * A network mapping of `vault` from a VMM network to `target` (`instanceType` VmmToAzure
 * unless given); Azure is the recovery fabric "Microsoft Azure" of a VmmToAzure mapping,
 * an Azure region's fabric of any other.
 */
export function networkMapping(name: string, target: RecordedResource, options: { vault?: string; instanceType?: string; recoveryFabricName?: string } = {}): RecordedResource {
    const instanceType = options.instanceType ?? "VmmToAzure";
    return resource(TYPES.mapping, name, {
        resourceName: options.vault ?? "rsv-dr",
        resourceGroupName: "rg-dr",
        fabricName: "vmm-fabric",
        networkName: "vmm-network",
        networkMappingName: name,
        properties: {
            recoveryFabricName: options.recoveryFabricName ?? (instanceType === "VmmToAzure" ? "Microsoft Azure" : "asr-a2a-default-westeurope"),
            recoveryNetworkId: idOf(target),
            fabricSpecificDetails: { instanceType },
        },
    });
}

/** The protection container of the VMM cloud fixtures protect VMs of. */
export const CLOUD = "cloud_00000000-0000-0000-0000-000000000001";

export interface ProtectedItemOptions {
    /** `properties.policyId`: a reference made with `idOf`, or an id. Default: none. */
    policyId?: unknown;
    /** The cloud's protection container. Default: CLOUD. */
    container?: string;
    dependsOn?: RecordedResource[];
}

/** A HyperVReplicaAzure protected item of `vault`; `details` refer to accounts and networks with `idOf`. */
export function protectedItem(name: string, details: Record<string, unknown>, vaultName = "rsv-dr", options: ProtectedItemOptions = {}): RecordedResource {
    return resource(
        TYPES.item,
        name,
        {
            resourceName: vaultName,
            resourceGroupName: "rg-dr",
            fabricName: "vmm-fabric",
            protectionContainerName: options.container ?? CLOUD,
            replicatedProtectedItemName: name,
            properties: {
                ...(options.policyId === undefined ? {} : { policyId: options.policyId }),
                providerSpecificDetails: { instanceType: "HyperVReplicaAzure", ...details },
            },
        },
        options.dependsOn,
    );
}

/** A mapping of `policy` (a replication policy, or its id) to a cloud of `vault`, with Azure as the target, as CloudProtection makes it. */
export function containerMapping(name: string, policy: RecordedResource | string, options: { vault?: string; container?: string } = {}): RecordedResource {
    return resource(TYPES.containerMapping, name, {
        resourceName: options.vault ?? "rsv-dr",
        resourceGroupName: "rg-dr",
        fabricName: "vmm-fabric",
        protectionContainerName: options.container ?? CLOUD,
        mappingName: name,
        properties: {
            policyId: typeof policy === "string" ? policy : idOf(policy),
            targetProtectionContainerId: "Microsoft Azure",
            providerSpecificInput: { instanceType: "" },
        },
    });
}

function isReference(value: unknown): value is { [REFERENCE]: { target: RecordedResource; waitsFor: RecordedResource[]; part: "id" | "name" } } {
    return value !== null && typeof value === "object" && REFERENCE in value;
}

/** The registrations with their references resolved: ids when deployed, else unknowns tied by property dependencies. */
export function registered(resources: readonly RecordedResource[], deployed: boolean): RecordedResource[] {
    return resources.map((registration) => {
        const propertyDependencies: Record<string, string[]> = { ...registration.propertyDependencies };
        const dependencies = new Set(registration.dependencies);
        const resolve = (value: unknown, key: string): unknown => {
            if (isReference(value)) {
                const { target, waitsFor, part } = value[REFERENCE];
                const urns = [target, ...waitsFor].map((each) => each.urn);
                urns.forEach((urn) => dependencies.add(urn));
                propertyDependencies[key] = [...new Set([...(propertyDependencies[key] ?? []), ...urns])];
                if (!deployed) {
                    return UNKNOWN;
                }
                return part === "id" ? azureMockResource({ type: target.type, name: target.name, inputs: target.inputs, custom: true }).id : azureResourceName(target.type, target.name, target.inputs);
            }
            if (Array.isArray(value)) {
                return value.map((item) => resolve(item, key));
            }
            if (value !== null && typeof value === "object") {
                return Object.fromEntries(Object.entries(value).map(([inner, item]) => [inner, resolve(item, key)]));
            }
            return value;
        };
        const inputs = Object.fromEntries(Object.entries(registration.inputs).map(([key, value]) => [key, resolve(value, key)]));
        return { ...registration, inputs, dependencies: [...dependencies], propertyDependencies };
    });
}

export interface AnalyzeFixtureOptions {
    config?: PackConfigFile;
    /** What components registered as their outputs, for a recorded program. */
    outputs?: ReadonlyMap<string, Record<string, unknown>>;
    /** Judge the stack once Azure has created it (outputs as Azure answers) rather than in a preview. */
    deployed?: boolean;
}

/** The whole pack over `resources`, as one engine operation runs it. */
export function analyze(resources: readonly RecordedResource[], options: AnalyzeFixtureOptions = {}): Promise<Analysis> {
    const deployed = options.deployed ?? false;
    return analyzeStack(policies, analysisOf(registered(resources, deployed), options.outputs, { preview: !deployed }), {
        config: options.config ?? {},
        startOperation,
    });
}

/** Violations of the whole pack over `resources`, optionally only those of one policy. */
export async function violations(resources: readonly RecordedResource[], options: AnalyzeFixtureOptions & { policy?: string } = {}): Promise<Violation[]> {
    const analysis = await analyze(resources, options);
    return analysis.violations.filter((violation) => options.policy === undefined || violation.policyName === options.policy);
}
