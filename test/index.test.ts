import { describe, expect, it } from "vitest";
import { azureName, sameRegion } from "../policies/rules";
import { ROLE_TAG } from "../policies/rules/role-tags";
import { DEFAULT_VAULT, SECURE_PAGE_BLOB_ACCOUNT } from "./support/expected";
import type { Recording } from "../engine/recorder";
import { analyze } from "./policies/support/fixtures";
import { ofType, only, recordStack, stackOutputs } from "./support/record";

const PREMIUM = JSON.stringify({ performance: "Premium", redundancy: "LRS" });

describe("the dev stack", () => {
    it("puts the vault, storage and networks in the configured region", async () => {
        const recording = await recordStack("dev");
        const located = recording.resources.filter((resource) => typeof resource.inputs.location === "string");
        expect(located.length).toBeGreaterThanOrEqual(6);
        for (const resource of located) {
            expect(sameRegion(resource.inputs.location as string, "westeurope"), resource.urn).toBe(true);
        }
    });

    it("creates a Standard vault, geo-redundant from the start, with soft delete and an identity", async () => {
        const vault = only(await recordStack("dev"), "azure-native:recoveryservices:Vault");
        expect(vault.inputs).toMatchObject({ ...DEFAULT_VAULT, vaultName: "rsv-asr-dr-dev" });
        expect(vault.options.protect).toBe(true);
    });

    it("creates one secure, geo-redundant, page-blob-capable account, the log account of managed-disk replicas", async () => {
        const accounts = ofType(await recordStack("dev"), "azure-native:storage:StorageAccount");
        expect(accounts).toHaveLength(1);
        expect(accounts[0]!.inputs).toMatchObject({
            ...SECURE_PAGE_BLOB_ACCOUNT,
            sku: { name: "Standard_GRS" },
            tags: { [ROLE_TAG]: "replication-log-storage", costCenter: "dr" },
        });
        expect(accounts[0]!.options.protect).toBe(true);
    });

    it("gives every resource a name Azure accepts", async () => {
        const recording = await recordStack("dev");
        const names: [Parameters<typeof azureName>[0], string, string][] = [
            ["resourceGroup", "azure-native:resources:ResourceGroup", "resourceGroupName"],
            ["vault", "azure-native:recoveryservices:Vault", "vaultName"],
            ["storageAccount", "azure-native:storage:StorageAccount", "accountName"],
            ["virtualNetwork", "azure-native:network:VirtualNetwork", "virtualNetworkName"],
            ["subnet", "azure-native:network:Subnet", "subnetName"],
            ["networkSecurityGroup", "azure-native:network:NetworkSecurityGroup", "networkSecurityGroupName"],
        ];
        for (const [kind, type, input] of names) {
            const resources = ofType(recording, type);
            expect(resources.length, type).toBeGreaterThan(0);
            for (const resource of resources) {
                expect(azureName(kind, resource.inputs[input] as string), resource.urn).toBeUndefined();
            }
        }
    });

    it("derives the same physical names on every evaluation", async () => {
        const names = (recording: Awaited<ReturnType<typeof recordStack>>) =>
            recording.resources.map((resource) => [resource.urn, resource.inputs.accountName ?? resource.inputs.vaultName ?? null]);
        expect(names(await recordStack("dev"))).toEqual(names(await recordStack("dev")));
    });

    it("parents every Azure resource to the component that made it; only the group hangs off the stack", async () => {
        const recording = await recordStack("dev");
        const owner: Record<string, string> = {
            "azure-native:recoveryservices:Vault": "RecoveryVault",
            "azure-native:storage:StorageAccount": "ReplicationStorage",
            "azure-native:network:VirtualNetwork": "FailoverNetwork",
            "azure-native:network:Subnet": "FailoverNetwork",
            "azure-native:network:NetworkSecurityGroup": "FailoverNetwork",
            "azure-native:recoveryservices:ReplicationPolicy": "HyperVReplicationPolicy",
            "azure-native:resources:ResourceGroup": "pulumi:pulumi:Stack",
        };
        const typeOf = new Map(recording.resources.map((r) => [r.urn, r.type]));
        const azure = recording.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"));
        expect(azure).toHaveLength(18);
        for (const resource of azure) {
            const parentType = typeOf.get(resource.parent ?? "") ?? "";
            expect(parentType.replace("asr-hyperv:index:", ""), resource.urn).toBe(owner[resource.type]);
            if (parentType !== "pulumi:pulumi:Stack") {
                expect(resource.name, resource.urn).toMatch(new RegExp(`^${only(recording, parentType).name}(-|$)`));
            }
        }
    });

    it("builds the failover subnets from config, each with its own NSG, and a mirrored test network", async () => {
        const recording = await recordStack("dev");
        const subnets = ofType(recording, "azure-native:network:Subnet").map((s) => `${s.inputs.subnetName} ${s.inputs.addressPrefix}`);
        expect(subnets.sort()).toEqual([
            "data 10.50.2.0/24",
            "data 10.99.2.0/24",
            "management 10.50.10.0/24",
            "management 10.99.10.0/24",
            "workloads 10.50.1.0/24",
            "workloads 10.99.1.0/24",
        ]);
        expect(ofType(recording, "azure-native:network:NetworkSecurityGroup")).toHaveLength(6);
        expect(ofType(recording, "azure-native:network:VirtualNetworkPeering")).toHaveLength(0);
    });

    it("exports what a user needs next", async () => {
        const outputs = stackOutputs(await recordStack("dev"));
        expect(outputs).toMatchObject({
            location: "westeurope",
            resourceGroup: "rg-asr-dr-dev",
            vaultName: "rsv-asr-dr-dev",
            virtualNetworkName: "vnet-asr-dr-dev",
            storagePerformance: "Standard",
        });
        expect(outputs.vaultId).toMatch(/\/providers\/Microsoft\.RecoveryServices\/vaults\/rsv-asr-dr-dev$/);
        expect(outputs.replicaStorage).toMatchObject({ replicas: "ManagedDisks", dataAccount: null, logAccount: { id: expect.stringMatching(/storageAccounts\/asrstd/) } });
        expect(Object.keys(outputs.subnetIds as object).sort()).toEqual(["data", "management", "workloads"]);
        const test = outputs.testVirtualNetwork as { name: string; subnetIds: Record<string, string> };
        expect(test.name).toBe("vnet-asr-dr-dev-test");
        expect(Object.keys(test.subnetIds).sort()).toEqual(["data", "management", "workloads"]);
        expect(test.subnetIds.workloads).toMatch(/virtualNetworks\/vnet-asr-dr-dev-test\/subnets\/workloads$/);
    });
});

describe("a premium stack", () => {
    it("adds a premium account for data and keeps the standard account for logs, same names as before", async () => {
        const standard = await recordStack("dev");
        const premium = await recordStack("dev", { "asr-hyperv:storage": PREMIUM });
        const accounts = ofType(premium, "azure-native:storage:StorageAccount");
        expect(accounts.map((a) => [a.name, (a.inputs.sku as { name: string }).name, (a.inputs.tags as Record<string, string>)[ROLE_TAG]])).toEqual([
            ["storage-standard", "Standard_LRS", "replication-log-storage"],
            ["storage-premium", "Premium_LRS", "replication-storage"],
        ]);
        const standardName = only(standard, "azure-native:storage:StorageAccount").inputs.accountName;
        expect(accounts[0]!.inputs.accountName).toBe(standardName);
        for (const account of accounts) {
            expect(account.inputs).toMatchObject(SECURE_PAGE_BLOB_ACCOUNT);
            expect(account.options.protect).toBe(true);
        }
        const outputs = stackOutputs(premium);
        expect(outputs.replicaStorage).toEqual({
            replicas: "StorageAccount",
            dataAccount: { name: accounts[1]!.inputs.accountName, id: expect.stringMatching(/storageAccounts\/asrprm/) },
            logAccount: { name: standardName, id: expect.stringMatching(/storageAccounts\/asrstd/) },
        });
    });
});

describe("config choices", () => {
    it("uses an existing resource group without creating one", async () => {
        const recording = await recordStack("dev", { "asr-hyperv:existingResourceGroup": "true" });
        expect(ofType(recording, "azure-native:resources:ResourceGroup")).toHaveLength(0);
        expect(only(recording, "azure-native:recoveryservices:Vault").inputs.resourceGroupName).toBe("rg-asr-dr-dev");
    });

    it("locks the storage accounts when asked, and never the vault, whose replication objects would inherit the lock (A17)", async () => {
        expect(ofType(await recordStack("dev"), "azure-native:authorization:ManagementLockByScope")).toEqual([]);
        const storage = JSON.stringify({ performance: "Premium", redundancy: "LRS", lock: true });
        const locks = ofType(await recordStack("dev", { "asr-hyperv:storage": storage }), "azure-native:authorization:ManagementLockByScope");
        expect(locks).toHaveLength(2);
        for (const lock of locks) {
            expect(lock.inputs.level).toBe("CanNotDelete");
            expect(lock.inputs.scope).toMatch(/\/providers\/Microsoft\.Storage\/storageAccounts\/asr(std|prm)[a-z0-9]+$/);
        }
    });

    it("allows shared key access on the accounts explicitly, which Site Recovery's cache storage needs", async () => {
        const storage = JSON.stringify({ performance: "Premium", redundancy: "LRS" });
        const accounts = ofType(await recordStack("dev", { "asr-hyperv:storage": storage }), "azure-native:storage:StorageAccount");
        expect(accounts.map((account) => account.inputs.allowSharedKeyAccess)).toEqual([true, true]);
    });

    it("lets the user opt out of protection", async () => {
        const recording = await recordStack("dev", { "asr-hyperv:protect": "false" });
        expect(only(recording, "azure-native:recoveryservices:Vault").options.protect).toBe(false);
        expect(only(recording, "azure-native:storage:StorageAccount").options.protect).toBe(false);
    });

    it("accepts a region's display name and normalizes it", async () => {
        const recording = await recordStack("dev", { "azure-native:location": "West Europe" });
        expect(only(recording, "azure-native:recoveryservices:Vault").inputs.location).toBe("westeurope");
    });
});

describe("a stack with private replication", () => {
    // In a preview, as the plan runs: the vault's identity (its principal id) exists only once Azure made it.
    const PRIVATE = {
        "asr-hyperv:vault": JSON.stringify({ name: "rsv-asr-dr-dev", publicNetworkAccess: "Disabled" }),
        "asr-hyperv:storage": JSON.stringify({ performance: "Premium", redundancy: "LRS", firewall: {} }),
        "asr-hyperv:privateReplication": JSON.stringify({ subnet: "management", blob: true }),
    };
    const urnOf = (recording: Recording, type: string, name: string) => ofType(recording, type).find((resource) => resource.name === name)!.urn;

    it("with private replication connects the vault and gives its identity the roles it needs on every account (A16)", async () => {
        const recording = await recordStack("dev", PRIVATE, true);
        const vault = only(recording, "azure-native:recoveryservices:Vault");
        const subnet = ofType(recording, "azure-native:network:Subnet").find((each) => each.name === "network-subnet-management")!;
        const endpoints = ofType(recording, "azure-native:network:PrivateEndpoint");
        expect(endpoints.map((endpoint) => endpoint.name)).toEqual(["private-replication-site-recovery", "private-replication-standard-blob", "private-replication-premium-blob"]);
        for (const endpoint of endpoints) {
            expect(endpoint.propertyDependencies.subnet, endpoint.name).toContain(subnet.urn);
        }
        expect(endpoints[0]!.propertyDependencies.privateLinkServiceConnections).toContain(vault.urn);
        const assignments = ofType(recording, "azure-native:authorization:RoleAssignment");
        expect(assignments.map((assignment) => [assignment.name, assignment.propertyDependencies.scope])).toEqual([
            ["private-replication-standard-contributor", [urnOf(recording, "azure-native:storage:StorageAccount", "storage-standard")]],
            ["private-replication-standard-blob-data-contributor", [urnOf(recording, "azure-native:storage:StorageAccount", "storage-standard")]],
            ["private-replication-premium-contributor", [urnOf(recording, "azure-native:storage:StorageAccount", "storage-premium")]],
            ["private-replication-premium-blob-data-owner", [urnOf(recording, "azure-native:storage:StorageAccount", "storage-premium")]],
        ]);
        for (const assignment of assignments) {
            expect(assignment.propertyDependencies.principalId, assignment.name).toEqual([vault.urn]);
        }
    });

    it("is created after the vault, storage and network, and says the VMM server registers only after it", async () => {
        const recording = await recordStack("dev", PRIVATE, true);
        const component = only(recording, "asr-hyperv:index:PrivateReplication");
        for (const type of ["azure-native:recoveryservices:Vault", "azure-native:storage:StorageAccount", "azure-native:network:Subnet"]) {
            for (const resource of ofType(recording, type)) {
                expect(component.dependencies, resource.urn).toContain(resource.urn);
            }
        }
        expect(stackOutputs(recording).privateReplication).toMatchObject({
            registerAfter: expect.stringMatching(/^register the VMM server with the vault only after this stack is up/),
        });
        expect(stackOutputs(await recordStack("dev")).privateReplication).toBeNull();
    });

    it("gets no violation from the policy pack, with the vault closed and the firewall admitting hosts only through blob endpoints", async () => {
        const recording = await recordStack("dev", PRIVATE, true);
        const analysis = await analyze(recording.resources, { outputs: recording.outputs });
        expect(analysis.violations).toEqual([]);
    });

    it("puts the endpoints in a subnet named by id, and links that subnet's network to the DNS zones", async () => {
        const hub = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/hub";
        const recording = await recordStack("dev", { "asr-hyperv:privateReplication": JSON.stringify({ subnetId: `${hub}/subnets/endpoints` }) }, true);
        expect(only(recording, "azure-native:network:PrivateEndpoint").inputs.subnet).toMatchObject({ id: `${hub}/subnets/endpoints` });
        expect(only(recording, "azure-native:privatedns:VirtualNetworkLink").inputs).toMatchObject({ virtualNetwork: { id: hub }, virtualNetworkLinkName: "link-hub" });
    });
});
