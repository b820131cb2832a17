import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as recoveryservices from "@pulumi/azure-native/recoveryservices";
import {
    DEFAULT_VAULT_PUBLIC_NETWORK_ACCESS,
    DEFAULT_VAULT_REDUNDANCY,
    VAULT_REDUNDANCIES,
    VaultPublicNetworkAccess,
    azureName,
    oneOf,
    type VaultRedundancy,
} from "../policies/rules";
import { ROLES, ROLE_TAG, VAULT_TAG } from "../policies/rules/role-tags";
import { rejectInvalidArgs } from "./invalid-args";

export interface RecoveryVaultArgs {
    /** Resource group that holds the vault. */
    resourceGroupName: pulumi.Input<string>;
    /** Azure region of the vault; storage and the failover network must be in the same one (A1, A2). */
    location: string;
    /** Vault name: 2-50 letters, digits and hyphens, starting with a letter. */
    vaultName: string;
    /**
     * Storage redundancy of the vault, fixed once the first server registers with the vault (A12).
     * Default: "GeoRedundant".
     */
    storageRedundancy?: VaultRedundancy;
    /**
     * Whether the vault accepts traffic from public networks. The VMM provider reaches the
     * vault over the internet unless Site Recovery private endpoints exist (A13).
     * Default: "Enabled".
     */
    publicNetworkAccess?: VaultPublicNetworkAccess;
    /** Add a CanNotDelete management lock (needs Owner or User Access Administrator). Default: false. */
    lock?: boolean;
    /** Protect the vault from deletion by Pulumi. Default: true. */
    protect?: boolean;
    /** Tags for the vault, merged with the role tags policies use. Default: none. */
    tags?: Record<string, string>;
}

/** A Recovery Services vault set up for Hyper-V (VMM) to Azure replication. */
export class RecoveryVault extends pulumi.ComponentResource {
    public readonly vault: recoveryservices.Vault;
    public readonly vaultName: pulumi.Output<string>;
    public readonly vaultId: pulumi.Output<string>;
    public readonly location: pulumi.Output<string>;
    /** The vault's system-assigned identity, which Site Recovery private endpoints need (A13). */
    public readonly principalId: pulumi.Output<string | undefined>;

    constructor(name: string, args: RecoveryVaultArgs, opts?: pulumi.ComponentResourceOptions) {
        super("asr-hyperv:index:RecoveryVault", name, {}, opts);

        const storageRedundancy = args.storageRedundancy ?? DEFAULT_VAULT_REDUNDANCY;
        const publicNetworkAccess = args.publicNetworkAccess ?? DEFAULT_VAULT_PUBLIC_NETWORK_ACCESS;
        // Callers in other languages are not type-checked: the rules judge what arrives.
        rejectInvalidArgs(this, `RecoveryVault ${name}`, [
            ["vaultName", azureName("vault", args.vaultName)],
            ["storageRedundancy", oneOf(storageRedundancy, VAULT_REDUNDANCIES, "A12")],
            ["publicNetworkAccess", oneOf(publicNetworkAccess, Object.values(VaultPublicNetworkAccess), "A13")],
        ]);

        this.vault = new recoveryservices.Vault(
            name,
            {
                vaultName: args.vaultName,
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                sku: { name: "Standard" },
                identity: { type: "SystemAssigned" },
                properties: {
                    publicNetworkAccess,
                    redundancySettings: { standardTierStorageRedundancy: storageRedundancy },
                    securitySettings: { softDeleteSettings: { softDeleteState: "Enabled" } },
                },
                tags: { ...args.tags, [ROLE_TAG]: ROLES.vault, [VAULT_TAG]: args.vaultName },
            },
            { parent: this, protect: args.protect ?? true },
        );

        if (args.lock ?? false) {
            new authorization.ManagementLockByScope(
                `${name}-lock`,
                {
                    scope: this.vault.id,
                    lockName: `${args.vaultName}-nodelete`,
                    level: "CanNotDelete",
                    notes: "Site Recovery vault: deleting it loses every replica's recovery points",
                },
                { parent: this },
            );
        }

        this.vaultName = this.vault.name;
        this.vaultId = this.vault.id;
        this.location = pulumi.output(args.location);
        this.principalId = this.vault.identity.apply((identity) => identity?.principalId);
        this.registerOutputs({
            vaultName: this.vaultName,
            vaultId: this.vaultId,
            location: this.location,
            principalId: this.principalId,
        });
    }
}
