import * as pulumi from "@pulumi/pulumi";
import { azureTags } from "../policies/rules/azure-tags";
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

/**
 * The vault that replication storage and failover networks serve: pass a RecoveryVault
 * itself, or the name and region of a vault made elsewhere.
 */
export interface VaultReference {
    /** Name of the vault; tagged on what serves it, so policies can pair them. */
    vaultName: pulumi.Input<string>;
    /** Region of the vault; storage and networks must be in it (A1, A2). */
    location: pulumi.Input<string>;
}

export interface RecoveryVaultArgs {
    /** Resource group that holds the vault. */
    resourceGroupName: pulumi.Input<string>;
    /** Azure region of the vault; storage and the failover network must be in the same one (A1, A2). */
    location: pulumi.Input<string>;
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
    /**
     * Protect the vault from deletion by Pulumi. With soft delete, always on, this is what
     * guards the vault: a delete lock on it would be inherited by its replication policies,
     * mappings and protected items and block changing them (A17). Default: true.
     */
    protect?: boolean;
    /** Tags for the vault, merged with the role tags policies use. Default: none. */
    tags?: Record<string, string>;
}

/** Why the vault takes no delete lock, for JavaScript callers who still pass one (A17). */
const VAULT_LOCK_RETIRED =
    "a delete lock on the vault is inherited by its replication policies, mappings and protected items and blocks changing or removing them (A17); the vault is guarded by protect and soft delete, and ReplicationStorage's lock puts delete locks on the accounts that hold the replicas";

/** A Recovery Services vault set up for Hyper-V (VMM) to Azure replication. */
export class RecoveryVault extends pulumi.ComponentResource implements VaultReference {
    /** The Recovery Services vault. */
    public readonly vault: recoveryservices.Vault;
    /** Name of the vault, known in a preview; what takes it waits for the vault. */
    public readonly vaultName: pulumi.Output<string>;
    /** Resource id of the vault. */
    public readonly vaultId: pulumi.Output<string>;
    /** Region of the vault. */
    public readonly location: pulumi.Output<string>;
    /** Principal id of the vault's system-assigned identity, which Site Recovery private endpoints need (A13, A16). */
    public readonly principalId: pulumi.Output<string>;

    constructor(name: string, args: RecoveryVaultArgs, opts?: pulumi.ComponentResourceOptions) {
        super("asr-hyperv:index:RecoveryVault", name, {}, opts);

        const storageRedundancy = args.storageRedundancy ?? DEFAULT_VAULT_REDUNDANCY;
        const publicNetworkAccess = args.publicNetworkAccess ?? DEFAULT_VAULT_PUBLIC_NETWORK_ACCESS;
        // Callers in other languages are not type-checked: the rules judge what arrives.
        rejectInvalidArgs(this, `RecoveryVault ${name}`, [
            ["vaultName", azureName("vault", args.vaultName)],
            ["tags", azureTags(args.tags ?? {}, { added: [ROLE_TAG, VAULT_TAG] }).map((problem) => problem.message)],
            ["storageRedundancy", oneOf(storageRedundancy, VAULT_REDUNDANCIES, "A12")],
            ["publicNetworkAccess", oneOf(publicNetworkAccess, Object.values(VaultPublicNetworkAccess), "A13")],
            ["lock", "lock" in args ? `no longer taken: ${VAULT_LOCK_RETIRED}` : undefined],
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

        // The name Azure gives the vault is the one asked for: known in a preview, so what
        // tags itself with it can be paired by policies before anything exists.
        this.vaultName = this.vault.urn.apply(() => args.vaultName);
        this.vaultId = this.vault.id;
        this.location = pulumi.output(args.location);
        // Created with a system-assigned identity, the vault always comes back with its principal id.
        this.principalId = this.vault.identity.apply((identity) => identity?.principalId as string);
        this.registerOutputs({
            vaultName: this.vaultName,
            vaultId: this.vaultId,
            location: this.location,
            principalId: this.principalId,
        });
    }
}
