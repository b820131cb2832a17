import { readFileSync } from "node:fs";
import { load } from "js-yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { YAML_EXAMPLE, componentSchema, type PackageSchema, type SchemaProperty } from "../../scripts/component-docs";

// The YAML example can't run without the Pulumi CLI; what Pulumi YAML would reject in it
// (a type, argument, enum value or output the schema doesn't have) is checked here.
interface YamlResource {
    type: string;
    properties?: Record<string, unknown>;
}
interface YamlProgram {
    runtime: string;
    packages?: Record<string, string>;
    resources: Record<string, YamlResource>;
    outputs?: Record<string, string>;
}

const program = load(readFileSync(YAML_EXAMPLE, "utf8")) as YamlProgram;
const ours = Object.entries(program.resources).filter(([, resource]) => resource.type.startsWith("asr-hyperv:"));

/** What's wrong with `value` for `property` of the schema: unknown arguments, missing ones, enum values. */
function problems(schema: PackageSchema, path: string, property: SchemaProperty, value: unknown): string[] {
    if (typeof value === "string" && /^\$\{.+\}$/.test(value)) {
        return [];
    }
    const ref = property.$ref?.replace("#/types/", "");
    const type = ref === undefined ? undefined : schema.types[ref];
    if (type?.enum !== undefined) {
        return type.enum.some((member) => member.value === value) ? [] : [`${path}: ${JSON.stringify(value)} is not a ${ref}`];
    }
    if (type?.properties !== undefined) {
        return objectProblems(schema, path, type.properties, type.required ?? [], value as Record<string, unknown>);
    }
    if (property.type === "array") {
        return (value as unknown[]).flatMap((item, index) => problems(schema, `${path}[${index}]`, property.items!, item));
    }
    return [];
}

function objectProblems(schema: PackageSchema, path: string, properties: Record<string, SchemaProperty>, required: readonly string[], value: Record<string, unknown>): string[] {
    return [
        ...required.filter((name) => !(name in value)).map((name) => `${path}.${name} is required`),
        ...Object.entries(value).flatMap(([name, inner]) =>
            properties[name] === undefined ? [`${path}.${name} is no argument`] : problems(schema, `${path}.${name}`, properties[name], inner),
        ),
    ];
}

describe("the YAML example", () => {
    let schema: PackageSchema;
    beforeAll(async () => {
        schema = await componentSchema();
    }, 120_000);

    it("uses the package from this repository: a vault, its storage and its failover network", () => {
        expect(program.runtime).toBe("yaml");
        expect(program.packages).toEqual({ "asr-hyperv": "../.." });
        expect(ours.map(([, resource]) => resource.type)).toEqual([
            "asr-hyperv:index:RecoveryVault",
            "asr-hyperv:index:ReplicationStorage",
            "asr-hyperv:index:FailoverNetwork",
        ]);
        for (const [name, resource] of ours) {
            expect(schema.resources[resource.type], name).toBeDefined();
        }
    });

    it("passes only arguments the schema has, every required one, and values its enums allow", () => {
        for (const [name, resource] of ours) {
            const component = schema.resources[resource.type]!;
            expect(objectProblems(schema, name, component.inputProperties, component.requiredInputs ?? [], resource.properties ?? {})).toEqual([]);
        }
    });

    it("reads only outputs the components have", () => {
        const references = JSON.stringify([program.outputs, ours]).match(/\$\{[^}]+\}/g) ?? [];
        const types = Object.fromEntries(ours.map(([name, resource]) => [name, resource.type]));
        for (const reference of references) {
            const [resource, output] = reference.slice(2, -1).split(".");
            if (types[resource!] !== undefined) {
                expect(Object.keys(schema.resources[types[resource!]!]!.properties ?? {}), reference).toContain(output);
            }
        }
    });
});
