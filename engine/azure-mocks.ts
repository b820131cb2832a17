import type * as pulumi from "@pulumi/pulumi";
import { resourceNames, unversionedToken, type ResourceNames } from "./azure-shapes";

/** What the plan answers where Azure would name the caller: ids that can't be mistaken for real ones. */
export const PLAN_CLIENT = {
    subscriptionId: "00000000-0000-0000-0000-000000000000",
    tenantId: "00000000-0000-0000-0000-000000000001",
    objectId: "00000000-0000-0000-0000-000000000002",
    clientId: "00000000-0000-0000-0000-000000000003",
} as const;

const GROUP = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}";

/**
 * The ARM ids of the types whose ids the policies and tests read (those azure-shapes reads the
 * outputs of), as pulumi-azure-native's reports/tokenPaths.json gives them: the SDK's typings
 * name the path parameters but not the provider path between them. Each `{input}` is one of
 * the type's path parameters (test/engine/azure-mocks.test.ts checks them against the SDK).
 */
export const ARM_PATHS: Readonly<Record<string, string>> = {
    "azure-native:authorization:ManagementLockAtResourceGroupLevel": `${GROUP}/providers/Microsoft.Authorization/locks/{lockName}`,
    "azure-native:authorization:ManagementLockByScope": "/{scope}/providers/Microsoft.Authorization/locks/{lockName}",
    "azure-native:authorization:RoleAssignment": "/{scope}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentName}",
    "azure-native:compute:VirtualMachine": `${GROUP}/providers/Microsoft.Compute/virtualMachines/{vmName}`,
    "azure-native:keyvault:Vault": `${GROUP}/providers/Microsoft.KeyVault/vaults/{vaultName}`,
    "azure-native:network:NetworkSecurityGroup": `${GROUP}/providers/Microsoft.Network/networkSecurityGroups/{networkSecurityGroupName}`,
    "azure-native:network:PrivateDnsZoneGroup": `${GROUP}/providers/Microsoft.Network/privateEndpoints/{privateEndpointName}/privateDnsZoneGroups/{privateDnsZoneGroupName}`,
    "azure-native:network:PrivateEndpoint": `${GROUP}/providers/Microsoft.Network/privateEndpoints/{privateEndpointName}`,
    "azure-native:network:Subnet": `${GROUP}/providers/Microsoft.Network/virtualNetworks/{virtualNetworkName}/subnets/{subnetName}`,
    "azure-native:network:VirtualNetwork": `${GROUP}/providers/Microsoft.Network/virtualNetworks/{virtualNetworkName}`,
    "azure-native:network:VirtualNetworkPeering": `${GROUP}/providers/Microsoft.Network/virtualNetworks/{virtualNetworkName}/virtualNetworkPeerings/{virtualNetworkPeeringName}`,
    "azure-native:privatedns:PrivateZone": `${GROUP}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}`,
    "azure-native:privatedns:VirtualNetworkLink": `${GROUP}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}/virtualNetworkLinks/{virtualNetworkLinkName}`,
    "azure-native:recoveryservices:PrivateEndpointConnection": `${GROUP}/providers/Microsoft.RecoveryServices/vaults/{vaultName}/privateEndpointConnections/{privateEndpointConnectionName}`,
    "azure-native:recoveryservices:ReplicationFabric": `${GROUP}/providers/Microsoft.RecoveryServices/vaults/{resourceName}/replicationFabrics/{fabricName}`,
    "azure-native:recoveryservices:ReplicationMigrationItem": `${GROUP}/providers/Microsoft.RecoveryServices/vaults/{resourceName}/replicationFabrics/{fabricName}/replicationProtectionContainers/{protectionContainerName}/replicationMigrationItems/{migrationItemName}`,
    "azure-native:recoveryservices:ReplicationNetworkMapping": `${GROUP}/providers/Microsoft.RecoveryServices/vaults/{resourceName}/replicationFabrics/{fabricName}/replicationNetworks/{networkName}/replicationNetworkMappings/{networkMappingName}`,
    "azure-native:recoveryservices:ReplicationPolicy": `${GROUP}/providers/Microsoft.RecoveryServices/vaults/{resourceName}/replicationPolicies/{policyName}`,
    "azure-native:recoveryservices:ReplicationProtectedItem": `${GROUP}/providers/Microsoft.RecoveryServices/vaults/{resourceName}/replicationFabrics/{fabricName}/replicationProtectionContainers/{protectionContainerName}/replicationProtectedItems/{replicatedProtectedItemName}`,
    "azure-native:recoveryservices:ReplicationProtectionCluster": `${GROUP}/providers/Microsoft.RecoveryServices/vaults/{resourceName}/replicationFabrics/{fabricName}/replicationProtectionContainers/{protectionContainerName}/replicationProtectionClusters/{replicationProtectionClusterName}`,
    "azure-native:recoveryservices:ReplicationProtectionContainerMapping": `${GROUP}/providers/Microsoft.RecoveryServices/vaults/{resourceName}/replicationFabrics/{fabricName}/replicationProtectionContainers/{protectionContainerName}/replicationProtectionContainerMappings/{mappingName}`,
    "azure-native:recoveryservices:ReplicationRecoveryPlan": `${GROUP}/providers/Microsoft.RecoveryServices/vaults/{resourceName}/replicationRecoveryPlans/{recoveryPlanName}`,
    "azure-native:recoveryservices:ReplicationRecoveryServicesProvider": `${GROUP}/providers/Microsoft.RecoveryServices/vaults/{resourceName}/replicationFabrics/{fabricName}/replicationRecoveryServicesProviders/{providerName}`,
    "azure-native:recoveryservices:ReplicationStorageClassificationMapping": `${GROUP}/providers/Microsoft.RecoveryServices/vaults/{resourceName}/replicationFabrics/{fabricName}/replicationStorageClassifications/{storageClassificationName}/replicationStorageClassificationMappings/{storageClassificationMappingName}`,
    "azure-native:recoveryservices:ReplicationvCenter": `${GROUP}/providers/Microsoft.RecoveryServices/vaults/{resourceName}/replicationFabrics/{fabricName}/replicationvCenters/{vcenterName}`,
    "azure-native:recoveryservices:Vault": `${GROUP}/providers/Microsoft.RecoveryServices/vaults/{vaultName}`,
    "azure-native:resources:ResourceGroup": GROUP,
    "azure-native:storage:BlobServiceProperties": `${GROUP}/providers/Microsoft.Storage/storageAccounts/{accountName}/blobServices/{blobServicesName}`,
    "azure-native:storage:StorageAccount": `${GROUP}/providers/Microsoft.Storage/storageAccounts/{accountName}`,
};

/** The value when it is text, else undefined (unknowns, objects). */
export function text(value: unknown): string | undefined {
    return typeof value === "string" ? value : undefined;
}

/**
 * The Azure name a resource gets: the input its type names its own name by, else its Pulumi
 * name (azure-native auto-names from it when that input is omitted).
 */
export function azureResourceName(type: string, pulumiName: string, inputs: Record<string, unknown>): string {
    const input = resourceNames(type)?.name;
    return (input === undefined ? undefined : text(inputs[input])) ?? pulumiName;
}

/**
 * An id for a type whose provider path we don't know, recognisably not Azure's: its scope (a
 * parent given as an ARM id, else its resource group, else the subscription), the type token
 * where the provider path would be, then its other parents and its name.
 */
function placeholderPath(token: string, names: ResourceNames, inputs: Record<string, unknown>): string {
    const scope = names.parents.find((parent) => text(inputs[parent])?.startsWith("/"));
    const base = scope !== undefined ? `{${scope}}` : names.parents.includes("resourceGroupName") ? GROUP : "/subscriptions/{subscriptionId}";
    const parents = names.parents.filter((parent) => parent !== scope && parent !== "resourceGroupName");
    return [`${base}/providers/${token}`, ...parents.map((parent) => `{${parent}}`), "{}"].join("/");
}

/**
 * What Azure would answer for a resource, as far as it follows from the inputs: its name and an
 * ARM id. A path parameter that is not known (an unknown resource group) stays `{input}` in
 * the id. Used by the plan and the tests in place of a provider.
 */
export function azureMockResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, unknown> } {
    const token = unversionedToken(args.type);
    const inputs = args.inputs as Record<string, unknown>;
    const name = azureResourceName(token, args.name, inputs);
    // Types of other providers: the resource group is the only path parameter they might share.
    const names = resourceNames(token) ?? { parents: inputs.resourceGroupName === undefined ? [] : ["resourceGroupName"] };
    const path = ARM_PATHS[token] ?? placeholderPath(token, names, inputs);
    const id = path
        .replace(/\{(\w*)\}/g, (placeholder, key: string) => {
            if (key === "" || key === names.name) {
                return name;
            }
            return key === "subscriptionId" ? PLAN_CLIENT.subscriptionId : (text(inputs[key]) ?? placeholder);
        })
        // A scope given as an id (`/subscriptions/...`) where ARM's template has `/{scope}`.
        .replace(/^\/+/, "/");
    // A system-assigned identity gets its principal from Azure: a placeholder, as the subscription is.
    const identity = inputs.identity as { type?: unknown } | undefined;
    const assigned = typeof identity?.type === "string" && identity.type.includes("SystemAssigned") ? { identity: { ...identity, principalId: PLAN_CLIENT.objectId, tenantId: PLAN_CLIENT.tenantId } } : {};
    return { id, state: { ...inputs, ...assigned, name, id } };
}

/** What `getClientToken` answers under mocks: a bearer token no service takes. */
export const MOCK_CLIENT_TOKEN = "asr-hyperv-mock-token";

/**
 * What an invoke answers in the plan: `getClientConfig` the placeholder caller (programs build
 * ids from its subscription), `getClientToken` a token no service takes, every other invoke
 * its inputs.
 */
export function azureMockInvoke(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
    switch (unversionedToken(token)) {
        case "azure-native:authorization:getClientConfig":
            return { ...PLAN_CLIENT };
        case "azure-native:authorization:getClientToken":
            return { token: MOCK_CLIENT_TOKEN };
        default:
            return inputs;
    }
}

/** The state without its id, as a preview shows a resource not yet created. */
export function withoutId(state: Record<string, unknown>): Record<string, unknown> {
    const { id: _id, ...rest } = state;
    return rest;
}
