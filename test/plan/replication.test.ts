import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dump, load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/record";
import { plan, planJson } from "./support";

const scratch = mkdtempSync(join(tmpdir(), "asr-plan-replication-"));
const ITEM = "azure-native:recoveryservices:ReplicationProtectedItem";

/** A project that runs our program with the site stack, its ARM names left to discovery. */
function discoveryProject(): string {
    const dir = mkdtempSync(join(scratch, "discovery-"));
    writeFileSync(join(dir, "Pulumi.yaml"), dump({ name: "asr-hyperv", runtime: { name: "nodejs", options: { typescript: true } }, main: join(REPO_ROOT, "index.ts") }));
    const stack = load(readFileSync(join(REPO_ROOT, "Pulumi.site.yaml"), "utf8")) as { config: Record<string, { names?: unknown }> };
    delete stack.config["asr-hyperv:site"]!.names;
    writeFileSync(join(dir, "Pulumi.site.yaml"), dump(stack));
    symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"));
    return dir;
}

describe("the plan's replication view", () => {
    it("in phase 1 shows the policy, where replicas land, and the steps before phase 2", () => {
        const { code, document } = planJson("--stack", "dev");
        expect(code).toBe(0);
        expect(document.replication).toMatchObject({
            phase: 1,
            replicas: "ManagedDisks",
            namesFrom: null,
            policies: [{ name: "hyperv-to-azure", copyFrequencySeconds: 300, recoveryPointRetentionHours: 2, appConsistentFrequencyHours: 1 }],
            clouds: [],
        });
        expect(document.replication?.nextSteps.join("\n")).toMatch(/registration key[^\n]*valid 5 days[\s\S]*Synchronize cloud metadata[\s\S]*Recovery Services agent[\s\S]*asr-hyperv:site/);
        const { stdout } = plan("--stack", "dev");
        expect(stdout).toMatch(/Replication \(phase 1\): replicas on managed disks, the standard account holding the logs/);
        expect(stdout).toMatch(/Before phase 2:\n\s+1\. Private endpoints/);
    });

    it("in phase 2 shows each cloud's policy and plan, and each VM's target", () => {
        const { code, document, stderr } = planJson("--stack", "site");
        expect(code, stderr).toBe(0);
        expect(document.replication).toMatchObject({
            phase: 2,
            namesFrom: "config",
            clouds: [
                {
                    name: "Gold",
                    policy: "gold-5min",
                    recoveryPlan: "gold-failover",
                    vms: [
                        { name: "sql01", targetVmName: "sql01", targetSubnet: "sql", diskType: "StandardSSD_LRS", osDisk: "sql01-os.vhdx", dataDisks: ["sql01-data.vhdx", "sql01-log.vhdx"], bootGroup: 1 },
                        { name: "web01", targetSubnet: "web", dataDisks: null, bootGroup: 2 },
                    ],
                },
            ],
            nextSteps: [],
        });
        expect(document.notes.join("\n")).not.toMatch(/placeholders/);
        expect(document.violations).toEqual([]);
        expect(plan("--stack", "site").stdout).toMatch(/cloud Gold: policy gold-5min, recovery plan gold-failover\n\s+sql01 -> sql01 in sql, StandardSSD_LRS, OS disk and 2 data disk\(s\), boot group 1/);
    });

    it("plans phase 2 offline against placeholders where pulumi preview would ask the vault, and says so", () => {
        const { code, document, stderr } = planJson("-C", discoveryProject(), "--stack", "site");
        expect(code, stderr).toBe(0);
        expect(document.replication?.namesFrom).toBe("vault");
        expect(document.notes.join("\n")).toMatch(/phase 2: pulumi preview looks up the ARM names .* placeholders such as "<container of Gold>"/);
        const web = document.resources.find((resource) => resource.type === ITEM && resource.name === "vm-web01")!;
        expect(web.inputs).toMatchObject({ replicatedProtectedItemName: "<protectable item of web01>", protectionContainerName: "<container of Gold>" });
    });

    it("with --state warns of each protected VM and cloud mapping pulumi up would purge", () => {
        const { document: site } = planJson("--stack", "site");
        const kept = site.resources.find((resource) => resource.type === ITEM)!;
        const dropped = kept.urn.replace(/::vm-[^:]+$/, "::vm-app07");
        const state = join(scratch, "state.json");
        writeFileSync(
            state,
            JSON.stringify({
                version: 3,
                deployment: {
                    resources: [
                        { urn: kept.urn, type: ITEM, custom: true, protect: true },
                        { urn: dropped, type: ITEM, custom: true, protect: true },
                        { urn: dropped.replace("vm-app07", "vm-old").replace(ITEM, "azure-native:network:Subnet"), type: "azure-native:network:Subnet", custom: true },
                    ],
                },
            }),
        );
        const { code, document } = planJson("--stack", "site", "--state", state);
        expect(code).toBe(0);
        expect(document.removals).toEqual([
            {
                urn: dropped,
                type: ITEM,
                name: "vm-app07",
                protected: true,
                message: expect.stringMatching(/^vm-app07 is no longer configured: azure-native deletes a protected item with Purge.*disable replication first.*pulumi state delete --force '/),
            },
        ]);
        expect(plan("--stack", "site", "--state", state).stdout).toMatch(/Purged by pulumi up \(in the deployed stack, no longer configured\):\n {2}vm-app07/);
    });

    it("refuses a --state file that is no stack export, saying how to write one", () => {
        const state = join(scratch, "not-state.json");
        writeFileSync(state, JSON.stringify({ resources: [] }));
        const { code, stderr } = plan("--stack", "site", "--state", state);
        expect(code).toBe(2);
        expect(stderr).toMatch(/--state .*not-state\.json: not a stack export \(no deployment\.resources\); write one with pulumi stack export --file/);
    });
});
