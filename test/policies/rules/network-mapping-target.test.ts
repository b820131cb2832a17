import { describe, expect, it } from "vitest";
import { mappingTargetNetwork } from "../../../policies/rules/network-mapping-target";

describe("mappingTargetNetwork", () => {
    const vnet = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dr/providers/Microsoft.Network/virtualNetworks/vnet-dr";

    it("takes a virtual network's ARM id, in any case", () => {
        expect(mappingTargetNetwork(vnet)).toBeUndefined();
        expect(mappingTargetNetwork(vnet.toLowerCase())).toBeUndefined();
    });

    it.each([`${vnet}/subnets/workloads`, "vnet-dr", "/subscriptions/0/resourceGroups/rg-dr/providers/Microsoft.Network/virtualNetworks/vnet-dr"])("refuses %s", (id) => {
        expect(mappingTargetNetwork(id)).toMatch(/is not a virtual network's id, \/subscriptions\/<id>\/resourceGroups\/<group>\/providers\/Microsoft\.Network\/virtualNetworks\/<network>/);
    });
});
