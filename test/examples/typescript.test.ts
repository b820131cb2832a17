import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logged, runProgram, type RunProgramResult } from "../../engine/language-host";
import { sameRegion } from "../../policies/rules";
import { pack } from "../package/tarball";
import { REPO_ROOT } from "../support/record";

// A new consumer: the TypeScript example copied to a folder of its own, the package
// installed into it from `npm pack` output as a user would, then the program run the way
// Pulumi's Node.js language host runs it (cmd/run, ts-node type-checking under
// node_modules-free sources only).

// A renamed type token or child changes these, and `pulumi up` would replace what they
// name (a storage account holding replicas among them): rename through aliases, then
// update this list.
const EXAMPLE_URNS = [
    "pulumi:pulumi:Stack::asr-hyperv-example-dev",
    "azure-native:resources:ResourceGroup::amsterdam-dr",
    "azure-native:resources:ResourceGroup::dublin-dr",
    "asr-hyperv:index:RecoveryVault::amsterdam-vault",
    "asr-hyperv:index:RecoveryVault::dublin-vault",
    "asr-hyperv:index:RecoveryVault$azure-native:recoveryservices:Vault::amsterdam-vault",
    "asr-hyperv:index:RecoveryVault$azure-native:recoveryservices:Vault::dublin-vault",
    "asr-hyperv:index:ReplicationStorage::amsterdam-storage",
    "asr-hyperv:index:ReplicationStorage::dublin-storage",
    "asr-hyperv:index:ReplicationStorage$azure-native:storage:StorageAccount::amsterdam-storage-standard",
    "asr-hyperv:index:ReplicationStorage$azure-native:storage:StorageAccount::dublin-storage-standard",
    "asr-hyperv:index:FailoverNetwork::amsterdam-network",
    "asr-hyperv:index:FailoverNetwork::dublin-network",
    "asr-hyperv:index:FailoverNetwork$azure-native:network:VirtualNetwork::amsterdam-network-vnet",
    "asr-hyperv:index:FailoverNetwork$azure-native:network:VirtualNetwork::amsterdam-network-test-vnet",
    "asr-hyperv:index:FailoverNetwork$azure-native:network:VirtualNetwork::dublin-network-vnet",
    "asr-hyperv:index:FailoverNetwork$azure-native:network:VirtualNetwork::dublin-network-test-vnet",
    "asr-hyperv:index:FailoverNetwork$azure-native:network:NetworkSecurityGroup::amsterdam-network-nsg-workloads",
    "asr-hyperv:index:FailoverNetwork$azure-native:network:NetworkSecurityGroup::amsterdam-network-nsg-management",
    "asr-hyperv:index:FailoverNetwork$azure-native:network:NetworkSecurityGroup::amsterdam-network-test-nsg-workloads",
    "asr-hyperv:index:FailoverNetwork$azure-native:network:NetworkSecurityGroup::amsterdam-network-test-nsg-management",
    "asr-hyperv:index:FailoverNetwork$azure-native:network:NetworkSecurityGroup::dublin-network-nsg-workloads",
    "asr-hyperv:index:FailoverNetwork$azure-native:network:NetworkSecurityGroup::dublin-network-test-nsg-workloads",
    "asr-hyperv:index:FailoverNetwork$azure-native:network:Subnet::amsterdam-network-subnet-workloads",
    "asr-hyperv:index:FailoverNetwork$azure-native:network:Subnet::amsterdam-network-subnet-management",
    "asr-hyperv:index:FailoverNetwork$azure-native:network:Subnet::amsterdam-network-test-subnet-workloads",
    "asr-hyperv:index:FailoverNetwork$azure-native:network:Subnet::amsterdam-network-test-subnet-management",
    "asr-hyperv:index:FailoverNetwork$azure-native:network:Subnet::dublin-network-subnet-workloads",
    "asr-hyperv:index:FailoverNetwork$azure-native:network:Subnet::dublin-network-test-subnet-workloads",
].map((qualified) => `urn:pulumi:dev::asr-hyperv-example::${qualified}`);

describe("the TypeScript example, installed from the packed tarball", () => {
    const workspace = mkdtempSync(join(tmpdir(), "asr-hyperv-consumer-"));
    const consumer = join(workspace, "example");
    let result: RunProgramResult;

    beforeAll(async () => {
        const { tarball } = pack(workspace);
        cpSync(join(REPO_ROOT, "examples", "typescript"), consumer, { recursive: true, filter: (source) => !source.includes("node_modules") });
        execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball], { cwd: consumer, stdio: "pipe", timeout: 300_000 });
        result = await runProgram({ projectDir: consumer, stack: "dev" });
    }, 420_000);

    afterAll(() => rmSync(workspace, { recursive: true, force: true }));

    it("installs with the consumer's own @pulumi/pulumi and @pulumi/azure-native, nothing of its own", () => {
        const installed = JSON.parse(readFileSync(join(consumer, "node_modules", "asr-hyperv", "package.json"), "utf8")) as { version: string };
        expect(installed.version).toBe("0.1.0");
        expect(existsSync(join(consumer, "node_modules", "asr-hyperv", "node_modules"))).toBe(false);
    });

    it("runs under the language host: two sites, each vault with its storage and networks in its region", () => {
        expect(logged(result.records, "error")).toEqual([]);
        expect(logged(result.records, "warning")).toEqual([]);
        expect(result.exitCode, result.stderr).toBe(0);
        expect(result.hostEnv.PULUMI_NODEJS_TYPESCRIPT).toBe("true");
        const located = result.records.resources.filter((resource) => typeof resource.inputs.location === "string");
        for (const site of [
            { name: "amsterdam", location: "westeurope" },
            { name: "dublin", location: "northeurope" },
        ]) {
            const own = located.filter((resource) => resource.name.startsWith(`${site.name}-`));
            expect(own.map((resource) => resource.type), site.name).toEqual(
                expect.arrayContaining(["azure-native:recoveryservices:Vault", "azure-native:storage:StorageAccount", "azure-native:network:VirtualNetwork"]),
            );
            for (const resource of own) {
                expect(sameRegion(resource.inputs.location as string, site.location), resource.urn).toBe(true);
            }
        }
    });

    it("registers exactly the example's resources, under the URNs they have always had", () => {
        expect(result.records.resources.map((resource) => resource.urn).sort()).toEqual([...EXAMPLE_URNS].sort());
    });

    it("imports without side effects, and only what the package exports", () => {
        const node = (code: string) => spawnSync(process.execPath, ["-e", code], { cwd: consumer, encoding: "utf8" });
        const imported = node('const c = require("asr-hyperv/components"); require("asr-hyperv"); console.log(Object.keys(c).join(" "))');
        expect(imported.stderr).toBe("");
        expect(imported.stdout.trim().split(" ")).toEqual(expect.arrayContaining(["RecoveryVault", "ReplicationStorage", "FailoverNetwork"]));
        expect(node('require("asr-hyperv/config/load")').stderr).toContain("ERR_PACKAGE_PATH_NOT_EXPORTED");
    });

    it("type-checks under the older module resolution too (typesVersions)", () => {
        const args = ["--noEmit", "-p", ".", "--module", "commonjs", "--moduleResolution", "node10", "--ignoreDeprecations", "6.0"];
        const checked = spawnSync(process.execPath, [join(consumer, "node_modules", "typescript", "bin", "tsc"), ...args], { cwd: consumer, encoding: "utf8" });
        expect(checked.stdout + checked.stderr).toBe("");
        expect(checked.status).toBe(0);
    });
});
