import { describe, expect, it } from "vitest";
import { roleAssignmentName, uuidV5 } from "../../components/role-assignment-name";

describe("role assignment names", () => {
    it("are version 5 UUIDs as RFC 9562 defines them", () => {
        // The RFC's example namespace for DNS names, and the value other implementations give.
        expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    });

    it("follow from scope, principal and role alone, ignoring the case Azure ignores", () => {
        const scope = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/asrstd";
        const name = roleAssignmentName(scope, "principal", "role");
        expect(roleAssignmentName(scope.toUpperCase(), "PRINCIPAL", "role")).toBe(name);
        expect(roleAssignmentName(scope, "principal", "other role")).not.toBe(name);
        expect(roleAssignmentName(`${scope}2`, "principal", "role")).not.toBe(name);
    });
});
