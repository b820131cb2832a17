import { ROLE_TAG, VAULT_TAG, tagNamesVault } from "../policies/rules/role-tags";
import { azureResourceName, text } from "../engine/azure-mocks";
import type { PlanDocument, PlannedResource } from "./document";

const ROLE_LINKS: Record<string, string> = {
    "replication-storage": "replicates to",
    "replication-log-storage": "replication logs",
    "failover-network": "fails over into",
    "test-failover-network": "test failover",
};

/** Resources the vault's arrows point at; NSGs and subnets carry role tags too but hang off their network. */
const LINKED_TYPES = new Set(["azure-native:storage:StorageAccount", "azure-native:network:VirtualNetwork"]);

function shortType(type: string): string {
    return type.split(":").pop() ?? type;
}

function detail(resource: PlannedResource): string[] {
    const inputs = resource.inputs as Record<string, Record<string, unknown> | undefined>;
    const role = text(inputs.tags?.[ROLE_TAG]);
    const parts = [
        text(inputs.sku?.name),
        text((inputs.properties?.redundancySettings as Record<string, unknown> | undefined)?.standardTierStorageRedundancy),
        Array.isArray(inputs.addressSpace?.addressPrefixes) ? (inputs.addressSpace.addressPrefixes as string[]).join(", ") : undefined,
        text(inputs.addressPrefix as unknown),
        text(inputs.level as unknown),
        role === "vault" ? undefined : role,
    ];
    return parts.filter((part): part is string => part !== undefined);
}

function label(resource: PlannedResource): string {
    const azureName = azureResourceName(resource.type, resource.name, resource.inputs);
    const lines = [`<b>${shortType(resource.type)}</b> ${resource.name}`, azureName, ...detail(resource)];
    return lines.join("<br/>").replace(/"/g, "#quot;");
}

/**
 * The deployment as a Mermaid flowchart in Markdown, for a pull request: region, resource
 * group and component as nested boxes, each Azure resource with its name and key
 * settings, and the links between them (what the vault replicates to and fails over into,
 * and what each resource depends on).
 */
export function renderDiagram(document: PlanDocument): string {
    const azure = document.resources.filter(
        (resource) => !resource.type.startsWith("pulumi:") && resource.type !== "azure-native:resources:ResourceGroup" && document.resources.every((r) => r.parent !== resource.urn),
    );
    const ids = new Map(azure.map((resource, index) => [resource.urn, `r${index}`]));
    const components = new Map(document.resources.filter((r) => !azure.includes(r)).map((r) => [r.urn, r]));
    const groupLocation = new Map(
        document.resources
            .filter((r) => r.type === "azure-native:resources:ResourceGroup")
            .map((r) => [text(r.inputs.resourceGroupName) ?? r.name, text(r.inputs.location)]),
    );

    // A resource placed by scope (a lock) sits where the resource it depends on sits.
    const byUrn = new Map(azure.map((resource) => [resource.urn, resource]));
    const groupOf = (resource: PlannedResource, seen = new Set<string>()): string | undefined => {
        const own = text(resource.inputs.resourceGroupName);
        if (own !== undefined || seen.has(resource.urn)) {
            return own;
        }
        seen.add(resource.urn);
        for (const dependency of resource.dependencies) {
            const group = byUrn.has(dependency) ? groupOf(byUrn.get(dependency)!, seen) : undefined;
            if (group !== undefined) {
                return group;
            }
        }
        return undefined;
    };
    const regionOf = (resource: PlannedResource, group: string): string =>
        text(resource.inputs.location) ??
        resource.dependencies.map((urn) => text(byUrn.get(urn)?.inputs.location)).find((location) => location !== undefined) ??
        groupLocation.get(group) ??
        "(region of the resource group)";

    const nested = new Map<string, Map<string, Map<string, PlannedResource[]>>>();
    for (const resource of azure) {
        const group = groupOf(resource) ?? "(resource group unknown)";
        const region = regionOf(resource, group);
        const component = components.get(resource.parent ?? "");
        const box = component && component.type !== "pulumi:pulumi:Stack" ? `${shortType(component.type)} ${component.name}` : "";
        const regions = nested.get(region) ?? new Map<string, Map<string, PlannedResource[]>>();
        const groups = regions.get(group) ?? new Map<string, PlannedResource[]>();
        groups.set(box, [...(groups.get(box) ?? []), resource]);
        regions.set(group, groups);
        nested.set(region, regions);
    }

    const lines = ["flowchart TB"];
    let box = 0;
    for (const [region, groups] of nested) {
        lines.push(`  subgraph b${box++}["Region: ${region}"]`);
        for (const [group, byComponent] of groups) {
            lines.push(`    subgraph b${box++}["Resource group: ${group}"]`);
            for (const [component, resources] of byComponent) {
                const indent = component ? "        " : "      ";
                if (component) {
                    lines.push(`      subgraph b${box++}["${component}"]`);
                }
                lines.push(...resources.map((resource) => `${indent}${ids.get(resource.urn)}["${label(resource)}"]`));
                if (component) {
                    lines.push("      end");
                }
            }
            lines.push("    end");
        }
        lines.push("  end");
    }

    const vaults = azure.filter((resource) => resource.type === "azure-native:recoveryservices:Vault");
    const drawn = new Set<string>();
    for (const vault of vaults) {
        const name = azureResourceName(vault.type, vault.name, vault.inputs);
        for (const resource of azure) {
            const tags = resource.inputs.tags as Record<string, unknown> | undefined;
            const link = LINKED_TYPES.has(resource.type) ? ROLE_LINKS[text(tags?.[ROLE_TAG]) ?? ""] : undefined;
            if (link !== undefined && tagNamesVault(text(tags?.[VAULT_TAG]), name, text(vault.inputs.resourceGroupName))) {
                lines.push(`  ${ids.get(vault.urn)} -->|${link}| ${ids.get(resource.urn)}`);
                drawn.add(`${vault.urn} ${resource.urn}`);
            }
        }
    }
    for (const resource of azure) {
        for (const dependency of resource.dependencies) {
            if (ids.has(dependency) && !drawn.has(`${dependency} ${resource.urn}`)) {
                lines.push(`  ${ids.get(dependency)} -.-> ${ids.get(resource.urn)}`);
            }
        }
    }

    return [
        `# ${document.project}/${document.stack}: planned deployment`,
        "",
        "Solid arrows: what the vault replicates to and fails over into. Dotted arrows: X -.-> Y means Y depends on X.",
        "",
        "```mermaid",
        ...lines,
        "```",
        "",
    ].join("\n");
}
