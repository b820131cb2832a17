import { createHash } from "node:crypto";

/** The namespace of this project's name-based UUIDs; fixed forever, or every role assignment would be replaced. */
export const ROLE_ASSIGNMENT_NAMESPACE = "3f0c8a53-5d0e-4b7e-9a51-6c2f4e1d7b90";

/** A name-based UUID (RFC 9562 version 5: SHA-1 of the namespace's bytes and the name). */
export function uuidV5(name: string, namespace: string): string {
    const bytes = createHash("sha1")
        .update(Buffer.from(namespace.replace(/-/g, ""), "hex"))
        .update(name, "utf8")
        .digest()
        .subarray(0, 16);
    bytes[6] = (bytes[6]! & 0x0f) | 0x50;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const hex = bytes.toString("hex");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
}

/**
 * The name of a role assignment: a GUID, as Azure requires, that follows from what the
 * assignment is (scope, principal, role), as Bicep's `guid(scope, principalId, roleId)`
 * does. A random name would make every `pulumi up` after a state loss, or an import,
 * try to create a second assignment of the same role, which Azure refuses. Ids are
 * compared ignoring case, as Azure compares them.
 */
export function roleAssignmentName(scope: string, principalId: string, roleDefinitionGuid: string): string {
    return uuidV5([scope, principalId, roleDefinitionGuid].map((part) => part.toLowerCase()).join("/"), ROLE_ASSIGNMENT_NAMESPACE);
}
