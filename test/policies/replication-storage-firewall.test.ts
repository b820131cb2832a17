import { describe, expect, it } from "vitest";
import { account, analyze, violations } from "./support/fixtures";

const policy = "replication-storage-firewall";

describe(policy, () => {
    it.each([
        ["no firewall", {}],
        ["a firewall with the trusted-services bypass", { networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" } }],
        ["an open firewall", { networkRuleSet: { defaultAction: "Allow", bypass: "None" } }],
    ])("passes %s", async (_, props) => {
        expect(await violations([account("st", props)], { policy })).toEqual([]);
    });

    it("advises when the firewall shuts out trusted Microsoft services (A11)", async () => {
        const closed = account("st", { networkRuleSet: { defaultAction: "Deny", bypass: "Logging" } });
        expect(await violations([closed], { policy })).toEqual([
            expect.objectContaining({ enforcementLevel: "advisory", message: expect.stringMatching(/leaves out AzureServices.*A11/) }),
        ]);
    });

    it("adds AzureServices to the bypass when remediating", async () => {
        const closed = account("st", { networkRuleSet: { defaultAction: "Deny", bypass: "Logging", ipRules: [] } });
        const analysis = await analyze([closed], { config: { [policy]: "remediate" } });
        expect(analysis.resources[0]?.inputs.networkRuleSet).toEqual({ defaultAction: "Deny", bypass: "Logging, AzureServices", ipRules: [] });
    });
});
