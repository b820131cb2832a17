import { describe, expect, it } from "vitest";
import type { RecordedResource } from "../../engine/recorder";
import { TYPES, account, idOf, protectedItem, resource, vault, violations } from "./support/fixtures";

const policy = "site-recovery-data-protected";
const protect = (registration: RecordedResource): RecordedResource => ({ ...registration, options: { ...registration.options, protect: true } });

describe(policy, () => {
    it("passes a protected vault with soft delete and protected replicas", async () => {
        const rsv = protect(vault("rsv-dr", "westeurope", { properties: { securitySettings: { softDeleteSettings: { softDeleteState: "Enabled" } } } }));
        expect(await violations([rsv, protect(account("replicas")), protect(protectedItem("vm", {}))], { policy })).toEqual([]);
    });

    it("advises on what pulumi destroy would delete: the vault, replica accounts, protected items (A8, A17)", async () => {
        const found = await violations([vault(), account("replicas"), protectedItem("vm", {})], { policy });
        expect(found.map((violation) => violation.message)).toEqual([
            expect.stringMatching(/vault rsv-dr is not protected/),
            expect.stringMatching(/storage account replicas .* is not protected: .*replicas it holds/),
            expect.stringMatching(/protected item vm is not protected: deleting it through azure-native purges its replication/),
        ]);
        expect(found.every((violation) => violation.enforcementLevel === "advisory")).toBe(true);
    });

    it("advises against soft delete off, and against a delete lock on the vault, which its replication objects inherit (A17)", async () => {
        const rsv = protect(vault("rsv-dr", "westeurope", { properties: { securitySettings: { softDeleteSettings: { softDeleteState: "Disabled" } } } }));
        const lock = resource(TYPES.lock, "vault-lock", { lockName: "nodelete", level: "CanNotDelete", scope: idOf(rsv) });
        const found = await violations([rsv, lock], { policy });
        expect(found.map((violation) => [violation.urn, violation.message])).toEqual([
            [rsv.urn, expect.stringMatching(/soft delete is Disabled/)],
            [lock.urn, expect.stringMatching(/lock vault-lock is inherited by its replication policies, mappings and protected items/)],
        ]);
    });
});
