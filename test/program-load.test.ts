import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { logged, runProgram } from "../engine/language-host";
import { readStack } from "../engine/project";
import { REPO_ROOT } from "./support/record";

// `pulumi up` starts the program through the SDK's cmd/run with Pulumi.yaml's runtime
// options (ts-node, transpile-only). A broken load path fails here, not at a user's desk.

// The dev stack as the engine names it. A renamed type token or child changes these, and
// `pulumi up` would replace what they name (the vault, a storage account holding
// replicas): rename through aliases, then update this list.
const DEV_URNS = [
    "pulumi:pulumi:Stack::asr-hyperv-dev",
    "azure-native:resources:ResourceGroup::resource-group",
    "asr-hyperv:index:RecoveryVault::vault",
    "asr-hyperv:index:RecoveryVault$azure-native:recoveryservices:Vault::vault",
    "asr-hyperv:index:ReplicationStorage::storage",
    "asr-hyperv:index:ReplicationStorage$azure-native:storage:StorageAccount::storage-standard",
    "asr-hyperv:index:FailoverNetwork::network",
    "asr-hyperv:index:HyperVReplicationPolicy::policy-hyperv-to-azure",
    "asr-hyperv:index:HyperVReplicationPolicy$azure-native:recoveryservices:ReplicationPolicy::policy-hyperv-to-azure",
    "asr-hyperv:index:FailoverNetwork$azure-native:network:VirtualNetwork::network-vnet",
    "asr-hyperv:index:FailoverNetwork$azure-native:network:VirtualNetwork::network-test-vnet",
    ...["workloads", "data", "management"].flatMap((subnet) => [
        `asr-hyperv:index:FailoverNetwork$azure-native:network:NetworkSecurityGroup::network-nsg-${subnet}`,
        `asr-hyperv:index:FailoverNetwork$azure-native:network:NetworkSecurityGroup::network-test-nsg-${subnet}`,
        `asr-hyperv:index:FailoverNetwork$azure-native:network:Subnet::network-subnet-${subnet}`,
        `asr-hyperv:index:FailoverNetwork$azure-native:network:Subnet::network-test-subnet-${subnet}`,
    ]),
].map((qualified) => `urn:pulumi:dev::asr-hyperv::${qualified}`);
describe("the program loaded as Pulumi's Node.js language host loads it", () => {
    it("previews the dev stack: its 23 resources under the URNs they have always had, nothing logged as an error", async () => {
        const result = await runProgram({
            projectDir: REPO_ROOT,
            stack: "dev",
            env: { NODE_OPTIONS: `--require ${join(__dirname, "support", "report-ts-node.cjs")}` },
        });
        expect(logged(result.records, "error")).toEqual([]);
        expect(logged(result.records, "warning")).toEqual([]);
        expect(result.exitCode, result.stderr).toBe(0);
        expect(result.hostEnv.PULUMI_NODEJS_TYPESCRIPT).toBe("true");
        expect(result.stderr).toContain("ts-node type-checks: false");
        const [vault, ...others] = result.records.resources.filter((r) => r.type === "azure-native:recoveryservices:Vault");
        expect(others).toEqual([]);
        expect(vault?.protect).toBe(true);
        expect(vault?.inputs).toMatchObject({ vaultName: "rsv-asr-dr-dev", location: "westeurope" });
        expect(vault?.urn).toBe("urn:pulumi:dev::asr-hyperv::asr-hyperv:index:RecoveryVault$azure-native:recoveryservices:Vault::vault");
        expect(result.records.resources.map((r) => r.urn).sort()).toEqual([...DEV_URNS].sort());
        const stack = result.records.resources.find((r) => r.type === "pulumi:pulumi:Stack");
        expect(Object.keys(result.records.outputs.get(stack?.urn ?? "") ?? {})).toEqual(expect.arrayContaining(["vaultName", "vaultId", "subnetIds"]));
    });

    it("stops with the config error, before registering any Azure resource", async () => {
        const result = await runProgram({
            projectDir: REPO_ROOT,
            stack: "dev",
            config: { "asr-hyperv:storage": JSON.stringify({ redundancy: "ZRS" }) },
        });
        expect(result.exitCode).not.toBe(0);
        expect(logged(result.records, "error").join("\n")).toMatch(/asr-hyperv:storage\.redundancy: "ZRS" is not allowed; allowed: GRS, RAGRS, LRS/);
        expect(result.records.resources.filter((r) => r.type.startsWith("azure-native:"))).toEqual([]);
    });

    it("previews both phases of the site stack: each protected VM after its cloud's mapping, nothing logged as an error", async () => {
        const result = await runProgram({ projectDir: REPO_ROOT, stack: "site" });
        expect(logged(result.records, "error")).toEqual([]);
        expect(result.exitCode, result.stderr).toBe(0);
        const items = result.records.resources.filter((r) => r.type === "azure-native:recoveryservices:ReplicationProtectedItem");
        expect(items.map((item) => item.urn.split("::").pop()).sort()).toEqual(["vm-sql01", "vm-web01"]);
        const mapping = result.records.resources.find((r) => r.type === "azure-native:recoveryservices:ReplicationProtectionContainerMapping")!;
        for (const item of items) {
            expect(Object.values(item.propertyDependencies).flat()).toContain(mapping.urn);
        }
    });

    it("stops with what to do when the site names a disk the VM doesn't have, before registering any Azure resource", async () => {
        const site = JSON.parse(readStack(REPO_ROOT, "site").config["asr-hyperv:site"]!) as { clouds: { vms: { dataDisks?: string[] }[] }[] };
        site.clouds[0]!.vms[0]!.dataDisks = ["sql01-data.vhdx", "sql01-dat.vhdx"];
        const result = await runProgram({ projectDir: REPO_ROOT, stack: "site", config: { "asr-hyperv:site": JSON.stringify(site) } });
        expect(result.exitCode).not.toBe(0);
        expect(logged(result.records, "error").join("\n")).toMatch(/asr-hyperv:site: Site Recovery names for "vmm01\.contoso\.com" in the configured Site Recovery names:\s+- disk "sql01-dat\.vhdx" not found in VM "sql01" \(there: .*\); did you mean "sql01-data\.vhdx"\?/);
        expect(result.records.resources.filter((r) => r.type.startsWith("azure-native:"))).toEqual([]);
    });
});
