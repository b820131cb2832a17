import { describe, expect, it } from "vitest";
import { firewallAllowsTrustedServices, firewallEntries } from "../../../policies/rules";

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
});
