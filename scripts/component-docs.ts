// docs/components.md from the components' schema, the one the component provider answers
// GetSchema with (test/components/index.test.ts compares them) and the one Python, Go, .NET
// and YAML programs are generated from; test/scripts/component-docs.test.ts fails when the
// file is out of date. `npm run docs` writes it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dump, load } from "js-yaml";
import { ComponentProvider, getPulumiComponents } from "@pulumi/pulumi/provider/experimental/provider";
import * as components from "../components";

export const COMPONENT_DOCS = join(__dirname, "..", "docs", "components.md");
export const YAML_EXAMPLE = join(__dirname, "..", "examples", "yaml", "Pulumi.yaml");
const ROOT = join(__dirname, "..");

/** A property of the schema, as `pulumi package get-schema` prints it. */
export interface SchemaProperty {
    type?: string;
    $ref?: string;
    items?: SchemaProperty;
    additionalProperties?: SchemaProperty;
    plain?: boolean;
    optional?: boolean;
    description?: string;
}

export interface SchemaObject {
    type: string;
    description?: string;
    properties?: Record<string, SchemaProperty>;
    required?: string[];
    enum?: { name: string; value: string | number; description?: string }[];
}

export interface SchemaResource extends SchemaObject {
    isComponent: boolean;
    inputProperties: Record<string, SchemaProperty>;
    requiredInputs?: string[];
}

export interface PackageSchema {
    name: string;
    version: string;
    resources: Record<string, SchemaResource>;
    types: Record<string, SchemaObject>;
}

/** The schema as the component provider infers it from the TypeScript of components/. */
export async function componentSchema(): Promise<PackageSchema> {
    const packageJson = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { name: string };
    // run-plugin hosts the classes components/index.ts exports, under the package's name.
    const provider = new ComponentProvider({ name: packageJson.name, dirname: ROOT, components: getPulumiComponents(components) });
    return JSON.parse(await provider.getSchema()) as PackageSchema;
}

const TYPE_REF = /^#\/types\/[^:]+:index:(.+)$/;
const RESOURCE_REF = /^\/[^/]+\/v[^/]+\/schema\.json#\/resources\/(.+)$/;

function typeText(property: SchemaProperty): string {
    if (property.$ref !== undefined) {
        const own = TYPE_REF.exec(property.$ref);
        if (own !== null) {
            return `[${own[1]}](#${own[1]!.toLowerCase()})`;
        }
        const resource = RESOURCE_REF.exec(property.$ref);
        return resource !== null ? `resource \`${decodeURIComponent(resource[1]!)}\`` : `\`${property.$ref}\``;
    }
    if (property.type === "array" && property.items !== undefined) {
        return `list of ${typeText(property.items)}`;
    }
    if (property.type === "object" && property.additionalProperties !== undefined) {
        return `map of ${typeText(property.additionalProperties)}`;
    }
    return property.type ?? "any";
}

function cell(text: string): string {
    return text.replace(/\s*\n\s*/g, " ").replace(/\|/g, "\\|").trim();
}

/** The description without its closing `Default: ...`, and that default. */
function splitDefault(description = ""): { text: string; defaultValue: string } {
    const at = description.lastIndexOf("Default:");
    return at < 0
        ? { text: description, defaultValue: "" }
        : { text: description.slice(0, at), defaultValue: description.slice(at + "Default:".length).trim().replace(/\.$/, "") };
}

/** Whether a consumer may pass outputs: for the value, or for each item or value of a plain list or map. */
function takesOutputs(property: SchemaProperty): string {
    if (property.plain !== true) {
        return "yes";
    }
    const inner = property.items ?? property.additionalProperties;
    return inner !== undefined && inner.plain !== true ? (property.items ? "each item" : "each value") : "";
}

function argumentTable(properties: Record<string, SchemaProperty>, required: readonly string[]): string[] {
    const rows = Object.entries(properties).map(([name, property]) => {
        const { text, defaultValue } = splitDefault(property.description);
        const takes = takesOutputs(property);
        return `| \`${name}\` | ${typeText(property)} | ${required.includes(name) ? "yes" : ""} | ${takes} | ${cell(defaultValue)} | ${cell(text)} |`;
    });
    return ["| argument | type | required | takes outputs | default | description |", "|---|---|---|---|---|---|", ...rows];
}

function outputTable(properties: Record<string, SchemaProperty>, required: readonly string[]): string[] {
    const rows = Object.entries(properties).map(
        ([name, property]) => `| \`${name}\` | ${typeText(property)}${required.includes(name) ? "" : " (may be absent)"} | ${cell(property.description ?? "")} |`,
    );
    return ["| output | type | description |", "|---|---|---|", ...rows];
}

/** The resources of the YAML example that are of `type`, as YAML. */
function yamlExample(example: string, type: string): string {
    const program = load(example) as { resources?: Record<string, { type: string }> };
    const own = Object.entries(program.resources ?? {}).filter(([, resource]) => resource.type === type);
    return dump({ resources: Object.fromEntries(own) }, { lineWidth: 120 }).trimEnd();
}

/** docs/components.md for `schema`, with each component's part of the YAML example. */
export function componentsMarkdown(schema: PackageSchema, example: string): string {
    const lines = [
        "# Components",
        "",
        "<!-- Written by `npm run docs` from the components' schema (scripts/component-docs.ts); do not edit. -->",
        "",
        `Package \`${schema.name}\` ${schema.version}. From TypeScript: \`import { ... } from "asr-hyperv/components"\`;`,
        "from Python, Go, .NET and YAML: `pulumi package add` (see the README's Reuse section). The names below are the",
        "schema's; each language spells them its own way (`resource_group_name` in Python, `ResourceGroupName` in Go and",
        ".NET), and object types get an `Args` suffix as inputs (`VaultReferenceArgs`). An argument that takes outputs",
        "accepts another resource's output; the others must be known values, which the component checks before it",
        "creates anything. Complete programs: `examples/typescript` (two sites in two regions) and `examples/yaml`.",
        "",
    ];
    for (const [token, resource] of Object.entries(schema.resources)) {
        const name = token.split(":")[2]!;
        lines.push(
            `## ${name}`,
            "",
            `\`${token}\`: ${cell(resource.description ?? "")}`,
            "",
            ...argumentTable(resource.inputProperties, resource.requiredInputs ?? []),
            "",
            ...outputTable(resource.properties ?? {}, resource.required ?? []),
            "",
            "Example (from `examples/yaml/Pulumi.yaml`):",
            "",
            "```yaml",
            yamlExample(example, token),
            "```",
            "",
        );
    }
    lines.push("## Types", "");
    for (const [token, type] of Object.entries(schema.types)) {
        const name = token.split(":")[2]!;
        lines.push(`### ${name}`, "");
        if (type.description !== undefined) {
            lines.push(cell(type.description), "");
        }
        if (type.enum !== undefined) {
            lines.push(`One of: ${type.enum.map((member) => `\`${String(member.value)}\``).join(", ")}.`, "");
        } else {
            lines.push(...argumentTable(type.properties ?? {}, type.required ?? []), "");
        }
    }
    return `${lines.join("\n").trimEnd()}\n`;
}

/** docs/components.md as the current schema and YAML example give it. */
export async function currentComponentDocs(): Promise<string> {
    return componentsMarkdown(await componentSchema(), readFileSync(YAML_EXAMPLE, "utf8"));
}
