import * as pulumi from "@pulumi/pulumi";
import { azureTags } from "../policies/rules/azure-tags";
import * as authorization from "@pulumi/azure-native/authorization";
import * as storage from "@pulumi/azure-native/storage";
import {
    DEFAULT_STANDARD_REDUNDANCY,
    DEFAULT_STORAGE_PERFORMANCE,
    PAGE_BLOB_KIND,
    PREMIUM_SKU,
    SECURE_TRANSPORT,
    STANDARD_REDUNDANCIES,
    StoragePerformance,
    TRUSTED_SERVICES_BYPASS,
    azureName,
    firewallEntries,
    oneOf,
    standardSku,
    storageInVaultRegion,
    type StandardRedundancy,
} from "../policies/rules";
import { knownNow, rejectInvalidArgs, rejectInvalidWhenKnown } from "./invalid-args";
import { storageAccountName } from "./naming";
import type { VaultReference } from "./vault";
import { vaultRegion } from "./vault-region";
import { ROLES, ROLE_TAG, VAULT_TAG, type Role } from "../policies/rules/role-tags";
import { ReplicaStorage } from "../policies/rules/replication-choices";
import { replicaStorageFor, replicaStorageProblem, standardAccountHoldsLogs } from "../policies/rules/replica-storage";

/** Storage firewall: deny by default, allow these, and always let trusted Microsoft services through (A11). */
export interface StorageFirewall {
    /** Public IP addresses or CIDR blocks allowed in. Default: none. */
    ipRules?: string[];
    /** Subnet resource ids allowed in (they need the Microsoft.Storage service endpoint). Default: none. */
    subnetIds?: pulumi.Input<string>[];
}

export interface ReplicationStorageArgs {
    /** Resource group for the accounts. Site Recovery accounts can't move later (A8). */
    resourceGroupName: pulumi.Input<string>;
    /** The vault the accounts serve: a RecoveryVault, or its name and region. */
    vault: VaultReference;
    /** Region of the accounts; must be the vault's (A1). Default: the vault's region. */
    location?: pulumi.Input<string>;
    /**
     * "Standard": one standard account. "Premium": a premium account holds replicated data
     * and a standard account the replication logs (A5, A6); only with `replicas`
     * "StorageAccount". Default: "Standard".
     */
    performance?: StoragePerformance;
    /**
     * What holds the protected VMs' replicas. "ManagedDisks": managed disks, and the standard
     * account is the log (cache) account every protected VM names. "StorageAccount": the
     * premium account, else the standard one, holds them (the seed's mode).
     * Default: "StorageAccount" with performance Premium, else "ManagedDisks" (the portal's).
     */
    replicas?: ReplicaStorage;
    /** Redundancy of the standard account (A3); GRS survives a regional outage (A4). Default: "GRS". */
    redundancy?: StandardRedundancy;
    /** Storage firewall. Default: none (the accounts accept traffic from any network, over HTTPS only). */
    firewall?: StorageFirewall;
    /** Protect the accounts from deletion by Pulumi. Default: true. */
    protect?: boolean;
    /**
     * A CanNotDelete management lock on each account (needs Owner or User Access
     * Administrator). It guards the replicas against deletion from outside Pulumi, and
     * unlike one on the vault blocks no change to replication objects (A17). Removing a blob
     * private endpoint to a locked account fails until the lock is removed. Default: false.
     */
    lock?: boolean;
    /**
     * Mixed into the derived account names: set it (e.g. to the subscription id) where another
     * organization might use the same project and stack names. Changing it renames the accounts.
     * Default: none (names follow from project, stack and component name alone).
     */
    nameSeed?: string;
    /** Name of the standard account. Default: derived from project, stack, component name and `nameSeed`. */
    standardAccountName?: string;
    /** Name of the premium account. Default: derived like the standard one. */
    premiumAccountName?: string;
    /** Tags for the accounts, merged with the role tags policies use. Default: none. */
    tags?: Record<string, string>;
}

/**
 * Site Recovery's storage in the vault's region: the log (cache) account that managed-disk
 * replicas need, or the account(s) replicas land in, with the log account for premium.
 */
export class ReplicationStorage extends pulumi.ComponentResource {
    /** The standard account: the replication logs (managed-disk replicas, or beside premium data), else the replicated data. */
    public readonly standardAccount: storage.StorageAccount;
    /** The premium account for replicated data, when performance is Premium. */
    public readonly premiumAccount?: storage.StorageAccount;
    /** What holds the replicas: ProtectedVm's `replicaStorage`. */
    public readonly replicas: ReplicaStorage;
    /** Whether the standard account holds the replication logs, so `logAccountId` is set: with managed-disk replicas, and beside premium data. */
    public readonly hasLogAccount: boolean;
    /** Resource id of the account replicated data lands in (ProtectedVm's `targetStorageAccountId`); undefined with managed-disk replicas. */
    public readonly dataAccountId: pulumi.Output<string | undefined>;
    /** Name of the account replicated data lands in; undefined with managed-disk replicas. */
    public readonly dataAccountName: pulumi.Output<string | undefined>;
    /** Resource id of the replication log (cache) account (ProtectedVm's `logStorageAccountId`); undefined with standard storage-account replicas. */
    public readonly logAccountId: pulumi.Output<string | undefined>;
    /** Name of the replication log account; undefined with standard storage-account replicas. */
    public readonly logAccountName: pulumi.Output<string | undefined>;
    /** The ids a replication policy lists in `storageAccounts` (R7): the data account, none with managed-disk replicas. */
    public readonly replicationStorageAccountIds: pulumi.Output<string[]>;

    constructor(name: string, args: ReplicationStorageArgs, opts?: pulumi.ComponentResourceOptions) {
        super("asr-hyperv:index:ReplicationStorage", name, {}, opts);

        const performance = args.performance ?? DEFAULT_STORAGE_PERFORMANCE;
        const premium = performance === StoragePerformance.Premium;
        const replicas = replicaStorageFor(performance, args.replicas);
        const managed = replicas === ReplicaStorage.ManagedDisks;
        const redundancy = args.redundancy ?? DEFAULT_STANDARD_REDUNDANCY;
        const identity = { project: pulumi.getProject(), stack: pulumi.getStack(), component: name, seed: args.nameSeed };
        const standardName = args.standardAccountName ?? storageAccountName({ ...identity, role: "std" });
        const premiumName = args.premiumAccountName ?? storageAccountName({ ...identity, role: "prm" });
        const label = `ReplicationStorage ${name}`;
        const ipRules = args.firewall?.ipRules ?? [];
        const subnetIds = args.firewall?.subnetIds ?? [];
        const knownSubnetIds = subnetIds.map((id) => knownNow(id)).filter((id) => id !== undefined);
        const region = vaultRegion(this, label, args.location, args.vault, storageInVaultRegion);
        // Callers in other languages are not type-checked: the rules judge what arrives, now
        // where it is known, else once it resolves.
        rejectInvalidArgs(this, label, [
            region.check,
            ["performance", oneOf(performance, Object.values(StoragePerformance), "A5")],
            ["redundancy", oneOf(redundancy, STANDARD_REDUNDANCIES, "A3")],
            ["replicas", oneOf(replicas, Object.values(ReplicaStorage)) ?? replicaStorageProblem(performance, replicas)],
            ["tags", azureTags(args.tags ?? {}, { storageAccount: true, added: [ROLE_TAG, VAULT_TAG] }).map((problem) => problem.message)],
            ["standardAccountName", azureName("storageAccount", standardName)],
            ["premiumAccountName", premium ? azureName("storageAccount", premiumName) : undefined],
            ["firewall", args.firewall === undefined ? undefined : firewallEntries(ipRules, knownSubnetIds)],
        ]);
        const networkRuleSet =
            args.firewall === undefined
                ? undefined
                : {
                      defaultAction: "Deny" as const,
                      bypass: TRUSTED_SERVICES_BYPASS,
                      ipRules: ipRules.map((value) => ({ iPAddressOrRange: value, action: "Allow" as const })),
                      virtualNetworkRules: subnetIds.map((id) => ({
                          virtualNetworkResourceId:
                              knownNow(id) ?? rejectInvalidWhenKnown(this, label, "firewall", id, (resolved) => firewallEntries([], [resolved])),
                          action: "Allow" as const,
                      })),
                  };

        const account = (suffix: string, accountName: string, sku: string, role: Role) => {
            const created = new storage.StorageAccount(
                `${name}-${suffix}`,
                {
                    accountName,
                    resourceGroupName: args.resourceGroupName,
                    location: region.location,
                    kind: PAGE_BLOB_KIND,
                    sku: { name: sku },
                    isHnsEnabled: false,
                    ...SECURE_TRANSPORT,
                    allowCrossTenantReplication: false,
                    // Site Recovery's cache storage needs shared keys (docs/security.md, note 6): set, not
                    // left to a default that an organisation's policy or another tool may turn off.
                    allowSharedKeyAccess: true,
                    networkRuleSet,
                    tags: { ...args.tags, [ROLE_TAG]: role, [VAULT_TAG]: args.vault.vaultName },
                },
                { parent: this, protect: args.protect ?? true },
            );
            if (args.lock ?? false) {
                new authorization.ManagementLockByScope(
                    `${name}-${suffix}-lock`,
                    {
                        scope: created.id,
                        lockName: `${accountName}-nodelete`,
                        level: "CanNotDelete",
                        notes: "Site Recovery replication storage: deleting it loses the replicas it holds",
                    },
                    { parent: this },
                );
            }
            return created;
        };

        // Premium data always comes with the standard account, which then holds the logs (A6),
        // as it does for managed-disk replicas.
        const logs = standardAccountHoldsLogs(performance, replicas);
        this.replicas = replicas;
        this.hasLogAccount = logs;
        this.standardAccount = account("standard", standardName, standardSku(redundancy), logs ? ROLES.logStorage : ROLES.replicationStorage);
        if (premium) {
            this.premiumAccount = account("premium", premiumName, PREMIUM_SKU, ROLES.replicationStorage);
        }

        const data = managed ? undefined : (this.premiumAccount ?? this.standardAccount);
        const none = pulumi.output<string | undefined>(undefined);
        this.dataAccountId = data?.id ?? none;
        this.dataAccountName = data?.name ?? none;
        this.logAccountId = logs ? this.standardAccount.id : none;
        this.logAccountName = logs ? this.standardAccount.name : none;
        this.replicationStorageAccountIds = data === undefined ? pulumi.output([]) : data.id.apply((id) => [id]);
        this.registerOutputs({
            replicas,
            hasLogAccount: logs,
            dataAccountId: this.dataAccountId,
            dataAccountName: this.dataAccountName,
            logAccountId: this.logAccountId,
            logAccountName: this.logAccountName,
            replicationStorageAccountIds: this.replicationStorageAccountIds,
        });
    }
}
