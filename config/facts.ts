import type { Enforcement } from "../policies/rules/facts";

const LOAD = "test/config/load.test.ts";
const rejects = (what: string) => ({ file: LOAD, title: `rejects ${what}, naming the key, the value and what is allowed` });

/** The facts the stack's config validation enforces before anything is created, and the tests that prove it. */
export const CONFIG_FACTS: readonly Enforcement[] = [
    { facts: ["A3"], where: "asr-hyperv:storage.redundancy: allowed values", test: rejects("ZRS storage") },
    { facts: ["A4"], where: "asr-hyperv:storage.redundancy: geo-redundant by default", test: { file: LOAD, title: "needs nothing but the region" } },
    { facts: ["A5"], where: "asr-hyperv:storage.performance: Standard or Premium", test: rejects("an unknown performance tier") },
    { facts: ["A12"], where: "asr-hyperv:vault.storageRedundancy: allowed values, stated by default", test: rejects("a zone-redundant vault") },
    { facts: ["A13"], where: "asr-hyperv:vault.publicNetworkAccess: Enabled or Disabled", test: rejects("public network access in lower case") },
    { facts: ["A9"], where: "asr-hyperv:network.subnets: no subnet name used twice", test: rejects("two subnets of one name") },
    {
        facts: ["A9"],
        where: "asr-hyperv:network.testFailover.subnets: the failover subnets' names by default, or why they can't be mirrored",
        test: rejects("a test network that can't mirror the subnets"),
    },
    {
        facts: ["A10"],
        where: "asr-hyperv:network.testFailover.addressSpace: no overlap with the failover network",
        test: rejects("a test network overlapping the failover network"),
    },
];
