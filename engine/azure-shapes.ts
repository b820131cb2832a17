// The output shapes of the azure-native resources our stacks and foreign stacks use, and the
// path parameters of every azure-native resource, as the installed SDK's typings declare them
// (written by `npm run shapes`, scripts/azure-shapes.ts). Preview outputs are built over these
// shapes the way azure-native builds them over its response schema, so tests never hand-write
// what a resource's outputs look like; Azure names are read from the inputs the path names.
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

/**
 * The path parameters of a resource's ARM id, by input name. The typings name them but give
 * neither their order nor the provider path between them.
 */
export interface ResourceNames {
    /**
     * The input that holds the resource's own Azure name; absent where no single input does
     * (a singleton such as `.../config/web`, whose name is fixed): azure-native then names the
     * resource from its Pulumi name, or uses the fixed name.
     */
    name?: string;
    /** The other path parameters, in alphabetical order: parents (a child's vault `resourceName`) and scope (`resourceGroupName`, `scope`, ...). */
    parents: string[];
}

export interface AzureShapes {
    /** The @pulumi/azure-native version the shapes were read from. */
    azureNative: string;
    /** By unversioned type token, `azure-native:<module>:<Resource>`. */
    resources: Record<string, ResourceShape>;
    /** By `<module>.<TypeName>`, the named types that `ref` shapes name. */
    types: Record<string, Shape>;
    /** By unversioned type token, every resource of the SDK. */
    names: Record<string, ResourceNames>;
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

/** The path parameters of a resource by its type token, versioned or not; undefined for a type the SDK does not have. */
export function resourceNames(typeToken: string): ResourceNames | undefined {
    return azureShapes().names[unversionedToken(typeToken)];
}

/** The named type a `ref` shape names. */
export function typeShape(ref: string): Shape {
    const shape = azureShapes().types[ref];
    if (shape === undefined) {
        throw new Error(`azure-shapes.data.json has no type ${ref}: rerun \`npm run shapes\``);
    }
    return shape;
}
