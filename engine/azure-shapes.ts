// The output shapes of the azure-native resources our stacks and foreign stacks use, as the
// installed SDK's typings declare them (written by `npm run shapes`, scripts/azure-shapes.ts).
// Preview outputs are built over these shapes the way azure-native builds them over its
// response schema, so tests never hand-write what a resource's outputs look like.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A property's type. `const` is a single string literal (a discriminator such as `instanceType`),
 * `enum` a union of string literals (a string when walking), `ref` a named response type in
 * `types` (named, so recursive types stay finite), `oneOf` a union of object types (polymorphic
 * details such as `providerSpecificDetails`).
 */
export type Shape =
    | "string"
    | "number"
    | "boolean"
    | "any"
    | { const: string }
    | { enum: string[] }
    | { object: Record<string, Shape> }
    | { ref: string }
    | { array: Shape }
    | { map: Shape }
    | { oneOf: Shape[] };

export interface ResourceShape {
    /** The top-level input property names (the `<Resource>Args` interface). */
    inputs: string[];
    /** Every output property of the resource class but `id` and `urn`. */
    outputs: Record<string, Shape>;
}

export interface AzureShapes {
    /** The @pulumi/azure-native version the shapes were read from. */
    azureNative: string;
    /** By unversioned type token, `azure-native:<module>:<Resource>`. */
    resources: Record<string, ResourceShape>;
    /** By `<module>.<TypeName>`, the named types that `ref` shapes name. */
    types: Record<string, Shape>;
}

// Not azure-shapes.json: Node's require tries `.json` before `.ts`, so `import "./azure-shapes"`
// under plan/register-ts.cjs would load the data instead of this module.
export const SHAPES_FILE = join(__dirname, "azure-shapes.data.json");

let loaded: AzureShapes | undefined;

export function azureShapes(): AzureShapes {
    loaded ??= JSON.parse(readFileSync(SHAPES_FILE, "utf8")) as AzureShapes;
    return loaded;
}

/**
 * `azure-native:recoveryservices/v20241001:ReplicationPolicy` → `azure-native:recoveryservices:ReplicationPolicy`:
 * a versioned resource has the outputs of the default version as far as preview outputs go, and
 * only the default versions are in the SDK we read.
 */
export function unversionedToken(typeToken: string): string {
    return typeToken.replace(/^(azure-native:[^:/]+)\/[^:]+:/, "$1:");
}

/** The shape of a resource by its type token, versioned or not; undefined for a type we did not read. */
export function resourceShape(typeToken: string): ResourceShape | undefined {
    return azureShapes().resources[unversionedToken(typeToken)];
}

/** The named type a `ref` shape names. */
export function typeShape(ref: string): Shape {
    const shape = azureShapes().types[ref];
    if (shape === undefined) {
        throw new Error(`azure-shapes.data.json has no type ${ref}: rerun \`npm run shapes\``);
    }
    return shape;
}
