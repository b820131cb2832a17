import { resourceShape, typeShape, type Shape } from "./azure-shapes";
import { isRecord } from "../policies/rules/records";

// What a resource's outputs look like once Azure has created it: the response type's
// properties, filled from what was sent. Where Site Recovery answers in other words than
// it was asked (Azure/azure-rest-api-specs, recoveryservicessiterecovery examples
// ReplicationPolicies_Create and ReplicationNetworkMappings_Create), the answer is
// rebuilt from the request: a polymorphic request object comes back under another name,
// and a Hyper-V policy reports its retention in hours and the account it replicates to.
// Values Azure alone knows (ids, states, health) are left out rather than invented, so a
// policy can't come to rely on them.

/** Response properties that answer a request property of another name. */
const ANSWERED_AS: Readonly<Record<string, string>> = {
    providerSpecificDetails: "providerSpecificInput",
    fabricSpecificSettings: "fabricSpecificDetails",
};

/** Within a polymorphic answer, by `instanceType`: a response field and how it follows from the request. */
const ANSWERED_FIELDS: Readonly<Record<string, Readonly<Record<string, (request: Record<string, unknown>) => unknown>>>> = {
    HyperVReplicaAzure: {
        recoveryPointHistoryDurationInHours: (request) => request.recoveryPointHistoryDuration,
        activeStorageAccountId: (request) => (Array.isArray(request.storageAccounts) ? request.storageAccounts[0] : undefined),
    },
};

function resolve(shape: Shape): Shape {
    return typeof shape === "object" && "ref" in shape ? resolve(typeShape(shape.ref)) : shape;
}

/** The properties of an object shape, through refs; undefined for any other shape. */
function objectProperties(shape: Shape): Record<string, Shape> | undefined {
    const resolved = resolve(shape);
    return typeof resolved === "object" && "object" in resolved ? resolved.object : undefined;
}

function deployedValue(input: unknown, shape: Shape): unknown {
    const resolved = resolve(shape);
    if (input === undefined || typeof resolved === "string" || "const" in resolved || "enum" in resolved) {
        return input;
    }
    if ("array" in resolved) {
        return Array.isArray(input) ? input.map((item) => deployedValue(item, resolved.array)) : input;
    }
    if ("map" in resolved) {
        return isRecord(input) ? Object.fromEntries(Object.entries(input).map(([key, value]) => [key, deployedValue(value, resolved.map)])) : input;
    }
    if ("oneOf" in resolved) {
        if (!isRecord(input)) {
            return input;
        }
        const member = resolved.oneOf.map(objectProperties).find((properties) => {
            const discriminator = properties?.instanceType === undefined ? undefined : resolve(properties.instanceType);
            return typeof discriminator === "object" && "const" in discriminator && discriminator.const === input.instanceType;
        });
        if (member === undefined) {
            return input;
        }
        const answered = ANSWERED_FIELDS[String(input.instanceType)] ?? {};
        const request = { ...input, ...Object.fromEntries(Object.entries(answered).map(([field, from]) => [field, from(input)])) };
        return deployedObject(request, member);
    }
    const properties = objectProperties(resolved);
    return isRecord(input) && properties !== undefined ? deployedObject(input, properties) : input;
}

function deployedObject(inputs: Record<string, unknown>, properties: Record<string, Shape>): Record<string, unknown> {
    const outputs: Record<string, unknown> = {};
    for (const [name, shape] of Object.entries(properties)) {
        const value = deployedValue(inputs[name] ?? inputs[ANSWERED_AS[name] ?? ""], shape);
        if (value !== undefined) {
            outputs[name] = value;
        }
    }
    return outputs;
}

/**
 * The outputs of a deployed azure-native resource, from its checked inputs and its Azure
 * name; undefined for a type whose response shape we did not read.
 */
export function deployedOutputs(type: string, inputs: Record<string, unknown>, azureName: string): Record<string, unknown> | undefined {
    const shape = resourceShape(type);
    return shape === undefined ? undefined : { ...deployedObject(inputs, shape.outputs), name: azureName };
}
