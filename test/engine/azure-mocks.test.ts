import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import { describe, expect, it } from "vitest";
import { ARM_PATHS, PLAN_CLIENT, azureMockInvoke, azureMockResource, azureResourceName } from "../../engine/azure-mocks";
import { azureShapes, resourceNames } from "../../engine/azure-shapes";

const SUBSCRIPTION = `/subscriptions/${PLAN_CLIENT.subscriptionId}`;

function idOf(type: string, name: string, inputs: Record<string, unknown>): string {
    return azureMockResource({ type, name, inputs, custom: true }).id;
}

describe("azureResourceName", () => {
    // The last path parameter of each type's ARM path, as pulumi-azure-native's
    // reports/tokenPaths.json gives it: a sample across modules, checked by hand.
    it.each([
        ["resources:ResourceGroup", "resourceGroupName"],
        ["recoveryservices:Vault", "vaultName"],
        ["recoveryservices:ReplicationFabric", "fabricName"],
        ["recoveryservices:ReplicationPolicy", "policyName"],
        ["recoveryservices:ReplicationProtectedItem", "replicatedProtectedItemName"],
        ["recoveryservices:ReplicationNetworkMapping", "networkMappingName"],
        ["recoveryservices:ReplicationProtectionContainerMapping", "mappingName"],
        ["recoveryservices:ReplicationRecoveryPlan", "recoveryPlanName"],
        ["recoveryservices:ReplicationStorageClassificationMapping", "storageClassificationMappingName"],
        ["recoveryservices:ProtectedItem", "protectedItemName"],
        ["storage:StorageAccount", "accountName"],
        ["storage:BlobContainer", "containerName"],
        ["network:VirtualNetwork", "virtualNetworkName"],
        ["network:Subnet", "subnetName"],
        ["network:NetworkSecurityGroup", "networkSecurityGroupName"],
        ["network:PrivateEndpoint", "privateEndpointName"],
        ["network:PrivateDnsZoneGroup", "privateDnsZoneGroupName"],
        ["network:VirtualNetworkPeering", "virtualNetworkPeeringName"],
        ["network:VirtualWan", "virtualWANName"],
        ["network:PrivateLinkServicePrivateEndpointConnection", "peConnectionName"],
        ["privatedns:PrivateZone", "privateZoneName"],
        ["privatedns:PrivateRecordSet", "relativeRecordSetName"],
        ["authorization:ManagementLockByScope", "lockName"],
        ["authorization:RoleAssignment", "roleAssignmentName"],
        ["compute:VirtualMachine", "vmName"],
        ["keyvault:Vault", "vaultName"],
        ["containerregistry:Registry", "registryName"],
        ["containerregistry:ArchiveVersion", "archiveVersionName"],
        ["containerservice:ManagedCluster", "resourceName"],
        ["web:WebApp", "name"],
        ["web:WebAppSlot", "slot"],
        ["web:WebAppDeployment", "id"],
        ["web:AppServicePlanRouteForVnet", "routeName"],
        ["powerbi:PowerBIResource", "azureResourceName"],
        ["policyinsights:RemediationAtResource", "remediationName"],
        ["portal:Dashboard", "dashboardName"],
        ["redhatopenshift:MachinePool", "childResourceName"],
        ["redisenterprise:AccessPolicyAssignment", "accessPolicyAssignmentName"],
        ["relay:WCFRelayAuthorizationRule", "authorizationRuleName"],
        ["resourcegraph:GraphQuery", "resourceName"],
        ["monitor:DiagnosticSetting", "name"],
    ])("names a %s by its %s input", (type, input) => {
        expect(resourceNames(`azure-native:${type}`)?.name).toBe(input);
        expect(azureResourceName(`azure-native:${type}`, "pulumi-name", { [input]: "azure-name" })).toBe("azure-name");
    });

    it("falls back to the Pulumi name when the name input is omitted or unknown, as azure-native auto-names", () => {
        expect(azureResourceName("azure-native:keyvault:Vault", "kv", { resourceGroupName: "rg" })).toBe("kv");
        expect(azureResourceName("azure-native:keyvault:Vault", "kv", { vaultName: { unknown: true } })).toBe("kv");
    });

    it("gives a singleton, whose ARM name is fixed (`sites/{name}/config/appsettings`), no name input", () => {
        expect(resourceNames("azure-native:web:WebAppApplicationSettings")).toEqual({ parents: ["name", "resourceGroupName"] });
        expect(azureResourceName("azure-native:web:WebAppApplicationSettings", "settings", { name: "the-site" })).toBe("settings");
    });

    it("reads a versioned type token as the unversioned one", () => {
        expect(azureResourceName("azure-native:recoveryservices/v20241001:ReplicationFabric", "fabric", { fabricName: "hyperv-site" })).toBe("hyperv-site");
    });
});

describe("azureMockResource", () => {
    it("builds the ARM id of a vault child from its parents, under the placeholder subscription", () => {
        const inputs = { resourceGroupName: "rg-dr", resourceName: "rsv-dr", fabricName: "hyperv-site", protectionContainerName: "cloud", mappingName: "to-azure" };
        const { id, state } = azureMockResource({ type: "azure-native:recoveryservices:ReplicationProtectionContainerMapping", name: "mapping", inputs, custom: true });
        expect(id).toBe(
            `${SUBSCRIPTION}/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/vaults/rsv-dr/replicationFabrics/hyperv-site/replicationProtectionContainers/cloud/replicationProtectionContainerMappings/to-azure`,
        );
        expect(state).toMatchObject({ name: "to-azure", id });
    });

    it("names the resource by its Pulumi name in the id when the name input is omitted", () => {
        expect(idOf("azure-native:recoveryservices/v20241001:ReplicationFabric", "site", { resourceGroupName: "rg", resourceName: "rsv" })).toBe(
            `${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/rsv/replicationFabrics/site`,
        );
    });

    it("puts a scope-bound resource under its scope", () => {
        const scope = `${SUBSCRIPTION}/resourceGroups/rg`;
        expect(idOf("azure-native:authorization:ManagementLockByScope", "lock", { scope, lockName: "no-delete" })).toBe(`${scope}/providers/Microsoft.Authorization/locks/no-delete`);
    });

    it("keeps a path parameter that is not known as a placeholder rather than inventing one", () => {
        expect(idOf("azure-native:storage:StorageAccount", "replicas", { accountName: "replicas" })).toBe(
            `${SUBSCRIPTION}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts/replicas`,
        );
        expect(idOf("azure-native:authorization:RoleAssignment", "reader", {})).toBe("/{scope}/providers/Microsoft.Authorization/roleAssignments/reader");
    });

    it("marks the id of a type whose provider path is not known by its type token", () => {
        expect(idOf("azure-native:keyvault:Secret", "secret", { resourceGroupName: "rg", vaultName: "kv", secretName: "password" })).toBe(
            `${SUBSCRIPTION}/resourceGroups/rg/providers/azure-native:keyvault:Secret/kv/password`,
        );
        const vm = `${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm`;
        expect(idOf("azure-native:monitor:DiagnosticSetting", "diagnostics", { resourceUri: vm })).toBe(`${vm}/providers/azure-native:monitor:DiagnosticSetting/diagnostics`);
        expect(idOf("random:index:RandomString", "suffix", {})).toBe(`${SUBSCRIPTION}/providers/random:index:RandomString/suffix`);
    });

    it("has the ARM path of every type whose outputs azure-shapes reads, with the SDK's path parameters", () => {
        expect(Object.keys(ARM_PATHS).sort()).toEqual(Object.keys(azureShapes().resources));
        for (const [type, path] of Object.entries(ARM_PATHS)) {
            const names = resourceNames(type);
            const placeholders = [...path.matchAll(/\{(\w+)\}/g)].map(([, key]) => key).filter((key) => key !== "subscriptionId");
            expect([...new Set(placeholders)].sort(), type).toEqual([...(names?.parents ?? []), ...(names?.name === undefined ? [] : [names.name])].sort());
        }
    });
});

describe("azureMockInvoke", () => {
    it("answers getClientConfig with the placeholder caller, so ids built from it name the placeholder subscription", async () => {
        await pulumi.runtime.setMocks({
            newResource: (args) => azureMockResource(args),
            call: (args) => azureMockInvoke(args.token, args.inputs as Record<string, unknown>),
        });
        const config = await authorization.getClientConfig();
        expect(config).toMatchObject(PLAN_CLIENT);
        const scope = await new Promise<string>((resolve) => authorization.getClientConfigOutput().apply((client) => resolve(`/subscriptions/${client.subscriptionId}/resourceGroups/rg`)));
        expect(scope).toBe(`${SUBSCRIPTION}/resourceGroups/rg`);
    });

    it("passes any other invoke its inputs back, as before", () => {
        expect(azureMockInvoke("azure-native:keyvault:getSecret", { secretName: "s" })).toEqual({ secretName: "s" });
        expect(azureMockInvoke("azure-native:authorization/v20220401:getClientConfig", {})).toEqual(PLAN_CLIENT);
    });
});
