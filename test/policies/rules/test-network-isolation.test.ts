import { describe, expect, it } from "vitest";
import { isolatedTestNetwork } from "../../../policies/rules";

describe("A10: an isolated test network", () => {
    it("neither overlaps the failover network nor connects", () => {
        expect(isolatedTestNetwork(["10.0.0.0/16"], ["10.1.0.0/16"])).toEqual([]);
        expect(isolatedTestNetwork(["10.0.0.0/16"], ["10.0.5.0/24"])[0]).toMatch(/overlaps/);
        expect(isolatedTestNetwork(["10.0.0.0/16"], ["10.1.0.0/16"], ["peering hub-to-test"])[0]).toMatch(/connected through peering hub-to-test/);
    });

    it("finds each overlapping test block once, however many failover blocks it overlaps", () => {
        const thousand = Array.from({ length: 1000 }, () => "10.0.0.0/16");
        expect(isolatedTestNetwork(thousand, thousand)).toHaveLength(1000);
        expect(isolatedTestNetwork(["10.0.0.0/24", "10.0.1.0/24"], ["10.0.0.0/16"])).toEqual([
            expect.stringMatching(/^test network 10\.0\.0\.0\/16 overlaps failover network 10\.0\.0\.0\/24 \(A10/),
        ]);
    });
});
