import { describe, expect, it } from "vitest";
import { PrivateReplication, RecoveryVault, type PrivateReplicationArgs } from "../../components";
import { PLAN_CLIENT } from "../../engine/azure-mocks";
import { roleAssignmentName } from "../../components/role-assignment-name";
import { ROLE_DEFINITIONS } from "../../policies/rules/private-replication";
import { ofType, only, record } from "../support/record";

const SUBSCRIPTION = "11111111-1111-1111-1111-111111111111";
const GROUP = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-dr/providers`;
const VAULT_ID = `${GROUP}/Microsoft.RecoveryServices/vaults/rsv-dr`;
const PRINCIPAL = "22222222-2222-2222-2222-222222222222";
const NETWORK_ID = `${GROUP}/Microsoft.Network/virtualNetworks/vnet-dr`;
const SUBNET_ID = `${NETWORK_ID}/subnets/management`;
const accountId = (name: string) => `${GROUP}/Microsoft.Storage/storageAccounts/${name}`;

describe("PrivateReplication", () => {
    const args: PrivateReplicationArgs = {
        resourceGroupName: "rg-dr",
        vault: { vaultName: "rsv-dr", location: "westeurope", vaultId: VAULT_ID, principalId: PRINCIPAL },
        subnetId: SUBNET_ID,
    };
    const accounts = {
        storageAccounts: [
            { name: "standard", accountId: accountId("asrstddr") },
            { name: "premium", accountId: accountId("asrprmdr"), premium: true },
        ],
    };

    it("connects an AzureSiteRecovery endpoint to the vault, with its DNS zone linked to the subnet's network", async () => {
        const recording = await record(() => new PrivateReplication("private", args));
        const component = only(recording, "asr-hyperv:index:PrivateReplication");
        const endpoint = only(recording, "azure-native:network:PrivateEndpoint");
        expect(endpoint.name).toBe("private-site-recovery");
        expect(endpoint.inputs).toMatchObject({
            privateEndpointName: "pe-rsv-dr-siterecovery",
            resourceGroupName: "rg-dr",
            location: "westeurope",
            subnet: { id: SUBNET_ID },
            privateLinkServiceConnections: [{ privateLinkServiceId: VAULT_ID, groupIds: ["AzureSiteRecovery"] }],
        });
        const zone = only(recording, "azure-native:privatedns:PrivateZone");
        expect(zone.inputs).toMatchObject({ privateZoneName: "privatelink.siterecovery.windowsazure.com", location: "global" });
        expect(only(recording, "azure-native:privatedns:VirtualNetworkLink").inputs).toMatchObject({
            privateZoneName: "privatelink.siterecovery.windowsazure.com",
            virtualNetworkLinkName: "link-vnet-dr",
            virtualNetwork: { id: NETWORK_ID },
            registrationEnabled: false,
        });
        const zoneGroup = only(recording, "azure-native:network:PrivateDnsZoneGroup");
        expect(zoneGroup.inputs).toMatchObject({ privateEndpointName: "pe-rsv-dr-siterecovery", privateDnsZoneConfigs: [{ name: "AzureSiteRecovery" }] });
        expect(zoneGroup.dependencies).toEqual(expect.arrayContaining([endpoint.urn, zone.urn]));
        for (const child of recording.resources.filter((resource) => resource.custom)) {
            expect(child.parent, child.urn).toBe(component.urn);
        }
        expect(ofType(recording, "azure-native:authorization:RoleAssignment")).toEqual([]);
        expect(recording.outputs.get(component.urn)).toMatchObject({ registrationVaultName: "rsv-dr", blobEndpointIds: {}, roleAssignmentIds: [] });
    });

    it("gives the vault's identity Contributor and Storage Blob Data Contributor on a standard account, Storage Blob Data Owner on a premium one (A16)", async () => {
        const recording = await record(() => new PrivateReplication("private", { ...args, ...accounts }));
        const assignments = ofType(recording, "azure-native:authorization:RoleAssignment");
        // The caller's subscription, as azure-native's getClientConfig answers (here, the plan's placeholder).
        const definition = (guid: string) => `/subscriptions/${PLAN_CLIENT.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
        expect(assignments.map((assignment) => [assignment.name, assignment.inputs.scope, assignment.inputs.roleDefinitionId])).toEqual([
            ["private-standard-contributor", accountId("asrstddr"), definition(ROLE_DEFINITIONS.Contributor)],
            ["private-standard-blob-data-contributor", accountId("asrstddr"), definition(ROLE_DEFINITIONS["Storage Blob Data Contributor"])],
            ["private-premium-contributor", accountId("asrprmdr"), definition(ROLE_DEFINITIONS.Contributor)],
            ["private-premium-blob-data-owner", accountId("asrprmdr"), definition(ROLE_DEFINITIONS["Storage Blob Data Owner"])],
        ]);
        for (const assignment of assignments) {
            expect(assignment.inputs).toMatchObject({ principalId: PRINCIPAL, principalType: "ServicePrincipal" });
        }
        // Without blobPrivateEndpoints the accounts get roles only.
        expect(ofType(recording, "azure-native:network:PrivateEndpoint")).toHaveLength(1);
    });

    it("names each role assignment by a GUID that follows from scope, principal and role, the same on every run", async () => {
        const names = async () =>
            ofType(await record(() => new PrivateReplication("private", { ...args, ...accounts })), "azure-native:authorization:RoleAssignment").map(
                (assignment) => assignment.inputs.roleAssignmentName as string,
            );
        const first = await names();
        expect(await names()).toEqual(first);
        expect(new Set(first).size).toBe(4);
        expect(first[0]).toBe(roleAssignmentName(accountId("asrstddr"), PRINCIPAL, ROLE_DEFINITIONS.Contributor));
        for (const name of first) {
            expect(name).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        }
    });

    it("with blobPrivateEndpoints adds a blob endpoint per account, in the blob DNS zone, so a firewall may admit no public address (A15)", async () => {
        const recording = await record(() => new PrivateReplication("private", { ...args, ...accounts, blobPrivateEndpoints: true }));
        const blobEndpoints = ofType(recording, "azure-native:network:PrivateEndpoint").filter((endpoint) => endpoint.name.endsWith("-blob"));
        expect(blobEndpoints.map((endpoint) => [endpoint.name, endpoint.inputs.privateEndpointName])).toEqual([
            ["private-standard-blob", "pe-asrstddr-blob"],
            ["private-premium-blob", "pe-asrprmdr-blob"],
        ]);
        expect(blobEndpoints[1]!.inputs.privateLinkServiceConnections).toMatchObject([{ privateLinkServiceId: accountId("asrprmdr"), groupIds: ["blob"] }]);
        const zones = ofType(recording, "azure-native:privatedns:PrivateZone").map((zone) => zone.inputs.privateZoneName);
        expect(zones).toEqual(["privatelink.siterecovery.windowsazure.com", "privatelink.blob.core.windows.net"]);
        expect(ofType(recording, "azure-native:privatedns:VirtualNetworkLink")).toHaveLength(2);
        expect(ofType(recording, "azure-native:network:PrivateDnsZoneGroup")).toHaveLength(3);
        const component = only(recording, "asr-hyperv:index:PrivateReplication");
        expect(Object.keys(recording.outputs.get(component.urn)?.blobEndpointIds as object).sort()).toEqual(["premium", "standard"]);
    });

    it("takes the RecoveryVault itself: the endpoint and the role assignments wait for the vault", async () => {
        const recording = await record(
            () => {
                const vault = new RecoveryVault("dr", { resourceGroupName: "rg-dr", location: "westeurope", vaultName: "rsv-dr" });
                return new PrivateReplication("private", { ...args, ...accounts, vault });
            },
            { preview: true },
        );
        const vault = only(recording, "azure-native:recoveryservices:Vault");
        expect(only(recording, "azure-native:network:PrivateEndpoint").dependencies).toContain(vault.urn);
        for (const assignment of ofType(recording, "azure-native:authorization:RoleAssignment")) {
            expect(assignment.propertyDependencies.principalId, assignment.urn).toContain(vault.urn);
        }
    });

    it("refuses a malformed subnet id or account id, account names that collide and a vault without identity, naming the argument, against the component", () => {
        const bad: PrivateReplicationArgs = {
            ...args,
            vault: { ...args.vault, principalId: "" },
            subnetId: "management",
            storageAccounts: [
                { name: "logs", accountId: "asrstddr" },
                { name: "LOGS", accountId: accountId("asrprmdr") },
            ],
        };
        expect(() => new PrivateReplication("private", bad)).toThrow(
            expect.objectContaining({
                message: expect.stringMatching(
                    /^PrivateReplication private: subnetId: subnet id "management" is not \/subscriptions\/.*; storageAccounts: name "LOGS" is given to two accounts; .*; storageAccounts: account id "asrstddr" is not \/subscriptions\/.*; vault: principalId is empty: the vault has no managed identity/,
                ),
                resource: expect.any(PrivateReplication),
            }),
        );
    });
});
