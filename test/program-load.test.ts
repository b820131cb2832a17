import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { logged, runProgram } from "../engine/language-host";
import { REPO_ROOT } from "./support/record";

// `pulumi up` starts the program through the SDK's cmd/run with Pulumi.yaml's runtime
// options (ts-node, transpile-only). A broken load path fails here, not at a user's desk.
describe("the program loaded as Pulumi's Node.js language host loads it", () => {
    it("previews the dev stack: every resource registered, nothing logged as an error", async () => {
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
        expect(result.records.resources.filter((r) => r.type === "azure-native:network:Subnet")).toHaveLength(6);
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
});
