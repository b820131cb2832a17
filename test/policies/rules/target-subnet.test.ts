import { describe, expect, it } from "vitest";
import { targetSubnetInNetwork } from "../../../policies/rules/target-subnet";

describe("targetSubnetInNetwork (A9)", () => {
    const subnets = ["web", "sql"];
    const network = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dr/providers/Microsoft.Network/virtualNetworks";

    it("takes a subnet of the network by name, as PowerShell sends it, or by id, ignoring case", () => {
        expect(targetSubnetInNetwork("SQL", "vnet-dr", subnets)).toBeUndefined();
        expect(targetSubnetInNetwork(`${network}/VNET-DR/subnets/web`, "vnet-dr", subnets)).toBeUndefined();
        expect(targetSubnetInNetwork(`${network}/vnet-dr/subnets/web`, undefined, subnets)).toBeUndefined();
    });

    it("refuses a subnet the network lacks, and a subnet id of another network", () => {
        expect(targetSubnetInNetwork("dmz", "vnet-dr", subnets)).toMatch(/^"dmz" is not a subnet of the target network \(subnets: web, sql\) \(A9: /);
        expect(targetSubnetInNetwork(`${network}/vnet-dr/subnets/dmz`, "vnet-dr", subnets)).toMatch(/^"dmz" is not a subnet/);
        expect(targetSubnetInNetwork(`${network}/vnet-hub/subnets/web`, "vnet-dr", subnets)).toMatch(/is a subnet of virtual network "vnet-hub", not of the target network "vnet-dr" \(A9: /);
    });
});
