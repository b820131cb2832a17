import { beforeAll, describe, expect, it } from "vitest";
import type { PlanDocument } from "../../plan/document";
import { renderText } from "../../plan/render-text";
import { planJson } from "./support";

describe("renderText", () => {
    let document: PlanDocument;
    beforeAll(() => {
        document = planJson("--cwd", "test/fixtures/team-project").document;
    });

    it("draws the preview tree, counts and protection", () => {
        const text = renderText(document);
        expect(text).toMatch(/^Plan for team-dr\/dev \(offline preview: no Azure, no Pulumi CLI\)/);
        expect(text).toMatch(/\+ {3}pulumi:pulumi:Stack +team-dr-dev +create\n \+ {3}├─ azure-native:recoveryservices:Vault +team-vault +create \(protected\)\n \+ {3}└─ azure-native:storage:StorageAccount +team-replicas +create \(protected\)/);
        expect(text).toMatch(/Resources: 2 Azure resources to create \(2 protected\), with 1 components including the stack/);
    });

    it("groups violations by level with their fact ids and resource, then outputs and next steps", () => {
        const text = renderText(document);
        expect(text).toMatch(/ {2}mandatory: 1\n {4}\[A1 storage-in-vault-region critical\] azure-native:storage:StorageAccount team-replicas\n {6}storage account team-replicas/);
        expect(text).toMatch(/ {2}advisory: none/);
        // An account's name is not among its inputs: a preview doesn't know it yet.
        expect(text).toMatch(/Outputs:\n {2}replicaAccount: \(known after deployment\)/);
        expect(text).toMatch(/Fix the mandatory violations above/);
    });

    it("labels each violation with the facts its policy declares, none for a baseline policy", () => {
        const [account] = document.resources.filter((resource) => resource.type === "azure-native:storage:StorageAccount");
        const violation = (policyName: string) => ({ policyName, enforcementLevel: "advisory" as const, urn: account!.urn, message: "m" });
        const text = renderText({ ...document, violations: [violation("replication-storage-secure-transport"), violation("premium-storage-copy-frequency")] });
        expect(text).toContain("[replication-storage-secure-transport high] azure-native:storage:StorageAccount team-replicas");
        expect(text).toContain("[R2 premium-storage-copy-frequency high] azure-native:storage:StorageAccount team-replicas");
    });

    it("marks outputs known only after deployment", () => {
        const text = renderText({ ...document, outputs: { id: "[unknown]", network: { id: "[unknown]", name: "vnet" } } });
        expect(text).toContain("id: (known after deployment)");
        expect(text).toContain('network: {"id":"[unknown]","name":"vnet"} (parts known after deployment)');
    });
});
