import { describe, expect, it } from "vitest";
import { defaultSubnets, mirrorSubnets } from "../../components/subnet-mirror";

describe("defaultSubnets", () => {
    it("is the first /24 of the space, or the whole space when smaller", () => {
        expect(defaultSubnets(["10.50.0.0/16"])).toEqual([{ name: "default", addressPrefix: "10.50.0.0/24" }]);
        expect(defaultSubnets(["10.50.0.0/26"])).toEqual([{ name: "default", addressPrefix: "10.50.0.0/26" }]);
    });
});

describe("mirrorSubnets", () => {
    const subnets = [
        { name: "web", addressPrefix: "10.50.1.0/24" },
        { name: "sql", addressPrefix: "10.50.200.128/25" },
    ];

    it("keeps names and offsets in a test space of the same size (A9)", () => {
        expect(mirrorSubnets(["10.50.0.0/16"], subnets, ["172.20.0.0/16"])).toEqual([
            { name: "web", addressPrefix: "172.20.1.0/24" },
            { name: "sql", addressPrefix: "172.20.200.128/25" },
        ]);
    });

    it("says why it can't mirror", () => {
        expect(mirrorSubnets(["10.50.0.0/16"], subnets, ["172.20.0.0/20"])).toMatch(/is not the size of 10\.50\.0\.0\/16/);
        expect(mirrorSubnets(["10.50.0.0/16", "10.60.0.0/16"], [{ name: "x", addressPrefix: "10.60.0.0/24" }], ["172.20.0.0/16"])).toMatch(/subnet "x" is not in 10\.50\.0\.0\/16/);
    });
});
