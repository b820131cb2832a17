import { describe, expect, it } from "vitest";
import { replicaSubnet, replicaSubnetInNetwork } from "../../../policies/rules/replica-subnet";

describe("replicaSubnet (A9)", () => {
    const subnets = ["workloads", "Data", "management"];

    it.each([
        ["data", "Data"],
        ["management", "management"],
        ["dmz", "workloads"],
        [undefined, "workloads"],
    ])("a replica from subnet %s joins %s: the one of its name, ignoring case, else the first", (source, joined) => {
        expect(replicaSubnet(subnets, source)).toBe(joined);
    });

    it("has no choice to make in a network without subnets", () => {
        expect(replicaSubnet([], "data")).toBeUndefined();
    });

    it("accepts a chosen subnet of the network, ignoring case, and refuses another", () => {
        expect(replicaSubnetInNetwork("DATA", subnets)).toBeUndefined();
        expect(replicaSubnetInNetwork("dmz", [])).toBeUndefined();
        expect(replicaSubnetInNetwork("dmz", subnets)).toMatch(/^"dmz" is not a subnet of the target network \(subnets: workloads, Data, management\) \(A9: /);
    });
});
