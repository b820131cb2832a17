import { describe, expect, it } from "vitest";
import { firewallAllowsTrustedServices, firewallEntries, firewallEntryProblems } from "../../../policies/rules";

describe("storage firewall", () => {
    it.each([
        [undefined, true],
        [{ defaultAction: "Allow" }, true],
        [{ defaultAction: "Deny" }, true],
        [{ defaultAction: "Deny", bypass: "Logging, AzureServices" }, true],
        [{ defaultAction: "Deny", bypass: "None" }, false],
        [{ defaultAction: "Deny", bypass: "Logging, Metrics" }, false],
    ])("A11: rules %j pass is %s", (rules, ok) => expect(firewallAllowsTrustedServices(rules) === undefined).toBe(ok));

    it("takes the entries Azure's storage firewall takes", () => {
        const subnet = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s";
        expect(firewallEntries(["203.0.113.7", "198.51.100.0/24", "203.0.113.4/30"], [subnet])).toEqual([]);
        expect(firewallEntries(["192.168.1.0/24", "203.0.113.7/31", "nonsense"], ["s"])).toHaveLength(4);
    });

    it("places each problem in the firewall's arguments, and takes only canonical addresses", () => {
        expect(firewallEntryProblems(["203.0.113.7", "203.0.113.07", " 198.51.100.0/24"], ["s"])).toEqual([
            { at: ["ipRules", 1], message: 'IP rule "203.0.113.07" has leading zeros, which tools read differently; write 203.0.113.7' },
            { at: ["ipRules", 2], message: 'IP rule " 198.51.100.0/24" has spaces around it; write 198.51.100.0/24' },
            { at: ["subnetIds", 0], message: expect.stringMatching(/^subnet id "s" is not \/subscriptions\//) },
        ]);
    });
});
