import { describe, expect, it } from "vitest";
import { readStack } from "../../engine/project";
import type { RecordedResource, Recording } from "../../engine/recorder";
import { REPO_ROOT, ofType, only, recordStack, stackOutputs } from "../support/record";
import { largeSite } from "./large-site";
import { PORTAL_POLICY_INPUT } from "../support/expected";

const T = {
    policy: "azure-native:recoveryservices:ReplicationPolicy",
    containerMapping: "azure-native:recoveryservices:ReplicationProtectionContainerMapping",
    networkMapping: "azure-native:recoveryservices:ReplicationNetworkMapping",
    item: "azure-native:recoveryservices:ReplicationProtectedItem",
    plan: "azure-native:recoveryservices:ReplicationRecoveryPlan",
    account: "azure-native:storage:StorageAccount",
};

const siteConfig = readStack(REPO_ROOT, "site").config;
const names = JSON.parse(siteConfig["asr-hyperv:site"]!).names as { fabricName: string; clouds: { Gold: { containerName: string } } };

function byName(recording: Recording, type: string, name: string): RecordedResource {
    const found = ofType(recording, type).find((resource) => resource.name === name);
    if (found === undefined) {
        throw new Error(`no ${type} ${name}`);
    }
    return found;
}

/** Whether `resource` waits for `other`, directly or through the components between (what the engine orders by). */
function waitsFor(recording: Recording, resource: RecordedResource, other: RecordedResource): boolean {
    const byUrn = new Map(recording.resources.map((each) => [each.urn, each]));
    const seen = new Set<string>();
    const walk = (urn: string): boolean => {
        if (urn === other.urn || byUrn.get(urn)?.parent === other.urn) {
            return true;
        }
        if (seen.has(urn)) {
            return false;
        }
        seen.add(urn);
        const current = byUrn.get(urn);
        return (current?.dependencies ?? []).some(walk);
    };
    return resource.dependencies.some(walk);
}

describe("phase 1 (no site configured)", () => {
    it("creates the replication policy with the portal's settings, and nothing of phase 2", async () => {
        const recording = await recordStack("dev");
        expect(only(recording, T.policy).inputs).toMatchObject({
            policyName: "hyperv-to-azure",
            resourceName: "rsv-asr-dr-dev",
            properties: {
                providerSpecificInput: PORTAL_POLICY_INPUT,
            },
        });
        // Managed-disk replicas: a policy that lists a storage account has failed with an internal error (asr-phase2 section 6).
        expect((only(recording, T.policy).inputs.properties as { providerSpecificInput: object }).providerSpecificInput).not.toHaveProperty("storageAccounts");
        for (const type of [T.containerMapping, T.networkMapping, T.item, T.plan]) {
            expect(ofType(recording, type), type).toHaveLength(0);
        }
    });

    it("says which account is for what, and what to do before phase 2", async () => {
        const outputs = stackOutputs(await recordStack("dev"));
        expect(outputs.replicaStorage).toMatchObject({ replicas: "ManagedDisks", dataAccount: null, logAccount: { name: expect.stringMatching(/^asrstd/) } });
        expect(outputs.replication).toBeNull();
        const steps = outputs.nextSteps as string[];
        expect(steps[1]).toMatch(/registration key.*Get-AzRecoveryServicesVaultSettingsFile -SiteRecovery.*valid 5 days, a credential/);
        expect(steps.join(" ")).not.toMatch(/-----BEGIN|<Certificate/);
    });

    it("lists the data account in the policy with storage-account replicas (R7)", async () => {
        const recording = await recordStack("premium");
        const premium = ofType(recording, T.account).find((account) => account.name === "storage-premium")!;
        const { providerSpecificInput } = only(recording, T.policy).inputs.properties as { providerSpecificInput: { storageAccounts: string[] } };
        expect(providerSpecificInput.storageAccounts).toEqual([expect.stringContaining(`storageAccounts/${premium.inputs.accountName as string}`)]);
        expect(stackOutputs(recording).replicaStorage).toMatchObject({ replicas: "StorageAccount", dataAccount: { name: premium.inputs.accountName }, logAccount: { name: expect.stringMatching(/^asrstd/) } });
    });
});

describe("phase 2 (the site stack, ARM names from config)", () => {
    it("maps the cloud to its policy, with Azure as the target, protected from deletion", async () => {
        const recording = await recordStack("site");
        const mapping = only(recording, T.containerMapping);
        expect(mapping.inputs).toMatchObject({
            fabricName: names.fabricName,
            protectionContainerName: names.clouds.Gold.containerName,
            mappingName: "Gold-to-azure",
            properties: { targetProtectionContainerId: "Microsoft Azure", providerSpecificInput: { instanceType: "" } },
        });
        expect(mapping.options.protect).toBe(true);
        expect(waitsFor(recording, mapping, only(recording, T.policy))).toBe(true);
    });

    it("maps the VM network to the failover network (VmmToAzure)", async () => {
        const recording = await recordStack("site");
        const mapping = only(recording, T.networkMapping);
        expect(mapping.inputs).toMatchObject({
            networkName: "5e1f3b6a-7c8d-4e9f-8a0b-1c2d3e4f5a6b",
            networkMappingName: "Contoso-Prod",
            properties: {
                recoveryFabricName: "Microsoft Azure",
                recoveryNetworkId: expect.stringMatching(/\/virtualNetworks\/vnet-asr-hyperv-site$/),
                fabricSpecificDetails: { instanceType: "VmmToAzure" },
            },
        });
        expect(waitsFor(recording, mapping, byName(recording, "azure-native:network:VirtualNetwork", "network-vnet"))).toBe(true);
    });

    it("protects each VM onto managed disks with the log account, into the subnet A9 chooses, after both mappings", async () => {
        const recording = await recordStack("site");
        const sql = byName(recording, T.item, "vm-sql01");
        const log = only(recording, T.account);
        expect(sql.inputs).toMatchObject({
            replicatedProtectedItemName: "2b9c1f3e-5d4a-4e6b-8c7d-9e0f1a2b3c4d",
            properties: {
                providerSpecificDetails: {
                    instanceType: "HyperVReplicaAzure",
                    vmName: "sql01",
                    osType: "Windows",
                    vhdId: "7c1e9a2b-3d4f-4a5b-9c6d-1e2f3a4b5c6d",
                    targetAzureSubnetId: "sql",
                    targetVmSize: "Standard_E4s_v5",
                    licenseType: "WindowsServer",
                    useManagedDisksForReplication: "true",
                    diskType: "StandardSSD_LRS",
                    disksToIncludeForManagedDisks: [
                        { diskId: "7c1e9a2b-3d4f-4a5b-9c6d-1e2f3a4b5c6d", diskType: "StandardSSD_LRS" },
                        { diskId: "8d2f0b3c-4e5a-4b6c-8d7e-2f3a4b5c6d7e", diskType: "StandardSSD_LRS" },
                        { diskId: "9e3a1c4d-5f6b-4c7d-9e8f-3a4b5c6d7e8f", diskType: "StandardSSD_LRS" },
                    ],
                    logStorageAccountId: expect.stringContaining(`storageAccounts/${log.inputs.accountName as string}`),
                    targetAzureV2ResourceGroupId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-asr-dr-site",
                },
            },
        });
        expect(sql.options.protect).toBe(true);
        expect(waitsFor(recording, sql, only(recording, T.containerMapping))).toBe(true);
        expect(waitsFor(recording, sql, only(recording, T.networkMapping))).toBe(true);
        expect((byName(recording, T.item, "vm-web01").inputs.properties as { providerSpecificDetails: object }).providerSpecificDetails).toMatchObject({ targetAzureSubnetId: "web" });
    });

    it("starts the cloud's VMs in their boot groups, its test failovers aimed at the isolated network (A10)", async () => {
        const recording = await recordStack("site");
        const plan = only(recording, T.plan);
        const groups = (plan.inputs.properties as { groups: { groupType: string; replicationProtectedItems: { virtualMachineId: string }[] }[] }).groups;
        expect(plan.inputs.recoveryPlanName).toBe("gold-failover");
        expect(groups.map((group) => [group.groupType, group.replicationProtectedItems.map((item) => item.virtualMachineId)])).toEqual([
            ["Shutdown", []],
            ["Failover", []],
            ["Boot", ["2b9c1f3e-5d4a-4e6b-8c7d-9e0f1a2b3c4d"]],
            ["Boot", ["3c0d2a4f-6e5b-4f7c-9d8e-0f1a2b3c4d5e"]],
        ]);
        expect(waitsFor(recording, plan, byName(recording, T.item, "vm-web01"))).toBe(true);
        const outputs = stackOutputs(recording) as {
            replication: { clouds: { Gold: { recoveryPlan: { name: string; testFailoverNetworkId: string } } } };
            testVirtualNetwork: { id: string };
            nextSteps: unknown;
        };
        expect(outputs.replication.clouds.Gold.recoveryPlan).toMatchObject({ name: "gold-failover", testFailoverNetworkId: outputs.testVirtualNetwork.id });
        expect(outputs.testVirtualNetwork.id).toMatch(/\/virtualNetworks\/vnet-asr-hyperv-site-test$/);
        expect(outputs.nextSteps).toBeNull();
    });

    it("keeps every phase-1 URN when phase 2 is added", async () => {
        const urns = (recording: Recording) => new Set(recording.resources.map((resource) => resource.urn.replace("::site::", "::S::")));
        const withoutSite = await recordStack("site", { "asr-hyperv:site": undefined });
        const withSite = urns(await recordStack("site"));
        for (const urn of urns(withoutSite)) {
            expect(withSite.has(urn), urn).toBe(true);
        }
    });

    it("fails VMs over into another existing resource group when asked", async () => {
        const section = JSON.parse(siteConfig["asr-hyperv:site"]!) as Record<string, unknown>;
        const recording = await recordStack("site", { "asr-hyperv:site": JSON.stringify({ ...section, targetResourceGroupName: "rg-dr-vms" }) });
        for (const item of ofType(recording, T.item)) {
            expect((item.inputs.properties as { providerSpecificDetails: { targetAzureV2ResourceGroupId: string } }).providerSpecificDetails.targetAzureV2ResourceGroupId).toBe(
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dr-vms",
            );
        }
    });

    it("stops, creating nothing, when Site Recovery reports more data disks than it replicates and config lists none (V4)", async () => {
        const section = JSON.parse(siteConfig["asr-hyperv:site"]!) as { names: { clouds: { Gold: { vms: { web01: { disks: Record<string, string> } } } } } };
        const disks = section.names.clouds.Gold.vms.web01.disks;
        for (let n = 0; n < 17; n++) {
            disks[`web01-data${n}.vhdx`] = `data-${n}`;
        }
        await expect(recordStack("site", { "asr-hyperv:site": JSON.stringify(section) })).rejects.toThrow(
            /asr-hyperv:site\.clouds\[0\]\.vms\[1\]\.dataDisks: "web01" has 17 data disks and Site Recovery replicates at most 16 \(V4: .*\); list the ones to replicate/,
        );
    });

    it("stops, creating nothing, when config names no OS disk and Site Recovery reports none", async () => {
        const section = JSON.parse(siteConfig["asr-hyperv:site"]!) as { clouds: { vms: Record<string, unknown>[] }[]; names: { clouds: { Gold: { vms: { web01: Record<string, unknown> } } } } };
        delete section.clouds[0]!.vms[1]!.osDisk;
        delete section.names.clouds.Gold.vms.web01.osDisk;
        await expect(recordStack("site", { "asr-hyperv:site": JSON.stringify(section) })).rejects.toThrow(
            /asr-hyperv:site\.clouds\[0\]\.vms\[1\]\.osDisk: Site Recovery reports no OS disk for "web01" \(disks: "web01-os\.vhdx"\); name it/,
        );
    });
});

describe("a large site (50 clouds, 500 VMs, 2,000 disks)", () => {
    it("plans every mapping, protected VM, disk and recovery plan", async () => {
        const recording = await recordStack("site", largeSite());
        expect(ofType(recording, T.policy)).toHaveLength(2);
        expect(ofType(recording, T.containerMapping)).toHaveLength(50);
        expect(ofType(recording, T.networkMapping)).toHaveLength(2);
        expect(ofType(recording, T.plan)).toHaveLength(50);
        const items = ofType(recording, T.item);
        expect(items).toHaveLength(500);
        const disks = items.flatMap((item) => (item.inputs.properties as { providerSpecificDetails: { disksToIncludeForManagedDisks: unknown[] } }).providerSpecificDetails.disksToIncludeForManagedDisks);
        expect(disks).toHaveLength(2000);
        const plan = byName(recording, T.plan, "recovery-plan-Cloud-0");
        expect((plan.inputs.properties as { groups: unknown[] }).groups).toHaveLength(2 + 7);
    });
});
