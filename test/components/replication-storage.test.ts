import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { RecoveryVault, ReplicationStorage, type ReplicationStorageArgs } from "../../components";
import { azureName } from "../../policies/rules";
import { SECURE_PAGE_BLOB_ACCOUNT } from "../support/expected";
import { ofType, only, record } from "../support/record";

describe("ReplicationStorage", () => {
    const args = { resourceGroupName: "rg-dr", location: "westeurope", vault: { vaultName: "rsv-dr", location: "West Europe" } };

    it("by default creates one protected, geo-redundant, secure StorageV2 account: the log account of managed-disk replicas", async () => {
        const recording = await record(() => new ReplicationStorage("replicas", args));
        const account = only(recording, "azure-native:storage:StorageAccount");
        expect(account.name).toBe("replicas-standard");
        expect(account.parent).toBe(only(recording, "asr-hyperv:index:ReplicationStorage").urn);
        expect(account.options.protect).toBe(true);
        expect(account.inputs).toMatchObject({
            ...SECURE_PAGE_BLOB_ACCOUNT,
            sku: { name: "Standard_GRS" },
            tags: { "asr-hyperv:role": "replication-log-storage", "asr-hyperv:vault": "rsv-dr" },
        });
        expect(account.inputs.networkRuleSet).toBeUndefined();
        expect(azureName("storageAccount", account.inputs.accountName as string)).toBeUndefined();
        expect(ofType(recording, "azure-native:authorization:ManagementLockByScope")).toEqual([]);
    });

    it("holds the replicas in the standard account when asked, which the policy then lists (R7)", async () => {
        const recording = await record(() => new ReplicationStorage("replicas", { ...args, replicas: "StorageAccount" }));
        const account = only(recording, "azure-native:storage:StorageAccount");
        expect((account.inputs.tags as Record<string, string>)["asr-hyperv:role"]).toBe("replication-storage");
        const outputs = recording.outputs.get(only(recording, "asr-hyperv:index:ReplicationStorage").urn)!;
        expect(outputs.replicas).toBe("StorageAccount");
        expect(outputs.dataAccountId).toMatch(/storageAccounts\/asrstd/);
        expect(outputs.logAccountId).toBeUndefined();
        expect(outputs.replicationStorageAccountIds).toEqual([outputs.dataAccountId]);
    });

    it("allows shared key access explicitly, which Site Recovery's cache storage needs, so no changed default turns it off", async () => {
        const recording = await record(() => new ReplicationStorage("replicas", { ...args, performance: "Premium" }));
        const accounts = ofType(recording, "azure-native:storage:StorageAccount");
        expect(accounts.map((account) => account.inputs.allowSharedKeyAccess)).toEqual([true, true]);
    });

    it("with lock puts a CanNotDelete lock on each account, where it blocks no change to replication objects (A17)", async () => {
        const recording = await record(() => new ReplicationStorage("replicas", { ...args, performance: "Premium", lock: true }));
        const accounts = ofType(recording, "azure-native:storage:StorageAccount");
        const locks = ofType(recording, "azure-native:authorization:ManagementLockByScope");
        expect(locks.map((lock) => [lock.name, lock.inputs.level, lock.inputs.lockName])).toEqual(
            accounts.map((account) => [`${account.name}-lock`, "CanNotDelete", `${account.inputs.accountName}-nodelete`]),
        );
        locks.forEach((lock, index) => {
            expect(lock.inputs.scope).toMatch(new RegExp(`/providers/Microsoft\\.Storage/storageAccounts/${accounts[index]!.inputs.accountName}$`));
            expect(lock.dependencies).toContain(accounts[index]!.urn);
        });
    });

    it("with premium performance adds a premium data account and keeps a standard one for logs (A6)", async () => {
        const recording = await record(() => new ReplicationStorage("replicas", { ...args, performance: "Premium", redundancy: "LRS" }));
        const accounts = ofType(recording, "azure-native:storage:StorageAccount");
        expect(accounts.map((a) => [a.name, (a.inputs.sku as { name: string }).name])).toEqual([
            ["replicas-standard", "Standard_LRS"],
            ["replicas-premium", "Premium_LRS"],
        ]);
        expect(accounts[0]!.inputs.tags).toMatchObject({ "asr-hyperv:role": "replication-log-storage" });
        expect(accounts[1]!.inputs.tags).toMatchObject({ "asr-hyperv:role": "replication-storage" });
    });

    it("with a firewall denies by default and always lets trusted Microsoft services through (A11)", async () => {
        const recording = await record(
            () => new ReplicationStorage("replicas", { ...args, firewall: { ipRules: ["203.0.113.0/24"] } }),
        );
        expect(only(recording, "azure-native:storage:StorageAccount").inputs.networkRuleSet).toEqual({
            defaultAction: "Deny",
            bypass: "AzureServices",
            ipRules: [{ iPAddressOrRange: "203.0.113.0/24", action: "Allow" }],
            virtualNetworkRules: [],
        });
    });

    it("names accounts from organization, project, stack, component and role: stable, and distinct per component", async () => {
        const names = async () =>
            ofType(
                await record(() => [
                    new ReplicationStorage("a", { ...args, performance: "Premium" }),
                    new ReplicationStorage("b", args),
                ]),
                "azure-native:storage:StorageAccount",
            ).map((a) => a.inputs.accountName as string);
        const first = await names();
        expect(new Set(first).size).toBe(3);
        expect(await names()).toEqual(first);
    });

    it("takes the RecoveryVault itself: in its region, tagged with its name even in a preview, created after it", async () => {
        const recording = await record(
            () => {
                const vault = new RecoveryVault("dr", { resourceGroupName: "rg-dr", location: "northeurope", vaultName: "rsv-dr" });
                return new ReplicationStorage("replicas", { resourceGroupName: "rg-dr", vault });
            },
            { preview: true },
        );
        const account = only(recording, "azure-native:storage:StorageAccount");
        expect(account.inputs).toMatchObject({ location: "northeurope", tags: { "asr-hyperv:vault": "rsv-dr" } });
        expect(account.dependencies).toContain(only(recording, "azure-native:recoveryservices:Vault").urn);
    });

    it("takes the resource group, region and firewall subnets as outputs, and judges them once known", async () => {
        const subnetId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s";
        const recording = await record(
            () =>
                new ReplicationStorage("replicas", {
                    ...args,
                    resourceGroupName: pulumi.output("rg-dr"),
                    location: pulumi.output("westeurope"),
                    firewall: { subnetIds: [pulumi.output(subnetId)] },
                }),
        );
        expect(only(recording, "azure-native:storage:StorageAccount").inputs).toMatchObject({
            resourceGroupName: "rg-dr",
            location: "westeurope",
            networkRuleSet: { virtualNetworkRules: [{ virtualNetworkResourceId: subnetId, action: "Allow" }] },
        });
    });

    it("refuses a region other than the vault's (A1), naming the argument, against the component", () => {
        expect(() => new ReplicationStorage("replicas", { ...args, location: "northeurope" })).toThrow(
            expect.objectContaining({
                message: expect.stringMatching(/^ReplicationStorage replicas: location: storage is in "northeurope" but the vault is in "West Europe" \(A1/),
                resource: expect.any(ReplicationStorage),
            }),
        );
    });

    it("refuses a redundancy Site Recovery doesn't support (A3), in the words of its argument", () => {
        const zrs = { redundancy: "ZRS" } as unknown as ReplicationStorageArgs;
        expect(() => new ReplicationStorage("replicas", { ...args, ...zrs })).toThrow(
            /^ReplicationStorage replicas: redundancy "ZRS" is not allowed; allowed: GRS, RAGRS, LRS \(A3: /,
        );
    });

    it("refuses premium performance with managed-disk replicas, where the premium account would hold nothing (A6)", () => {
        expect(() => new ReplicationStorage("replicas", { ...args, performance: "Premium", replicas: "ManagedDisks" })).toThrow(
            /^ReplicationStorage replicas: replicas: ManagedDisks keeps replicas on managed disks, so a premium account would hold nothing/,
        );
    });
});
