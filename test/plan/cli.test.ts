import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planDocumentSchema, type PlanDocument } from "../../plan/document";
import { REPO_ROOT } from "../support/record";
import { plan, planJson } from "./support";

const scratch = mkdtempSync(join(tmpdir(), "asr-plan-test-"));

describe("npm run plan", () => {
    it("plans the dev stack: exit 0, every resource with its parent, dependencies and options", () => {
        const { code, stderr, document } = planJson("--stack", "dev");
        expect(code).toBe(0);
        expect(stderr).toBe("");
        expect(document).toMatchObject({ stack: "dev", project: "asr-hyperv" });
        const byName = new Map(document.resources.map((resource) => [resource.name, resource]));
        const vault = document.resources.find((r) => r.type === "asr-hyperv:index:RecoveryVault")!;
        const vaultResource = document.resources.find((r) => r.type === "azure-native:recoveryservices:Vault")!;
        expect(vaultResource.parent).toBe(vault.urn);
        expect(vaultResource.options).toEqual({ protect: true, retainOnDelete: false, ignoreChanges: [], deleteBeforeReplace: false });
        expect(vaultResource.inputs).toMatchObject({ vaultName: "rsv-asr-dr-dev", resourceGroupName: "rg-asr-dr-dev" });
        expect(document.resources.find((r) => r.type === "azure-native:authorization:ManagementLockByScope")).toBeUndefined();
        const subnet = byName.get("network-subnet-data")!;
        expect(subnet.dependencies).toEqual(expect.arrayContaining([byName.get("network-vnet")!.urn, byName.get("network-nsg-data")!.urn]));
        expect(document.summary).toMatchObject({ resources: 23, protected: 2, mandatoryViolations: 0 });
        expect(document.summary.byType["azure-native:network:Subnet"]).toBe(6);
        expect(document.outputs).toMatchObject({ vaultName: "rsv-asr-dr-dev", vaultId: "[unknown]", location: "westeurope" });
        expect(document.violations).toEqual([]);
    });

    it("plans the premium stack: premium data and standard log accounts, both protected", () => {
        const { code, document } = planJson("--stack", "premium");
        expect(code).toBe(0);
        const accounts = document.resources.filter((r) => r.type === "azure-native:storage:StorageAccount");
        expect(accounts.map((a) => [a.name, (a.inputs.sku as { name: string }).name, a.options.protect])).toEqual([
            ["storage-standard", "Standard_GRS", true],
            ["storage-premium", "Premium_LRS", true],
        ]);
        expect(document.resources.find((r) => r.type === "azure-native:recoveryservices:Vault")?.inputs.location).toBe("northeurope");
    });

    it("shows people a tree, the policy verdict, outputs and next steps", () => {
        const { code, stdout } = plan("--stack", "dev");
        expect(code).toBe(0);
        expect(stdout).toMatch(/├─ asr-hyperv:index:RecoveryVault\s+vault/);
        expect(stdout).toMatch(/└─ azure-native:recoveryservices:Vault\s+vault\s+create \(protected\)/);
        expect(stdout).toMatch(/mandatory: none/);
        expect(stdout).toMatch(/vaultId: \(known after deployment\)/);
        expect(stdout).toMatch(/pulumi up --policy-pack policies/);
    });

    it("exits 1 for another team's project with a mandatory violation, naming the resource", () => {
        const { code, document } = planJson("--cwd", "test/fixtures/team-project");
        expect(code).toBe(1);
        const account = document.resources.find((r) => r.name === "team-replicas")!;
        expect(document.violations).toEqual([
            {
                policyName: "storage-in-vault-region",
                enforcementLevel: "mandatory",
                urn: account.urn,
                message: expect.stringMatching(/storage account team-replicas .* of vault team-vault: storage is in "northeurope"/),
            },
        ]);
        expect(plan("--cwd", "test/fixtures/team-project").stdout).toMatch(/\[A1 storage-in-vault-region critical\] azure-native:storage:StorageAccount team-replicas/);
    });

    it("runs a program that exports an async function, as Pulumi does", () => {
        const { code, document } = planJson("--cwd", "test/fixtures/function-export");
        expect(code).toBe(1);
        expect(document.violations.map((v) => v.policyName)).toContain("replication-storage-redundancy");
        expect(document.outputs).toEqual({ account: "[unknown]" });
    });

    it("honours --policy-pack-config", () => {
        const config = join(scratch, "advisory.json");
        writeFileSync(config, JSON.stringify({ "storage-in-vault-region": "advisory" }));
        const { code, document } = planJson("--cwd", "test/fixtures/team-project", "--policy-pack-config", config);
        expect(code).toBe(0);
        expect(document.violations[0]?.enforcementLevel).toBe("advisory");
    });

    it("passes over a pack config entry that names no policy, as pulumi does, with a warning", () => {
        const { code, stderr, document } = planJson("--stack", "dev", "--policy-pack-config", "test/fixtures/unknown-policy-config.json");
        expect(code).toBe(0);
        expect(stderr).toMatch(/warning: policy config: "storage-in-region" names no policy of the pack/);
        expect(document.notes).toEqual([expect.stringMatching(/"storage-in-region" names no policy/)]);
    });

    it.each<[string, string[], RegExp]>([
        ["bad config", ["--stack", "dev", "--cwd", "test/fixtures/bad-config"], /asr-hyperv:storage\.redundancy: "ZRS" is not allowed; allowed: GRS, RAGRS, LRS/],
        ["a stack without a stack file, planned with no config as pulumi would", ["--stack", "prod"], /note: .*Pulumi\.prod\.yaml does not exist[^]*azure-native:location: required/],
        ["an option the policy's schema refuses", ["--policy-pack-config", "test/fixtures/bad-option-config.json"], /bad-option-config\.json: validating policy config: replication-policy-copy-frequency: allowedFrequencies\.0: must be equal to one of the allowed values \(30, 300, 900\)/],
        ["an enforcement level that does not exist", ["--policy-pack-config", "test/fixtures/bad-level-config.json"], /parsing enforcement level for "all": "strict" is not a valid enforcement level/],
        ["an unknown flag", ["--stak", "dev"], /Unknown option '--stak'/],
        ["a project without its packages", ["--cwd", "test/fixtures"], /test\/fixtures: no Pulumi project|Pulumi\.yaml: file not found/],
    ])("exits 2 for %s, saying what is wrong, with no plan", (_, args, message) => {
        const { code, stdout, stderr } = plan(...args);
        expect(code).toBe(2);
        expect(stdout).toBe("");
        expect(stderr).toMatch(message);
    });

    it("plans secrets it can't decrypt as secrets: never the ciphertext, and [secret] wherever a value derives from one", () => {
        const { code, stdout, stderr } = plan("-C", "test/fixtures/secret-config", "-s", "dev", "--json");
        const document = JSON.parse(stdout) as PlanDocument;
        expect(code).toBe(0);
        expect(`${stdout}${stderr}`).not.toMatch(/v1:|ciphertext/);
        expect(document.notes).toEqual([expect.stringMatching(/planned as unknown secrets: secret-config:seed, secret-config:database/)]);
        expect(document.resources.find((r) => r.type === "azure-native:resources:ResourceGroup")?.inputs).toMatchObject({ resourceGroupName: "[secret]", location: "westeurope" });
        expect(document.outputs).toEqual({ groupName: "[unknown]", host: "[secret]", fixed: "rg-fixed" });
    });

    it("handles versioned type tokens like the default version, and fills location from azure-native:location as the provider does", () => {
        const { code, document } = planJson("-C", "test/fixtures/versioned-token", "-s", "dev");
        expect(code).toBe(1);
        expect(document.resources.find((r) => r.name === "vault")?.inputs.location).toBe("westeurope");
        expect(document.violations).toEqual([expect.objectContaining({ policyName: "replication-policy-storage-in-vault-region", message: expect.stringMatching(/lists storage account replicas/) })]);
    });

    it("exits 3 for a program that fails after its first await, pointing at the TypeScript line, never with a partial plan", () => {
        const { code, stdout, stderr } = plan("-C", "test/fixtures/late-failure", "-s", "dev");
        expect(code).toBe(3);
        expect(stdout).toBe("");
        expect(stderr).toMatch(/resource group rg-shared not found\n\s+at existingGroup \(.*late-failure\/index\.ts:7:11\)/);
    });

    it("writes the JSON document to a file with --json <file>, and names a pack path that fits the project planned", () => {
        const file = join(scratch, "plan.json");
        const { code, stdout } = plan("-C", "test/fixtures/team-project", "--json", file);
        expect(code).toBe(1);
        expect(stdout).toMatch(/^Plan for team-dr\/dev/);
        const document = planDocumentSchema.parse(JSON.parse(readFileSync(file, "utf8")));
        expect(document.policyPack).toBe("../../../policies");
        expect(stdout).toMatch(/pulumi up --policy-pack \.\.\/\.\.\/\.\.\/policies/);
    });

    it("runs an ES module program as the host imports it: TypeScript as ESM, NodeNext imports written with .js", () => {
        const { code, document } = planJson("-C", "test/fixtures/esm-program", "-s", "dev");
        expect(code).toBe(0);
        expect(document.outputs).toEqual({ name: "rg-esm-dev", id: "[unknown]" });
    });

    it("refuses TypeScript inside node_modules, as Pulumi's host does: a consumer of a package that ships only .ts fails with exit 3", () => {
        const project = mkdtempSync(join(tmpdir(), "asr-plan-consumer-"));
        writeFileSync(join(project, "Pulumi.yaml"), "name: consumer\nruntime: nodejs\n");
        writeFileSync(join(project, "index.ts"), 'import { region } from "ts-only";\nexport const where = region;\n');
        mkdirSync(join(project, "node_modules", "ts-only"), { recursive: true });
        writeFileSync(join(project, "node_modules", "ts-only", "package.json"), '{ "name": "ts-only", "main": "index.ts" }');
        writeFileSync(join(project, "node_modules", "ts-only", "index.ts"), 'export const region: string = "westeurope";\n');
        symlinkSync(join(REPO_ROOT, "node_modules", "@pulumi"), join(project, "node_modules", "@pulumi"));
        const { code, stderr } = plan("-C", project, "-s", "dev");
        expect(code).toBe(3);
        expect(stderr).toMatch(/ts-only\/index\.ts: TypeScript inside node_modules: Pulumi's Node\.js host won't compile it/);
    });

    it("puts no credential in the stack's outputs or the plan: no account key, SAS, connection string or vault credentials", () => {
        for (const stack of ["dev", "premium"]) {
            const { stdout } = plan("-s", stack, "--json");
            const document = JSON.parse(stdout) as PlanDocument;
            expect(JSON.stringify(document.outputs)).not.toMatch(/AccountKey=|SharedAccessSignature|[?&]sig=|-----BEGIN|password|RSVaultAsrCreds|clientSecret/i);
            expect(stdout).not.toMatch(/AccountKey=|SharedAccessSignature|-----BEGIN|RSVaultAsrCreds/);
        }
    });

    it("writes the diagram where --diagram says", () => {
        const file = join(scratch, "plan.md");
        expect(plan("--stack", "dev", "--diagram", file).code).toBe(0);
        expect(readFileSync(file, "utf8")).toMatch(/```mermaid\nflowchart TB/);
        expect(plan("--diagram", join(scratch, "no-such-dir", "plan.md")).stderr).toMatch(/--diagram: can't write/);
    });

});
