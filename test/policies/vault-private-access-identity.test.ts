import { describe, expect, it } from "vitest";
import { TYPES, account, idOf, resource, vault, violations } from "./support/fixtures";
import { ROLE_DEFINITIONS } from "../../policies/rules/private-replication";

const policy = "vault-private-access-identity";

const endpoint = (target: ReturnType<typeof vault>, group = "AzureSiteRecovery") =>
    resource(TYPES.privateEndpoint, `pe-${target.name}-${group}`, {
        privateEndpointName: `pe-${target.name}`,
        resourceGroupName: "rg-dr",
        subnet: { id: "/subscriptions/s/resourceGroups/rg-dr/providers/Microsoft.Network/virtualNetworks/hub/subnets/endpoints" },
        privateLinkServiceConnections: [{ name: "site-recovery", privateLinkServiceId: idOf(target), groupIds: [group] }],
    });

const grant = (on: ReturnType<typeof account>, to: ReturnType<typeof vault>, role: keyof typeof ROLE_DEFINITIONS) => {
    const assignment = resource(TYPES.roleAssignment, `${on.name}-${role}`, {
        scope: idOf(on),
        principalId: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
        principalType: "ServicePrincipal",
        roleDefinitionId: `/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/${ROLE_DEFINITIONS[role]}`,
    });
    // The vault's principal id is an output of the vault: unknown in a preview, a dependency on it.
    return { ...assignment, propertyDependencies: { principalId: [to.urn] } };
};

const closed = () => vault("rsv-dr", "westeurope", { properties: { publicNetworkAccess: "Disabled", redundancySettings: { standardTierStorageRedundancy: "GeoRedundant" } } });

describe(policy, () => {
    it("passes a public vault, and a private one with identity, Site Recovery endpoint and the roles on its accounts (A13, A16)", async () => {
        const rsv = closed();
        const data = account("replicas");
        const stack = [rsv, data, endpoint(rsv), grant(data, rsv, "Contributor"), grant(data, rsv, "Storage Blob Data Contributor")];
        expect(await violations([vault()], { policy })).toEqual([]);
        expect(await violations(stack, { policy })).toEqual([]);
    });

    it("advises when a private vault has no identity or no Site Recovery private endpoint (A13)", async () => {
        const bare = vault("rsv-dr", "westeurope", { identity: undefined, properties: { publicNetworkAccess: "Disabled" } });
        expect((await violations([bare], { policy })).map((violation) => violation.message)).toEqual([
            expect.stringMatching(/no managed identity for private endpoints \(A13/),
            expect.stringMatching(/no private endpoint of group AzureSiteRecovery reaches the vault: the VMM Provider can't register \(A13/),
        ]);
        const rsv = closed();
        expect(await violations([rsv, endpoint(rsv, "blob")], { policy })).toHaveLength(1);
    });

    it("advises what the vault's identity still lacks on each account: Storage Blob Data Owner on premium (A16)", async () => {
        const rsv = closed();
        const premium = account("premium", { sku: { name: "Premium_LRS" } });
        const stack = [rsv, premium, endpoint(rsv), grant(premium, rsv, "Contributor"), grant(premium, rsv, "Storage Blob Data Contributor")];
        expect(await violations(stack, { policy })).toEqual([
            expect.objectContaining({ urn: premium.urn, message: expect.stringMatching(/lacks Storage Blob Data Owner on it \(A16/) }),
        ]);
    });
});
