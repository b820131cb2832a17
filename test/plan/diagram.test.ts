import { beforeAll, describe, expect, it } from "vitest";
import { renderDiagram } from "../../plan/diagram";
import type { PlanDocument } from "../../plan/document";
import { planJson } from "./support";

describe("renderDiagram", () => {
    let document: PlanDocument;
    let diagram: string;
    beforeAll(() => {
        document = planJson("--stack", "premium").document;
        diagram = renderDiagram(document);
    });

    it("is a Mermaid flowchart in Markdown, boxed by region, resource group and component", () => {
        expect(diagram).toMatch(/^# asr-hyperv\/premium: planned deployment/);
        expect(diagram).toMatch(/```mermaid\nflowchart TB\n {2}subgraph b0\["Region: northeurope"\]\n {4}subgraph b1\["Resource group: rg-asr-dr-premium"\]/);
        expect(diagram).toMatch(/subgraph b\d+\["ReplicationStorage storage"\]/);
    });

    it("shows every Azure resource with its Azure name and key settings", () => {
        for (const resource of document.resources.filter((r) => r.type.startsWith("azure-native:") && r.type !== "azure-native:resources:ResourceGroup")) {
            expect(diagram, resource.name).toContain(resource.name);
        }
        expect(diagram).toMatch(/<b>StorageAccount<\/b> storage-premium<br\/>asrprm\w+<br\/>Premium_LRS<br\/>replication-storage/);
        expect(diagram).toMatch(/<b>Subnet<\/b> network-subnet-sql<br\/>sql<br\/>10\.60\.1\.0\/24/);
    });

    it("links the vault to what it replicates to and fails over into, and each resource to what it depends on", () => {
        const id = (name: string) => new RegExp(`(r\\d+)\\["<b>\\w+</b> ${name}<br/>`).exec(diagram)?.[1];
        expect(diagram).toContain(`${id("vault")} -->|replicates to| ${id("storage-premium")}`);
        expect(diagram).toContain(`${id("vault")} -->|replication logs| ${id("storage-standard")}`);
        expect(diagram).toContain(`${id("vault")} -->|fails over into| ${id("network-vnet")}`);
        expect(diagram).toContain(`${id("network-vnet")} -.-> ${id("network-subnet-sql")}`);
        expect(diagram).toContain(`${id("network-nsg-sql")} -.-> ${id("network-subnet-sql")}`);
    });

    it("puts a lock, placed by scope, beside the storage account it protects (never on the vault, A17)", () => {
        const locked = renderDiagram(planJson("--cwd", "test/fixtures/locked").document);
        expect(locked).not.toMatch(/\[unknown\]|region of the resource group/);
        expect(locked).toMatch(/subgraph b\d+\["ReplicationStorage storage"\]\n\s+r\d+\["<b>StorageAccount<\/b> storage-standard[^\n]*\n\s+r\d+\["<b>ManagementLockByScope<\/b> storage-standard-lock<br\/>[a-z0-9]+-nodelete<br\/>CanNotDelete"\]/);
        expect(locked).not.toMatch(/RecoveryVault vault"\]\n\s+r\d+\["<b>Vault<\/b>[^\n]*\n\s+r\d+\["<b>ManagementLockByScope/);
    });
});
