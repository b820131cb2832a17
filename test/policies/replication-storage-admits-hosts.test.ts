import { describe, expect, it } from "vitest";
import { TYPES, UNKNOWN, account, idOf, resource, vault, violations } from "./support/fixtures";

const policy = "replication-storage-admits-hosts";
const deny = (ipRules: unknown[]) => ({ networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices", ipRules } });

describe(policy, () => {
    it("passes an open account, and a firewalled one that admits the hosts' egress addresses", async () => {
        expect(await violations([vault(), account("open"), account("firewalled", deny([{ iPAddressOrRange: "203.0.113.10" }]))], { policy })).toEqual([]);
    });

    it("fails a firewall that admits no host and no blob private endpoint: the hosts can't upload (A15)", async () => {
        const shut = account("shut", deny([]));
        expect(await violations([vault(), shut], { policy })).toEqual([
            expect.objectContaining({ enforcementLevel: "mandatory", urn: shut.urn, message: expect.stringMatching(/storage account shut .* admit no address of the Hyper-V hosts .*A15/) }),
        ]);
        expect(await violations([vault(), shut], { policy, deployed: true })).toHaveLength(1);
    });

    it("passes it with a blob private endpoint, the hosts' path over VPN or ExpressRoute", async () => {
        const shut = account("shut", deny([]));
        const endpoint = resource(TYPES.privateEndpoint, "pe-blob", {
            privateEndpointName: "pe-blob",
            resourceGroupName: "rg-dr",
            privateLinkServiceConnections: [{ name: "blob", privateLinkServiceId: idOf(shut), groupIds: ["blob"] }],
        });
        expect(await violations([vault(), shut, endpoint], { policy })).toEqual([]);
    });

    it("leaves a firewall unjudged while its rules are not known, and judges one that lists none once deployed", async () => {
        const pending = [account("rules-pending", deny([UNKNOWN])), account("list-pending", deny(UNKNOWN as never)), account("set-pending", { networkRuleSet: UNKNOWN })];
        expect(await violations([vault(), ...pending], { policy })).toEqual([]);
        const unlisted = account("unlisted", { networkRuleSet: { defaultAction: "Deny" } });
        expect((await violations([vault(), unlisted], { policy, deployed: true })).map((violation) => violation.urn)).toEqual([unlisted.urn]);
    });
});
