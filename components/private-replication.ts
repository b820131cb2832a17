import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as network from "@pulumi/azure-native/network";
import * as privatedns from "@pulumi/azure-native/privatedns";
import { azureTags } from "../policies/rules/azure-tags";
import { quoted } from "../policies/rules/display";
import {
    BLOB_DNS_ZONE,
    BLOB_GROUP,
    ROLE_DEFINITIONS,
    SITE_RECOVERY_DNS_ZONE,
    SITE_RECOVERY_GROUP,
    requiredVaultRoles,
    type RoleName,
} from "../policies/rules/private-replication";
import { firewallEntries } from "../policies/rules/storage-firewall";
import { knownNow, rejectInvalidArgs, rejectInvalidWhenKnown } from "./invalid-args";
import { roleAssignmentName } from "./role-assignment-name";

/**
 * The vault private replication serves: a RecoveryVault, or the name, region, id and
 * identity of a vault made elsewhere.
 */
export interface PrivateVaultReference {
    /** Name of the vault; the Site Recovery endpoint is named after it. */
    vaultName: pulumi.Input<string>;
    /** Region of the vault. */
    location: pulumi.Input<string>;
    /** Resource id of the vault: what the Site Recovery private endpoint connects to. */
    vaultId: pulumi.Input<string>;
    /** Principal id of the vault's system-assigned identity, which gets the roles on each account (A16). */
    principalId: pulumi.Input<string>;
}

/** A cache, log or target account of the vault. */
export interface PrivateReplicationAccount {
    /** Short name, unique in the component: it names this account's children (`<component>-<name>-contributor`, ...). */
    name: string;
    /** Resource id of the storage account. */
    accountId: pulumi.Input<string>;
    /** A premium account: the vault's identity gets Storage Blob Data Owner on it rather than Storage Blob Data Contributor (A16). Default: false. */
    premium?: boolean;
}

export interface PrivateReplicationArgs {
    /** Resource group for the private endpoints and private DNS zones. */
    resourceGroupName: pulumi.Input<string>;
    /** The vault: a RecoveryVault, or its name, region, id and identity's principal id. */
    vault: PrivateVaultReference;
    /** Resource id of the subnet the private endpoints take their addresses from; its network is linked to the private DNS zones. */
    subnetId: pulumi.Input<string>;
    /** Region of the private endpoints, which must be the subnet's. Default: the vault's region. */
    location?: pulumi.Input<string>;
    /** The accounts Site Recovery replicates through and into: the vault's identity gets the roles it needs on each (A16). Default: none. */
    storageAccounts?: PrivateReplicationAccount[];
    /**
     * A blob private endpoint on each account (zone privatelink.blob.core.windows.net), so the
     * Hyper-V hosts upload over VPN or ExpressRoute and a storage firewall may admit no public
     * address (A15). Default: false.
     */
    blobPrivateEndpoints?: boolean;
    /** Tags for the private endpoints and DNS zones. Default: none. */
    tags?: Record<string, string>;
}

const STORAGE_ACCOUNT_ID = /^\/subscriptions\/[0-9a-fA-F-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.Storage\/storageAccounts\/([a-z0-9]{3,24})$/i;
const CHILD_NAME = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

function accountIdProblem(id: string): string | undefined {
    return STORAGE_ACCOUNT_ID.test(id) ? undefined : `account id ${quoted(id)} is not /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<account>`;
}

/** A vault without a managed identity has no principal id, and nothing to give the roles to. */
function principalProblem(principalId: string | undefined): string | undefined {
    return principalId ? undefined : "principalId is empty: the vault has no managed identity, which Site Recovery private endpoints need (A13)";
}

/** The name in a storage account's id (checked by accountIdProblem). */
function accountName(id: string): string {
    return STORAGE_ACCOUNT_ID.exec(id)?.[1] ?? "";
}

function accountNameProblems(accounts: readonly PrivateReplicationAccount[]): string[] {
    const seen = new Set<string>();
    return accounts.flatMap((account) => {
        const key = account.name.toLowerCase();
        const problem = !CHILD_NAME.test(account.name)
            ? `name ${quoted(account.name)} may hold only letters, digits and hyphens, starting with a letter or digit`
            : seen.has(key)
              ? `name ${quoted(account.name)} is given to two accounts; names make the children's names and must differ`
              : undefined;
        seen.add(key);
        return problem === undefined ? [] : [problem];
    });
}

/** `contributor`, `blob-data-contributor`, `blob-data-owner`: the role in a child's name. */
function roleSlug(role: RoleName): string {
    return role.replace(/^Storage /, "").toLowerCase().replace(/ /g, "-");
}

interface PrivateZone {
    zone: privatedns.PrivateZone;
    link: privatedns.VirtualNetworkLink;
}

/**
 * Site Recovery over private networks for Hyper-V (VMM): the vault's `AzureSiteRecovery`
 * private endpoint with its DNS zone, optional blob private endpoints on the accounts, and
 * the roles the vault's identity needs on each account (A13, A15, A16). Site Recovery
 * private endpoints can be created only on a vault with no registered servers: `pulumi up`
 * must have created all of this before the VMM server registers, which no dependency can
 * enforce since registration happens outside Pulumi.
 */
export class PrivateReplication extends pulumi.ComponentResource {
    /** The vault's private endpoint of group AzureSiteRecovery. */
    public readonly siteRecoveryEndpoint: network.PrivateEndpoint;
    /** Resource id of the Site Recovery private endpoint. */
    public readonly siteRecoveryEndpointId: pulumi.Output<string>;
    /** Resource id of the private DNS zone privatelink.siterecovery.windowsazure.com. */
    public readonly siteRecoveryDnsZoneId: pulumi.Output<string>;
    /** Resource ids of the blob private endpoints by account name; empty without them. */
    public readonly blobEndpointIds: pulumi.Output<Record<string, string>>;
    /** Resource ids of the vault identity's role assignments on the accounts. */
    public readonly roleAssignmentIds: pulumi.Output<string[]>;
    /**
     * The vault's name, once every endpoint, DNS zone, link and role assignment here exists.
     * Register the VMM server with the vault only then (A13, A16): a registration step that
     * takes this name waits for all of it.
     */
    public readonly registrationVaultName: pulumi.Output<string>;

    constructor(name: string, args: PrivateReplicationArgs, opts?: pulumi.ComponentResourceOptions) {
        super("asr-hyperv:index:PrivateReplication", name, {}, opts);

        const label = `PrivateReplication ${name}`;
        const accounts = args.storageAccounts ?? [];
        const blob = args.blobPrivateEndpoints ?? false;
        const knownSubnet = knownNow(args.subnetId);
        const knownPrincipal = knownNow(args.vault.principalId);

        // Callers in other languages are not type-checked: the rules judge what arrives, now
        // where it is known, else once it resolves.
        const knownAccountIds = accounts.map((account) => knownNow(account.accountId)).filter((id) => id !== undefined);
        rejectInvalidArgs(this, label, [
            ["subnetId", knownSubnet === undefined ? undefined : firewallEntries([], [knownSubnet])],
            ["storageAccounts", accountNameProblems(accounts)],
            ["storageAccounts", knownAccountIds.flatMap((id) => accountIdProblem(id) ?? [])],
            ["tags", azureTags(args.tags ?? {}).map((problem) => problem.message)],
            ["vault", knownPrincipal === undefined ? undefined : principalProblem(knownPrincipal)],
        ]);
        const principalId = knownPrincipal ?? rejectInvalidWhenKnown(this, label, "vault", args.vault.principalId, principalProblem);
        const subnetId = knownSubnet ?? rejectInvalidWhenKnown(this, label, "subnetId", args.subnetId, (id) => firewallEntries([], [id]));
        const virtualNetworkId = pulumi.output(subnetId).apply((id) => id.replace(/\/subnets\/[^/]+$/i, ""));
        const location = args.location ?? args.vault.location;
        const tags = args.tags;

        const privateZone = (key: string, zoneName: string): PrivateZone => {
            const zone = new privatedns.PrivateZone(
                `${name}-${key}-zone`,
                { privateZoneName: zoneName, resourceGroupName: args.resourceGroupName, location: "global", tags },
                { parent: this },
            );
            const link = new privatedns.VirtualNetworkLink(
                `${name}-${key}-link`,
                {
                    privateZoneName: zoneName,
                    resourceGroupName: args.resourceGroupName,
                    location: "global",
                    virtualNetworkLinkName: virtualNetworkId.apply((id) => `link-${id.split("/").pop()}`),
                    virtualNetwork: { id: virtualNetworkId },
                    registrationEnabled: false,
                    tags,
                },
                { parent: this, dependsOn: [zone] },
            );
            return { zone, link };
        };

        const endpoint = (resourceName: string, endpointName: pulumi.Input<string>, target: pulumi.Input<string>, group: string, dns: PrivateZone) => {
            const privateEndpoint = new network.PrivateEndpoint(
                resourceName,
                {
                    privateEndpointName: endpointName,
                    resourceGroupName: args.resourceGroupName,
                    location,
                    subnet: { id: subnetId },
                    privateLinkServiceConnections: [{ name: endpointName, privateLinkServiceId: target, groupIds: [group] }],
                    tags,
                },
                { parent: this },
            );
            const zoneGroup = new network.PrivateDnsZoneGroup(
                `${resourceName}-dns`,
                {
                    privateDnsZoneGroupName: "default",
                    privateEndpointName: privateEndpoint.name,
                    resourceGroupName: args.resourceGroupName,
                    privateDnsZoneConfigs: [{ name: group, privateDnsZoneId: dns.zone.id }],
                },
                { parent: this },
            );
            return { privateEndpoint, zoneGroup };
        };

        const siteRecoveryZone = privateZone("site-recovery", SITE_RECOVERY_DNS_ZONE);
        const siteRecovery = endpoint(
            `${name}-site-recovery`,
            pulumi.interpolate`pe-${args.vault.vaultName}-siterecovery`,
            args.vault.vaultId,
            SITE_RECOVERY_GROUP,
            siteRecoveryZone,
        );
        // Built-in roles have the same id in every subscription; the caller's is known in a
        // preview, so policies see which role is granted before anything exists.
        let subscriptionId: pulumi.Output<string> | undefined;
        const roleDefinitionId = (guid: string) => {
            subscriptionId ??= authorization.getClientConfigOutput({ parent: this }).subscriptionId;
            return pulumi.interpolate`/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
        };
        const blobZone = blob && accounts.length > 0 ? privateZone("blob", BLOB_DNS_ZONE) : undefined;

        const ready: pulumi.Output<string>[] = [siteRecovery.zoneGroup.id, siteRecoveryZone.link.id];
        const blobEndpointIds: Record<string, pulumi.Output<string>> = {};
        const roleAssignmentIds: pulumi.Output<string>[] = [];
        for (const account of accounts) {
            const accountId = knownNow(account.accountId) ?? rejectInvalidWhenKnown(this, label, "storageAccounts", account.accountId, accountIdProblem);
            if (blobZone !== undefined) {
                const blobEndpoint = endpoint(
                    `${name}-${account.name}-blob`,
                    pulumi.output(accountId).apply((id) => `pe-${accountName(id)}-blob`),
                    accountId,
                    BLOB_GROUP,
                    blobZone,
                );
                blobEndpointIds[account.name] = blobEndpoint.privateEndpoint.id;
                ready.push(blobEndpoint.zoneGroup.id);
            }
            for (const role of requiredVaultRoles(account.premium ?? false)) {
                const guid = ROLE_DEFINITIONS[role];
                const assignment = new authorization.RoleAssignment(
                    `${name}-${account.name}-${roleSlug(role)}`,
                    {
                        scope: accountId,
                        principalId,
                        principalType: "ServicePrincipal",
                        roleDefinitionId: roleDefinitionId(guid),
                        roleAssignmentName: pulumi
                            .all([accountId, principalId])
                            .apply(([scope, principal]) => roleAssignmentName(scope, principal, guid)),
                    },
                    { parent: this },
                );
                roleAssignmentIds.push(assignment.id);
            }
        }
        if (blobZone !== undefined) {
            ready.push(blobZone.link.id);
        }

        this.siteRecoveryEndpoint = siteRecovery.privateEndpoint;
        this.siteRecoveryEndpointId = siteRecovery.privateEndpoint.id;
        this.siteRecoveryDnsZoneId = siteRecoveryZone.zone.id;
        this.blobEndpointIds = pulumi.output(blobEndpointIds);
        this.roleAssignmentIds = pulumi.all(roleAssignmentIds);
        this.registrationVaultName = pulumi.all([...ready, ...roleAssignmentIds]).apply(() => pulumi.output(args.vault.vaultName));
        this.registerOutputs({
            siteRecoveryEndpointId: this.siteRecoveryEndpointId,
            siteRecoveryDnsZoneId: this.siteRecoveryDnsZoneId,
            blobEndpointIds: this.blobEndpointIds,
            roleAssignmentIds: this.roleAssignmentIds,
            registrationVaultName: this.registrationVaultName,
        });
    }
}
