import { describe, expect, it } from "vitest";
import { runProgram } from "../../engine/language-host";
import { REPO_ROOT } from "../support/record";
import { planJson } from "./support";

// The plan's URNs are the ones violations carry and the ones `pulumi up` writes to state:
// they must be the engine's, not those of the SDK's mock monitor (which keeps the stack's
// type in its children's and qualifies a child by its parent's last type only).
describe("the plan's URNs", () => {
    it("are the URNs the engine gives the program's resources when the language host runs it", async () => {
        const { document } = planJson("-s", "dev");
        const hosted = await runProgram({ projectDir: REPO_ROOT, stack: "dev" });
        expect(hosted.exitCode, hosted.stderr).toBe(0);
        expect(document.resources.map((resource) => resource.urn).sort()).toEqual(hosted.records.resources.map((resource) => resource.urn).sort());
        expect(document.resources.map((resource) => resource.urn)).toContain("urn:pulumi:dev::asr-hyperv::asr-hyperv:index:RecoveryVault$azure-native:recoveryservices:Vault::vault");
    });
});
