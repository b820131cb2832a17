/** The stack resource's type: the engine leaves it out of its children's qualified types. */
export const STACK_TYPE = "pulumi:pulumi:Stack";

/** The qualified type of `urn:pulumi:<stack>::<project>::<qualified type>::<name>`. */
function qualifiedType(urn: string): string {
    const qualified = urn.split("::")[2];
    if (!urn.startsWith("urn:pulumi:") || qualified === undefined) {
        throw new Error(`invalid URN ${JSON.stringify(urn)}`);
    }
    return qualified;
}

/**
 * The URN the engine gives a resource (pulumi/pulumi pkg/resource/deploy, generateURN): its
 * type is qualified by its parent's, except when the parent is the stack.
 */
export function engineUrn(stack: string, project: string, parent: string, type: string, name: string): string {
    const parentType = parent === "" ? "" : qualifiedType(parent);
    const qualified = parentType === "" || parentType === STACK_TYPE ? type : `${parentType}$${type}`;
    return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}
