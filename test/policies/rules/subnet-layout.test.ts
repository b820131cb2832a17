import { describe, expect, it } from "vitest";
import { subnetLayout } from "../../../policies/rules";

describe("subnet layout", () => {
    it("passes subnets inside the space and apart", () => {
        expect(subnetLayout(["10.0.0.0/16"], [{ name: "a", addressPrefix: "10.0.0.0/24" }])).toEqual([]);
    });

    it("finds every kind of problem", () => {
        expect(subnetLayout([], [])).toEqual(["address space is empty; give at least one CIDR block"]);
        expect(subnetLayout(["10.0.0.0/16", "10.0.128.0/17"], [])).toEqual(["address space: 10.0.0.0/16 overlaps 10.0.128.0/17"]);
        expect(subnetLayout(["10.0.0.0/16"], [{ name: "tiny", addressPrefix: "10.0.0.0/30" }])[0]).toMatch(/smallest subnet/);
        expect(
            subnetLayout(["10.0.0.0/16"], [
                { name: "a", addressPrefix: "10.0.0.0/24" },
                { name: "A", addressPrefix: "10.0.1.0/24" },
            ])[0],
        ).toMatch(/subnet name "A" is used twice.*A9/);
    });
});
