import { describe, expect, it } from "vitest";
import { analyzeStack } from "../../engine/analyze";
import { policies } from "../../policies/pack";
import { account, violations } from "./support/fixtures";

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
        const analysis = await analyzeStack(policies, [closed], { config: { [policy]: "remediate" } });
        expect(analysis.resources[0]?.props.networkRuleSet).toEqual({ defaultAction: "Deny", bypass: "Logging, AzureServices", ipRules: [] });
    });
});
