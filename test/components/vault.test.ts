import { describe, expect, it } from "vitest";
import { RecoveryVault, type RecoveryVaultArgs } from "../../components";
import { DEFAULT_VAULT } from "../support/expected";
import { ofType, only, record } from "../support/record";

describe("RecoveryVault", () => {
    const args = { resourceGroupName: "rg-dr", location: "westeurope", vaultName: "rsv-dr" };

    it("creates a protected Standard vault, geo-redundant, soft delete on, system identity, reachable by the VMM provider", async () => {
        const recording = await record(() => new RecoveryVault("dr", args));
        const vault = only(recording, "azure-native:recoveryservices:Vault");
        expect(vault.name).toBe("dr");
        expect(vault.inputs).toMatchObject({
            ...DEFAULT_VAULT,
            vaultName: "rsv-dr",
            location: "westeurope",
            tags: { "asr-hyperv:role": "vault", "asr-hyperv:vault": "rsv-dr" },
        });
        expect(vault.options.protect).toBe(true);
        expect(vault.parent).toBe(only(recording, "asr-hyperv:index:RecoveryVault").urn);
        expect(ofType(recording, "azure-native:authorization:ManagementLockByScope")).toHaveLength(0);
    });

    it("takes locally redundant storage, private-only access and no protection when asked", async () => {
        const recording = await record(
            () =>
                new RecoveryVault("dr", {
                    ...args,
                    storageRedundancy: "LocallyRedundant",
                    publicNetworkAccess: "Disabled",
                    protect: false,
                    tags: { owner: "dr-team" },
                }),
        );
        const vault = only(recording, "azure-native:recoveryservices:Vault");
        expect(vault.inputs).toMatchObject({
            properties: { publicNetworkAccess: "Disabled", redundancySettings: { standardTierStorageRedundancy: "LocallyRedundant" } },
            tags: { owner: "dr-team" },
        });
        expect(vault.options.protect).toBe(false);
    });

    it("takes no delete lock, which its replication objects would inherit (A17), and says why to callers who pass one", () => {
        const withLock = { ...args, lock: true } as RecoveryVaultArgs;
        expect(() => new RecoveryVault("dr", withLock)).toThrow(
            /^RecoveryVault dr: lock: no longer taken: a delete lock on the vault is inherited by its replication policies, .* \(A17\); the vault is guarded by protect and soft delete, and ReplicationStorage's lock/,
        );
    });

    it("refuses a vault name Azure would reject, naming the argument, against the component", () => {
        expect(() => new RecoveryVault("dr", { ...args, vaultName: "rsv_dr" })).toThrow(
            expect.objectContaining({
                message: expect.stringMatching(/^RecoveryVault dr: vaultName "rsv_dr" may hold only letters, digits and hyphens/),
                resource: expect.any(RecoveryVault),
            }),
        );
    });

    it("refuses choices outside the config's vocabulary, as callers in other languages might pass", () => {
        const choices = { storageRedundancy: "ZoneRedundant", publicNetworkAccess: "disabled" } as unknown as RecoveryVaultArgs;
        expect(() => new RecoveryVault("dr", { ...args, ...choices })).toThrow(
            /^RecoveryVault dr: storageRedundancy "ZoneRedundant" is not allowed; allowed: GeoRedundant, LocallyRedundant \(A12: .*\); publicNetworkAccess "disabled" is not allowed; allowed: Enabled, Disabled \(A13: /,
        );
    });
});
