import { describe, expect, it } from "vitest";
import type { RecordedResource } from "../../engine/recorder";
import { TYPES, account, idOf, network, networkMapping, protectedItem, replicationPolicy, resource, untaggedAccount, vault, violations } from "./support/fixtures";

// Stacks other teams write, tied to their vault by tags or by references only, judged as
// `pulumi preview` presents them (inputs to Analyze, preview outputs to AnalyzeStack) and
// once Azure has created them (Azure's answers to AnalyzeStack). Values follow the Azure
// REST spec examples (recoveryservicessiterecovery) and the Site Recovery quickstart
// templates.

const plainNetwork = (name: string, location = "westeurope") =>
    resource(TYPES.vnet, name, { virtualNetworkName: name, resourceGroupName: "rg-dr", location, addressSpace: { addressPrefixes: ["10.60.0.0/16"] } });

/** A vault no tag marks: only its Hyper-V children make it one. */
const plainVault = (name = "rsv-dr", location = "westeurope", properties: Record<string, unknown> = { redundancySettings: { standardTierStorageRedundancy: "GeoRedundant" } }) =>
    resource(TYPES.vault, name, { vaultName: name, resourceGroupName: "rg-dr", location, sku: { name: "Standard" }, properties });

/** A site tied by references only: a policy listing its account, a mapping to its network, a protected item using both. */
function referencedSite(options: { account?: RecordedResource; log?: RecordedResource; network?: RecordedResource; interval?: number; policyType?: string } = {}): RecordedResource[] {
    const data = options.account ?? untaggedAccount("replicas");
    const target = options.network ?? plainNetwork("vnet-recovery");
    const policy = replicationPolicy("hyperv-policy", { replicationInterval: options.interval ?? 300, recoveryPointHistoryDuration: 2 }, { accounts: [data] });
    const typed = options.policyType === undefined ? policy : { ...policy, type: options.policyType };
    const item = protectedItem("vm-app01", {
        targetStorageAccountId: idOf(data),
        targetAzureNetworkId: idOf(target),
        ...(options.log === undefined ? {} : { logStorageAccountId: idOf(options.log) }),
    });
    return [plainVault(), data, ...(options.log === undefined ? [] : [options.log]), target, typed, networkMapping("vmm-to-azure", target), item];
}

const premium = () => untaggedAccount("premium-replicas", { sku: { name: "Premium_LRS" }, kind: "StorageV2" });

const CASES: [string, () => RecordedResource[], string[]][] = [
    ["a compliant site tied by tags", () => [vault(), account("replicas"), network("vnet-recovery"), network("vnet-test", { addressSpace: { addressPrefixes: ["10.99.0.0/16"] } }, "test-failover-network")], []],
    ["a compliant site tied by references only", () => referencedSite(), []],
    // Reported once, on the policy that lists it, though the protected item targets it too.
    ["a listed account in another region (A1)", () => referencedSite({ account: untaggedAccount("replicas", { location: "northeurope" }) }), ["replication-policy-storage-in-vault-region"]],
    [
        "a protected item's target account in another region (A1)",
        () => [...referencedSite(), protectedItem("vm-app02", { targetStorageAccountId: idOf(untaggedAccount("far", { location: "northeurope" })) }), untaggedAccount("far", { location: "northeurope" })],
        ["storage-in-vault-region"],
    ],
    ["a mapped network in another region (A2)", () => referencedSite({ network: plainNetwork("vnet-recovery", "eastus") }), ["network-in-vault-region"]],
    ["a listed ZRS account (A3)", () => referencedSite({ account: untaggedAccount("replicas", { sku: { name: "Standard_ZRS" } }) }), ["replication-storage-by-reference"]],
    ["a listed GZRS account (A3)", () => referencedSite({ account: untaggedAccount("replicas", { sku: { name: "Standard_GZRS" } }) }), ["replication-storage-by-reference"]],
    ["a listed block-blob account (A7)", () => referencedSite({ account: untaggedAccount("replicas", { kind: "BlockBlobStorage", sku: { name: "Premium_LRS" } }) }), ["premium-storage-has-log-account", "replication-storage-by-reference"]],
    ["a listed account on TLS 1.0 (transport)", () => referencedSite({ account: untaggedAccount("replicas", { minimumTlsVersion: "TLS1_0" }) }), ["replication-storage-by-reference"]],
    ["premium replicas without a log account (A6)", () => referencedSite({ account: premium() }), ["premium-storage-has-log-account"]],
    ["premium replicas with the protected item's standard log account (A6)", () => referencedSite({ account: premium(), log: untaggedAccount("logs") }), []],
    ["30-second copies to a premium account (R2)", () => referencedSite({ account: premium(), log: untaggedAccount("logs"), interval: 30 }), ["premium-storage-copy-frequency"]],
    ["a Hyper-V vault without stated redundancy (A12)", () => [plainVault("rsv-dr", "westeurope", {}), ...referencedSite().slice(1)], ["vault-redundancy-set-at-creation"]],
    [
        "two sites in two regions, each with its own storage and network",
        () => [
            vault("rsv-weu", "westeurope"),
            account("st-weu", {}, "replication-storage", "rsv-weu"),
            network("vnet-weu", {}, "failover-network", "rsv-weu"),
            vault("rsv-neu", "northeurope"),
            account("st-neu", { location: "northeurope" }, "replication-storage", "rsv-neu"),
            network("vnet-neu", { location: "northeurope" }, "failover-network", "rsv-neu"),
        ],
        [],
    ],
    [
        "unrelated resources beside a compliant site",
        () => [...referencedSite(), untaggedAccount("diagnostics", { location: "eastus", sku: { name: "Standard_ZRS" }, minimumTlsVersion: "TLS1_0" }), plainNetwork("corp", "eastus")],
        [],
    ],
    [
        "an Azure-to-Azure site (the quickstart template): cache account and network elsewhere, no Hyper-V finding",
        () => {
            const cache = untaggedAccount("cache", { location: "eastus", sku: { name: "Standard_ZRS" } });
            const recovery = plainNetwork("vnet-recovery", "eastus");
            const policy = resource(TYPES.policy, "a2a-policy", {
                resourceName: "rsv-dr",
                resourceGroupName: "rg-dr",
                policyName: "a2a-policy",
                properties: { providerSpecificInput: { instanceType: "A2A", recoveryPointHistory: 1440, appConsistentFrequencyInMinutes: 240, multiVmSyncStatus: "Enable" } },
            });
            return [plainVault("rsv-dr", "westeurope", {}), cache, recovery, policy, networkMapping("a2a-mapping", recovery, { instanceType: "AzureToAzure" })];
        },
        [],
    ],
    ["a Backup vault that states no redundancy", () => [plainVault("rsv-backup", "westeurope", {})], []],
    [
        "versioned type tokens",
        () =>
            referencedSite({
                account: { ...untaggedAccount("replicas", { location: "northeurope" }), type: "azure-native:storage/v20230501:StorageAccount" },
                policyType: "azure-native:recoveryservices/v20241001:ReplicationPolicy",
            }),
        ["replication-policy-storage-in-vault-region"],
    ],
];

describe("foreign stacks, as the engine presents them", () => {
    describe.each([
        ["in a preview", false],
        ["once deployed", true],
    ])("%s", (_, deployed) => {
        it.each(CASES)("%s", async (_name, stack, expected) => {
            const found = await violations(stack(), { deployed });
            expect([...new Set(found.filter((violation) => violation.enforcementLevel === "mandatory").map((violation) => violation.policyName))].sort()).toEqual(expected);
        });
    });
});
