import type { Enforcement, FactId } from "../policies/rules/facts";

const LOAD = "test/config/load.test.ts";
const rejects = (what: string) => ({ file: LOAD, title: `rejects ${what}, naming the key, the value and what is allowed` });

/** The facts the stack's config validation enforces before anything is created, and the tests that prove it. */
export const CONFIG_FACTS: readonly Enforcement[] = [
    { facts: ["A3"], where: "asr-hyperv:storage.redundancy: allowed values", test: rejects("ZRS storage") },
    { facts: ["A4"], where: "asr-hyperv:storage.redundancy: geo-redundant by default", test: { file: LOAD, title: "needs nothing but the region" } },
    { facts: ["A5"], where: "asr-hyperv:storage.performance: Standard or Premium", test: rejects("an unknown performance tier") },
    { facts: ["A12"], where: "asr-hyperv:vault.storageRedundancy: allowed values, stated by default", test: rejects("a zone-redundant vault") },
    { facts: ["A13"], where: "asr-hyperv:vault.publicNetworkAccess: Enabled or Disabled", test: rejects("public network access in lower case") },
    {
        facts: ["A13"],
        where: "asr-hyperv:vault.publicNetworkAccess: Disabled only with asr-hyperv:privateReplication, or the VMM Provider can't register",
        test: rejects("public network access Disabled without private replication"),
    },
    {
        facts: ["A15"],
        where: "asr-hyperv:storage.firewall: admits the Hyper-V hosts' egress addresses (ipRules) or goes with blob private endpoints (asr-hyperv:privateReplication.blob)",
        test: rejects("a storage firewall that admits no Hyper-V host"),
    },
    {
        facts: ["A16"],
        where: "asr-hyperv:privateReplication: the Site Recovery private endpoint, and the vault identity's roles on every account of the stack",
        test: { file: "test/index.test.ts", title: "with private replication connects the vault and gives its identity the roles it needs on every account (A16)" },
    },
    {
        facts: ["A17"],
        where: "asr-hyperv:vault.lock: refused, with why; asr-hyperv:storage.lock locks the accounts, never the vault",
        test: rejects("a delete lock on the vault"),
    },
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
    ...replicationChecks(),
    ...readinessChecks(),
];

/** Replication policies (`asr-hyperv:replicationPolicies`), where replicas land, and the site's VMs (`asr-hyperv:site`). */
function replicationChecks(): Enforcement[] {
    const REPLICATION = "test/config/replication.test.ts";
    const policy = (example: string) => ({ file: REPLICATION, title: `refuse ${example}, naming the key and the fact` });
    const vm = (example: string) => ({ file: REPLICATION, title: `refuses a VM with ${example}, naming the key` });
    return [
        { facts: ["R1"], where: "asr-hyperv:replicationPolicies: copy frequencies", test: policy("a copy frequency of 60 s (R1)") },
        { facts: ["R3"], where: "asr-hyperv:replicationPolicies: recovery point retention", test: policy("a retention of 25 h (R3)") },
        { facts: ["R4"], where: "asr-hyperv:replicationPolicies: app-consistent frequency within the retention", test: policy("app-consistent snapshots less often than the retention (R4)") },
        { facts: ["R2"], where: "asr-hyperv:replicationPolicies: no 30-second copies onto a premium account", test: { file: REPLICATION, title: "refuse 30 seconds when replicas land in a premium account (R2)" } },
        { facts: ["R6"], where: "asr-hyperv:replicationPolicies: one policy with the portal's settings by default", test: { file: REPLICATION, title: "default to one policy with the portal's settings (R6)" } },
        {
            facts: ["R7"],
            where: "asr-hyperv:storage.replicas: the policy lists the data account with storage-account replicas, none with managed disks",
            test: { file: "test/stack/replication.test.ts", title: "lists the data account in the policy with storage-account replicas (R7)" },
        },
        { facts: ["A5", "A6"], where: "asr-hyperv:storage.replicas: no premium account with managed-disk replicas", test: { file: REPLICATION, title: "refuses a premium account that would hold nothing (A5, A6)" } },
        { facts: ["A9"], where: "asr-hyperv:site VMs: a target subnet of the failover network", test: vm("a target subnet not in the failover network (A9)") },
        { facts: ["V1"], where: "asr-hyperv:site VMs: an Azure VM name Site Recovery takes", test: vm("a name Azure won't take for a VM (V1)") },
        { facts: ["V4"], where: "asr-hyperv:site VMs: at most 16 data disks", test: vm("17 data disks (V4)") },
    ];
}

/**
 * The on-premises inventory (`asr-hyperv:onPremises`) checked against the support matrix
 * (readiness/): what Azure refuses stops the program, what the enable job fails later warns.
 */
function readinessChecks(): Enforcement[] {
    const READINESS = "test/readiness/check.test.ts";
    const cases: [FactId, string, string][] = [
        ["P1", "VMM server versions", "P1: a VMM version the matrix doesn't list"],
        ["P2", "clouds with host groups and VM networks", "P2: a cloud without host groups"],
        ["P4", "host OS versions and KB 2961977", "P4: a 2012 R2 host without KB 2961977"],
        ["P6", "internet or proxy access from hosts", "P6: a host without internet access of its own"],
        ["P7", "host and VMM versions that go together", "P7: a Windows Server 2019 host in VMM 2016"],
        ["V1", "VM names Azure takes, or a target name", "V1: a VM name Azure won't take"],
        ["V2", "64-bit guest OS", "V2: a 32-bit guest"],
        ["V3", "one OS disk within the size limit of its generation", "V3: a 3,000 GB OS disk on generation 1"],
        ["V4", "data disks within the size limit of the replica mode", "V4: a data disk over 32 TB"],
        ["V5", "no shared VHD, FC, pass-through, 4K-native, BitLocker or encrypted disks", "V5: a shared VHD"],
        ["V6", "Secure Boot off on generation 2", "V6: Secure Boot on"],
        ["V7", "no NIC teaming or IPv6 in the guest", "V7: NIC teaming in the guest"],
        ["A14", "a target region Hyper-V to Azure supports", "A14: warns that Hyper-V to Azure can't target %s"],
    ];
    return cases.map(([fact, what, title]) => ({ facts: [fact], where: `asr-hyperv:onPremises: ${what}`, test: { file: READINESS, title } }));
}
