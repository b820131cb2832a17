import { specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { resourceShape, typeShape, type Shape } from "./azure-shapes";
import { isRecord } from "../policies/rules/records";

// What azure-native answers for a resource during a preview (pulumi/pulumi-azure-native
// provider/pkg/convert/previewOutputs.go, PreviewOutputs): every output property of the
// resource's response type, copied from the input of the same name where there is one and
// unknown where there is not; inputs that are no response property (path parameters such
// as `resourceName`, input-only fields such as a replication policy's
// `providerSpecificInput`) are dropped, at every level; a polymorphic value is passed on as
// the input gave it. Before that, the provider's Check fills `location` from the
// `azure-native:location` config of a resource that takes one and omits it.

function previewValue(input: unknown, shape: Shape): unknown {
    if (typeof shape === "object" && "const" in shape) {
        return shape.const;
    }
    if (input === unknownValue) {
        return unknownValue;
    }
    if (isRecord(input) && input[specialSigKey] === specialSecretSig) {
        return { ...input, value: previewValue(input.value, shape) };
    }
    if (typeof shape === "string") {
        const fits = shape === "any" || typeof input === shape;
        return fits ? input : unknownValue;
    }
    if ("enum" in shape) {
        return typeof input === "string" ? input : unknownValue;
    }
    if ("ref" in shape) {
        return previewValue(input, typeShape(shape.ref));
    }
    if ("oneOf" in shape) {
        return isRecord(input) ? input : unknownValue;
    }
    if ("array" in shape) {
        return Array.isArray(input) ? input.map((item) => previewValue(item, shape.array)) : unknownValue;
    }
    if ("map" in shape) {
        return isRecord(input) ? Object.fromEntries(Object.entries(input).map(([key, value]) => [key, previewValue(value, shape.map)])) : unknownValue;
    }
    return isRecord(input) ? previewObject(input, shape.object) : unknownValue;
}

function previewObject(inputs: Record<string, unknown>, properties: Record<string, Shape>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(properties).map(([name, shape]) => [name, previewValue(name in inputs ? inputs[name] : unknownValue, shape)]));
}

/** The inputs as the provider's Check leaves them: `location` from the provider's config where the resource takes one. */
export function checkedInputs(type: string, inputs: Record<string, unknown>, providerConfig: Readonly<Record<string, string>>): Record<string, unknown> {
    const takesLocation = resourceShape(type)?.inputs.includes("location") ?? false;
    const location = providerConfig["azure-native:location"];
    return takesLocation && inputs.location === undefined && location !== undefined ? { ...inputs, location } : inputs;
}

/**
 * The outputs a preview shows for an azure-native resource being created, from its checked
 * inputs; undefined for a type whose response shape we did not read (see azure-shapes.ts).
 */
export function previewOutputs(type: string, inputs: Record<string, unknown>): Record<string, unknown> | undefined {
    const shape = resourceShape(type);
    return shape === undefined ? undefined : previewObject(inputs, shape.outputs);
}
