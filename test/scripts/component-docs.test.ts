import { describe, expect, it } from "vitest";
import { componentsMarkdown, type PackageSchema } from "../../scripts/component-docs";

// The real schema's page is checked against the component provider's answer in
// test/components/index.test.ts; this shows how a schema reads as Markdown.
const SCHEMA: PackageSchema = {
    name: "asr-hyperv",
    version: "0.1.0",
    resources: {
        "asr-hyperv:index:Widget": {
            type: "object",
            isComponent: true,
            description: "A widget.",
            inputProperties: {
                size: { $ref: "#/types/asr-hyperv:index:Size", plain: true, description: "How big.\nDefault: \"Small\"." },
                subnetIds: { type: "array", items: { type: "string" }, plain: true, optional: true, description: "Ids | more. Default: none." },
                group: { type: "string", description: "Resource group." },
            },
            requiredInputs: ["group"],
            properties: {
                vault: { $ref: "/azure-native/v3.28.0/schema.json#/resources/azure-native:recoveryservices:Vault", description: "The vault." },
                logId: { type: "string", description: "Log id." },
            },
            required: ["vault"],
        },
    },
    types: { "asr-hyperv:index:Size": { type: "string", enum: [{ name: "Small", value: "Small" }, { name: "Large", value: "Large" }] } },
};
const EXAMPLE = "resources:\n  w:\n    type: asr-hyperv:index:Widget\n    properties:\n      group: rg\n  other:\n    type: azure-native:resources:ResourceGroup\n";

describe("docs/components.md as written from a schema", () => {
    const page = componentsMarkdown(SCHEMA, EXAMPLE);

    it("has a row per argument: its type, whether it takes outputs, its default apart from its description", () => {
        expect(page).toContain('| `size` | [Size](#size) |  |  | "Small" | How big. |');
        expect(page).toContain("| `subnetIds` | list of string |  | each item | none | Ids \\| more. |");
        expect(page).toContain("| `group` | string | yes | yes |  | Resource group. |");
    });

    it("names the Azure resources outputs refer to, and says which outputs may be absent", () => {
        expect(page).toContain("| `vault` | resource `azure-native:recoveryservices:Vault` | The vault. |");
        expect(page).toContain("| `logId` | string (may be absent) | Log id. |");
    });

    it("shows the component's part of the YAML example, and each enum's values", () => {
        expect(page).toContain("```yaml\nresources:\n  w:\n    type: asr-hyperv:index:Widget\n    properties:\n      group: rg\n```");
        expect(page).not.toContain("azure-native:resources:ResourceGroup");
        expect(page).toContain("### Size\n\nOne of: `Small`, `Large`.");
    });
});
