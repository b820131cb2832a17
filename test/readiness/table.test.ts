import { describe, expect, it } from "vitest";
import { checkReadiness } from "../../readiness/check";
import { inventorySchema } from "../../readiness/inventory";
import { readinessRows, readinessSummary, readinessTable } from "../../readiness/table";
import { compliantInventory, largeInventory } from "./examples";

function findingsWithProblems() {
    const input = compliantInventory();
    const server = input.vmmServers[0]!;
    server.hosts![1]!.updates = { kb2961977: false };
    server.hosts![0]!.hostGroup = "All Hosts\\Lab";
    server.vms![1]!.disks[0]!.bitlocker = true;
    return checkReadiness(inventorySchema.parse(input), { region: "westeurope" });
}

describe("readinessTable", () => {
    it("shows a line per subject meeting every fact, and each warning or error with the key to change", () => {
        expect(readinessTable(readinessRows(findingsWithProblems()))).toBe(
            [
                "Readiness (on-premises, against the support matrix of 2026-05-05):",
                "  kind    name               result   facts",
                "  server  vmm01.contoso.com  pass     P1 P2 P3 A14",
                "  cloud   Gold               pass     P2",
                '  host    hv01.contoso.com   warning  P5  host group "All Hosts\\\\Lab" is in no cloud of vmm01.contoso.com: VMs on this host can\'t be protected; add the group (or one above it) to a cloud in VMM (SEED 07/24/2017)',
                "                                          at asr-hyperv:onPremises.vmmServers[0].hosts[0].hostGroup",
                "                             pass     P4 P6 P7",
                "  host    hv02.contoso.com   warning  P4  lacks KB 2961977 (https://support.microsoft.com/kb/2961977), which Windows Server 2012 R2 hosts need (SEED 07/24/2017): replication of its VMs fails without it; install it, then set updates.kb2961977: true",
                "                                          at asr-hyperv:onPremises.vmmServers[0].hosts[1].updates.kb2961977",
                "                             pass     P5 P6 P7",
                '  VM      app01              error    P5  runs on hv01.contoso.com, whose host group "All Hosts\\\\Lab" is not in cloud "Gold" (host groups: "All Hosts\\\\Production"), so Site Recovery doesn\'t list the VM under the cloud: Azure refuses its protected item before anything is created: the protectable item is not found',
                "                                          at asr-hyperv:onPremises.vmmServers[0].vms[0].host",
                "                             pass     P2 V1 V2 V3 V4 V5 V6 V7",
                '  VM      db01               warning  V5  the enable-protection job\'s prerequisites check fails: disk "db01-os.vhd" is protected by BitLocker, which Site Recovery doesn\'t replicate (SM26 05/05/2026); disable BitLocker before enabling replication',
                "                                          at asr-hyperv:onPremises.vmmServers[0].vms[1].disks[0].bitlocker",
                "                             pass     P5 P2 V1 V2 V3 V4 V6 V7",
                "Readiness: 6 subjects: 2 pass, 3 with warnings (fail later, as each says), 1 with errors (refused before anything is created)",
            ].join("\n"),
        );
    });

    it("keeps a large site to a line per subject that passes", () => {
        const table = readinessTable(readinessRows(checkReadiness(largeInventory(), { region: "westeurope" })));
        expect(table.split("\n")).toHaveLength(1 + 1 + 652 + 15 * 2 + 1);
        expect(table).toMatch(/Readiness: 652 subjects: 637 pass, 15 with warnings \(fail later, as each says\), 0 with errors/);
    });
});

describe("readinessRows", () => {
    it("gives the plan's JSON document a row per finding", () => {
        const rows = readinessRows(findingsWithProblems());
        expect(rows).toHaveLength(4 + 1 + 4 + 4 + 9 + 9);
        expect(rows.find((row) => row.level === "error")).toEqual({
            kind: "vm",
            name: "app01",
            path: "asr-hyperv:onPremises.vmmServers[0].vms[0]",
            key: "asr-hyperv:onPremises.vmmServers[0].vms[0].host",
            level: "error",
            fact: "P5",
            message: expect.stringMatching(/^runs on hv01\.contoso\.com/),
        });
        expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
    });
});

describe("readinessSummary", () => {
    it("counts each subject once, at its worst finding", () => {
        expect(readinessSummary(readinessRows(findingsWithProblems()))).toEqual({ subjects: 6, pass: 2, warning: 3, error: 1 });
    });
});
