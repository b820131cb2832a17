import * as pulumi from "@pulumi/pulumi";
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
import { rejectInvalidArgs } from "./invalid-args";
import { storageAccountName } from "./naming";
import { ROLES, ROLE_TAG, VAULT_TAG, type Role } from "../policies/rules/role-tags";

/** Storage firewall: deny by default, allow these, and always let trusted Microsoft services through (A11). */
export interface StorageFirewallArgs {
    /** Public IP addresses or CIDR blocks allowed in. Default: none. */
    ipRules?: string[];
    /** Subnet resource ids allowed in (they need the Microsoft.Storage service endpoint). Default: none. */
    subnetIds?: string[];
}

export interface ReplicationStorageArgs {
    /** Resource group for the accounts. Site Recovery accounts can't move later (A8). */
    resourceGroupName: pulumi.Input<string>;
    /** Region of the accounts. */
    location: string;
    /** Region of the vault; must equal `location` (A1). */
    vaultLocation: string;
    /** Name of the vault the accounts serve; tagged so policies can pair them. */
    vaultName: string;
    /**
     * "Standard": one standard account holds replicated data. "Premium": a premium account
     * holds replicated data and a standard account the replication logs (A5, A6).
     * Default: "Standard".
     */
    performance?: StoragePerformance;
    /** Redundancy of the standard account (A3); GRS survives a regional outage (A4). Default: "GRS". */
    redundancy?: StandardRedundancy;
    /** Storage firewall. Default: none (the accounts accept traffic from any network, over HTTPS only). */
    firewall?: StorageFirewallArgs;
    /** Protect the accounts from deletion by Pulumi. Default: true. */
    protect?: boolean;
    /**
     * Mixed into the derived account names. Default: none, so names follow from project,
     * stack and component name alone; set it (e.g. to the subscription id) where another
     * organization might use the same project and stack names. Changing it renames the accounts.
     */
    nameSeed?: string;
    /** Name of the standard account. Default: derived from project, stack, component name and `nameSeed`. */
    standardAccountName?: string;
    /** Name of the premium account. Default: derived like the standard one. */
    premiumAccountName?: string;
    /** Tags for the accounts, merged with the role tags policies use. Default: none. */
    tags?: Record<string, string>;
}

/** Storage that Site Recovery replicates Hyper-V VMs into, in the vault's region. */
export class ReplicationStorage extends pulumi.ComponentResource {
    /** The standard account: replicated data, or replication logs when performance is Premium. */
    public readonly standardAccount: storage.StorageAccount;
    /** The premium account for replicated data, when performance is Premium. */
    public readonly premiumAccount?: storage.StorageAccount;
    /** The account replicated data lands in. */
    public readonly dataAccountId: pulumi.Output<string>;
    public readonly dataAccountName: pulumi.Output<string>;
    /** The replication log account, when performance is Premium. */
    public readonly logAccountId: pulumi.Output<string | undefined>;
    public readonly logAccountName: pulumi.Output<string | undefined>;
    /** The ids a replication policy lists in `storageAccounts` (R7). */
    public readonly replicationStorageAccountIds: pulumi.Output<string[]>;

    constructor(name: string, args: ReplicationStorageArgs, opts?: pulumi.ComponentResourceOptions) {
        super("asr-hyperv:index:ReplicationStorage", name, {}, opts);

        const performance = args.performance ?? DEFAULT_STORAGE_PERFORMANCE;
        const premium = performance === StoragePerformance.Premium;
        const redundancy = args.redundancy ?? DEFAULT_STANDARD_REDUNDANCY;
        const identity = { project: pulumi.getProject(), stack: pulumi.getStack(), component: name, seed: args.nameSeed };
        const standardName = args.standardAccountName ?? storageAccountName({ ...identity, role: "std" });
        const premiumName = args.premiumAccountName ?? storageAccountName({ ...identity, role: "prm" });
        // Callers in other languages are not type-checked: the rules judge what arrives.
        rejectInvalidArgs(this, `ReplicationStorage ${name}`, [
            ["location", storageInVaultRegion(args.location, args.vaultLocation)],
            ["performance", oneOf(performance, Object.values(StoragePerformance), "A5")],
            ["redundancy", oneOf(redundancy, STANDARD_REDUNDANCIES, "A3")],
            ["standardAccountName", azureName("storageAccount", standardName)],
            ["premiumAccountName", premium ? azureName("storageAccount", premiumName) : undefined],
            ["firewall", args.firewall === undefined ? undefined : firewallEntries(args.firewall.ipRules ?? [], args.firewall.subnetIds ?? [])],
        ]);
        const networkRuleSet =
            args.firewall === undefined
                ? undefined
                : {
                      defaultAction: "Deny" as const,
                      bypass: TRUSTED_SERVICES_BYPASS,
                      ipRules: (args.firewall.ipRules ?? []).map((value) => ({ iPAddressOrRange: value, action: "Allow" as const })),
                      virtualNetworkRules: (args.firewall.subnetIds ?? []).map((id) => ({
                          virtualNetworkResourceId: id,
                          action: "Allow" as const,
                      })),
                  };

        const account = (suffix: string, accountName: string, sku: string, role: Role) =>
            new storage.StorageAccount(
                `${name}-${suffix}`,
                {
                    accountName,
                    resourceGroupName: args.resourceGroupName,
                    location: args.location,
                    kind: PAGE_BLOB_KIND,
                    sku: { name: sku },
                    isHnsEnabled: false,
                    ...SECURE_TRANSPORT,
                    allowCrossTenantReplication: false,
                    networkRuleSet,
                    tags: { ...args.tags, [ROLE_TAG]: role, [VAULT_TAG]: args.vaultName },
                },
                { parent: this, protect: args.protect ?? true },
            );

        // Premium data always comes with the standard account, which then holds the logs (A6).
        this.standardAccount = account("standard", standardName, standardSku(redundancy), premium ? ROLES.logStorage : ROLES.replicationStorage);
        if (premium) {
            this.premiumAccount = account("premium", premiumName, PREMIUM_SKU, ROLES.replicationStorage);
        }

        const data = this.premiumAccount ?? this.standardAccount;
        this.dataAccountId = data.id;
        this.dataAccountName = data.name;
        this.logAccountId = premium ? this.standardAccount.id : pulumi.output(undefined);
        this.logAccountName = premium ? this.standardAccount.name : pulumi.output(undefined);
        this.replicationStorageAccountIds = data.id.apply((id) => [id]);
        this.registerOutputs({
            dataAccountId: this.dataAccountId,
            dataAccountName: this.dataAccountName,
            logAccountId: this.logAccountId,
            logAccountName: this.logAccountName,
            replicationStorageAccountIds: this.replicationStorageAccountIds,
        });
    }
}
