import { describe, expect, it } from "vitest";
import { vault, violations } from "./support/fixtures";

const policy = "vault-private-access-identity";

describe(policy, () => {
    it("passes a public vault, and a private vault with an identity", async () => {
        const privateWithIdentity = vault("rsv-dr", "westeurope", { properties: { publicNetworkAccess: "Disabled" } });
        expect(await violations([vault(), privateWithIdentity], { policy })).toEqual([]);
    });

    it("advises when a private vault has no identity for private endpoints (A13)", async () => {
        const bare = vault("rsv-dr", "westeurope", { identity: undefined, properties: { publicNetworkAccess: "Disabled" } });
        expect(await violations([bare], { policy })).toEqual([expect.objectContaining({ enforcementLevel: "advisory", message: expect.stringMatching(/A13/) })]);
    });
});
