import { describe, expect, it } from "vitest";
import { subnetLayout, subnetLayoutProblems } from "../../../policies/rules";

describe("subnet layout", () => {
    it("passes subnets inside the space and apart", () => {
        expect(subnetLayout(["10.0.0.0/16"], [{ name: "a", addressPrefix: "10.0.0.0/24" }])).toEqual([]);
    });

    it("finds every kind of problem", () => {
        expect(subnetLayout([], [])).toEqual(["address space is empty; give at least one CIDR block, e.g. 10.50.0.0/16"]);
        expect(subnetLayout(["10.0.0.0/16", "10.0.128.0/17"], [])).toEqual(["address space: 10.0.128.0/17 overlaps addressSpace[0], 10.0.0.0/16"]);
        expect(subnetLayout(["10.0.0.0/16"], [{ name: "tiny", addressPrefix: "10.0.0.0/30" }])[0]).toMatch(/^subnet "tiny": .*smallest subnet/);
        expect(
            subnetLayout(["10.0.0.0/16"], [
                { name: "a", addressPrefix: "10.0.0.0/24" },
                { name: "A", addressPrefix: "10.0.1.0/24" },
            ])[0],
        ).toMatch(/^subnet name "A" is the name of subnets\[0\] too.*A9/);
    });

    it("places each problem in the network's arguments", () => {
        expect(
            subnetLayoutProblems(["10.0.0.0/16"], [
                { name: "web", addressPrefix: "10.0.1.0/24" },
                { name: "GatewaySubnet", addressPrefix: "10.0.1.128/25" },
                { name: "far", addressPrefix: "10.9.0.0/24" },
            ]),
        ).toEqual([
            { at: ["subnets", 1, "name"], message: '"GatewaySubnet" is reserved for Azure services; failed-over VMs can\'t join it' },
            { at: ["subnets", 2, "addressPrefix"], message: "10.9.0.0/24 is outside the address space 10.0.0.0/16" },
            { at: ["subnets", 1, "addressPrefix"], message: "10.0.1.128/25 overlaps subnets[0], 10.0.1.0/24" },
        ]);
    });

    it("reports each of a thousand alike subnets once, without a pair for every two of them", () => {
        const subnets = Array.from({ length: 1000 }, (_, i) => ({ name: `s${i}`, addressPrefix: "10.0.0.0/24" }));
        const problems = subnetLayoutProblems(["10.0.0.0/16"], subnets);
        expect(problems).toHaveLength(999);
        expect(problems[998]).toEqual({ at: ["subnets", 999, "addressPrefix"], message: "10.0.0.0/24 overlaps subnets[0], 10.0.0.0/24" });
    });
});
