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

    it("keeps them in a larger test space, and in a smaller one that holds them", () => {
        expect(mirrorSubnets(["10.50.0.0/16"], subnets, ["172.16.0.0/12"])).toEqual([
            { name: "web", addressPrefix: "172.16.1.0/24" },
            { name: "sql", addressPrefix: "172.16.200.128/25" },
        ]);
        expect(mirrorSubnets(["10.50.0.0/16"], [subnets[0]!], ["172.20.0.0/20"])).toEqual([{ name: "web", addressPrefix: "172.20.1.0/24" }]);
    });

    it("mirrors each block of the failover space into the test space's block of the same place", () => {
        expect(mirrorSubnets(["10.50.0.0/16", "10.60.0.0/24"], [{ name: "x", addressPrefix: "10.60.0.0/26" }], ["172.20.0.0/16", "172.30.0.0/16"])).toEqual([
            { name: "x", addressPrefix: "172.30.0.0/26" },
        ]);
    });

    it("says which subnet it can't mirror, and why", () => {
        expect(mirrorSubnets(["10.50.0.0/16"], subnets, ["172.20.0.0/20"])).toBe(
            'subnet "sql" (10.50.200.128/25, in 10.50.0.0/16) can\'t be mirrored at the same offset: it would not fit in 172.20.0.0/20; give a test block as large as 10.50.0.0/16, or list the test subnets',
        );
        expect(mirrorSubnets(["10.50.0.0/16", "10.60.0.0/16"], [{ name: "x", addressPrefix: "10.60.0.0/24" }], ["172.20.0.0/16"])).toMatch(
            /subnet "x" .*: the test address space has no block 2;/,
        );
        expect(mirrorSubnets(["10.50.0.0/16"], [{ name: "x", addressPrefix: "10.70.0.0/24" }], ["172.20.0.0/16"])).toMatch(/subnet "x" is not in the failover address space/);
    });
});
