import { describe, expect, it } from "vitest";
import { replicaVmName } from "../../policies/rules/replica-vm-name";
import { checkReadiness, type Finding, type ReadinessOptions } from "../../readiness/check";
import { inventorySchema } from "../../readiness/inventory";
import { compliantInventory, largeInventory, type InventoryInput } from "./examples";

const WEST_EUROPE: ReadinessOptions = { region: "westeurope" };

function check(input: InventoryInput, options: ReadinessOptions = WEST_EUROPE): Finding[] {
    return checkReadiness(inventorySchema.parse(input), options);
}

/** What a DR engineer acts on: each warning or error, by fact, level and the key to change. */
function problems(findings: readonly Finding[]) {
    return findings.filter((f) => f.level !== "pass").map((f) => ({ fact: f.fact, level: f.level, key: f.key }));
}

const server = (inventory: InventoryInput) => inventory.vmmServers[0]!;
const host = (inventory: InventoryInput, index: number) => server(inventory).hosts![index]!;
const vm = (inventory: InventoryInput, index: number) => server(inventory).vms![index]!;
const disk = (inventory: InventoryInput, vmIndex: number, index: number) => vm(inventory, vmIndex).disks[index]!;

const KEY = "asr-hyperv:onPremises.vmmServers[0]";

describe("checkReadiness", () => {
    it("passes a compliant site, with a row per fact each subject was checked against", () => {
        const findings = check(compliantInventory());
        expect(problems(findings)).toEqual([]);
        const facts = (path: string) => findings.filter((f) => f.subject.path === path).map((f) => f.fact);
        expect(facts(KEY)).toEqual(["P1", "P2", "P3", "A14"]);
        expect(facts(`${KEY}.clouds[0]`)).toEqual(["P2"]);
        expect(facts(`${KEY}.hosts[1]`)).toEqual(["P4", "P5", "P6", "P7"]);
        expect(facts(`${KEY}.vms[0]`)).toEqual(["P5", "P2", "V1", "V2", "V3", "V4", "V5", "V6", "V7"]);
    });

    it("says why each fact passes", () => {
        const findings = check(compliantInventory());
        const message = (path: string, fact: string) => findings.find((f) => f.subject.path === path && f.fact === fact)?.message;
        expect(message(KEY, "P1")).toBe("VMM 2019 is supported (SM26 05/05/2026)");
        expect(message(`${KEY}.hosts[0]`, "P5")).toBe('in cloud "Gold" through host group "All Hosts\\\\Production\\\\Rack1"');
        expect(message(`${KEY}.hosts[1]`, "P4")).toBe("Windows Server 2012 R2 is supported (SM26 05/05/2026), KB 2961977 installed");
        expect(message(`${KEY}.vms[0]`, "V6")).toMatch(/^generation 2, Secure Boot off: fails over as generation 1/);
        expect(message(`${KEY}.vms[1]`, "V4")).toBe("1 data disk, the largest 8,000 GB (at most 32,767 GB each); over 4,095 GB needs a Provider later than 2.0.9214.0");
    });

    it("reads versions and OS names as VMM and Windows write them", () => {
        const inventory = compliantInventory();
        server(inventory).version = "System Center Virtual Machine Manager 2019 UR5";
        host(inventory, 0).os = "Microsoft Windows Server 2019 Datacenter";
        host(inventory, 1).os = "Hyper-V Server 2012R2";
        expect(problems(check(inventory))).toEqual([]);
    });

    it("lets a target name stand in for a VMM name Azure won't take (V1)", () => {
        const inventory = compliantInventory();
        vm(inventory, 0).name = "app_01";
        vm(inventory, 0).targetName = "app-01";
        expect(problems(check(inventory))).toEqual([]);
    });

    it("allows a 32-bit Windows Server 2008 guest (V2)", () => {
        const inventory = compliantInventory();
        Object.assign(vm(inventory, 1), { osType: "Windows", os: "Windows Server 2008 SP2", bits: 32 });
        expect(problems(check(inventory))).toEqual([]);
    });

    it("judges disk sizes by the replica mode: the default, or the VM's own", () => {
        const inventory = compliantInventory();
        expect(problems(check(inventory, { ...WEST_EUROPE, replicaDisks: "storageAccount" }))).toEqual([{ fact: "V4", level: "warning", key: `${KEY}.vms[1].disks[1].sizeGB` }]);
        vm(inventory, 1).replicaDisks = "managed";
        expect(problems(check(inventory, { ...WEST_EUROPE, replicaDisks: "storageAccount" }))).toEqual([]);
    });

    type Case = [string, (inventory: InventoryInput) => void, { fact: string; level: "warning" | "error"; key: string }[], RegExp];
    const warn = (fact: string, key: string) => ({ fact, level: "warning" as const, key: `${KEY}${key}` });
    const refuse = (fact: string, key: string) => ({ fact, level: "error" as const, key: `${KEY}${key}` });
    const later = /the enable-protection job's prerequisites check fails: /;

    it.each<Case>([
        ["P1: a VMM version the matrix doesn't list", (i) => (server(i).version = "2012 SP1"), [warn("P1", ".version")], /"2012 SP1" is not a VMM version the support matrix lists \(supported: 2012 R2, 2016, 2019, 2022;/],
        ["P1: VMM 2025, not listed yet", (i) => (server(i).version = "2025"), [warn("P1", ".version")], /VMM 2025 is not listed in the support matrix/],
        ["P1: VMM 2022 on server core", (i) => Object.assign(server(i), { version: "2022", serverCore: true }), [warn("P1", ".serverCore")], /server core installation of VMM 2022 is not supported/],
        ["P2: a VMM server without clouds", (i) => Object.assign(server(i), { clouds: [], hosts: [], vms: [] }), [warn("P2", ".clouds")], /lists no cloud/],
        ["P2: a cloud without host groups", (i) => server(i).clouds.push({ name: "Silver", hostGroups: [] }), [warn("P2", ".clouds[1].hostGroups")], /has no host group/],
        [
            "P2: a VM in a cloud without host groups",
            (i) => {
                server(i).clouds.push({ name: "Silver", hostGroups: [] });
                vm(i, 1).cloud = "Silver";
            },
            [warn("P2", ".clouds[1].hostGroups"), refuse("P2", ".vms[1].cloud")],
            /cloud "Silver" has no host group, so Site Recovery lists no VM under it: Azure refuses its protected item before anything is created/,
        ],
        ["P2: a cloud without VM networks", (i) => server(i).clouds.push({ name: "Silver", hostGroups: ["All Hosts\\Test"], networks: [] }), [warn("P2", ".clouds[1].networks")], /no network mapping can be made/],
        ["P2: a VM on a VM network its cloud doesn't have", (i) => (vm(i, 0).network = { vmNetwork: "Lab-VMNet" }), [warn("P2", ".vms[0].network.vmNetwork")], /VM network "Lab-VMNet" is not one of cloud "Gold"'s \("Corp-VMNet"\)/],
        [
            "P3/P6: no internet access, for the server and the hosts that share it",
            (i) => (server(i).internet = { access: "none" }),
            [warn("P3", ".internet.access"), warn("P6", ".internet.access"), warn("P6", ".internet.access")],
            /no internet access: the Provider's registration with the vault fails, .*HTTPS 443 to login\.microsoftonline\.com, \*\.hypervrecoverymanager\.windowsazure\.com/,
        ],
        [
            "P3/P6: an authenticating proxy",
            (i) => (server(i).internet = { access: "proxy", proxyAuthentication: true }),
            [warn("P3", ".internet.proxyAuthentication"), warn("P6", ".internet.proxyAuthentication"), warn("P6", ".internet.proxyAuthentication")],
            /an authenticating proxy, which Site Recovery doesn't support/,
        ],
        ["P4: a host OS the matrix doesn't list", (i) => (host(i, 0).os = "Windows Server 2012 Datacenter"), [warn("P4", ".hosts[0].os")], /"Windows Server 2012 Datacenter" is not a host OS the support matrix lists/],
        ["P4: a 2012 R2 host without KB 2961977", (i) => (host(i, 1).updates = { kb2961977: false }), [warn("P4", ".hosts[1].updates.kb2961977")], /lacks KB 2961977 .*which Windows Server 2012 R2 hosts need/],
        ["P4: a 2012 R2 host not stated to have KB 2961977", (i) => delete host(i, 1).updates, [warn("P4", ".hosts[1].updates.kb2961977")], /isn't stated to have KB 2961977/],
        [
            "P5: a host whose host group is in no cloud, and the VM on it",
            (i) => (host(i, 0).hostGroup = "All Hosts\\Lab"),
            [warn("P5", ".hosts[0].hostGroup"), refuse("P5", ".vms[0].host")],
            /runs on hv01\.contoso\.com, whose host group "All Hosts\\\\Lab" is not in cloud "Gold" .*the protectable item is not found/,
        ],
        [
            "P5: a VM in a cloud its host's group isn't in",
            (i) => {
                server(i).clouds.push({ name: "Silver", hostGroups: ["All Hosts\\Test"] });
                vm(i, 1).cloud = "Silver";
                delete vm(i, 1).network;
            },
            [refuse("P5", ".vms[1].host")],
            /whose host group "All Hosts\\\\Production" is not in cloud "Silver"/,
        ],
        ["P6: a host without internet access of its own", (i) => (host(i, 0).internet = { access: "none" }), [warn("P6", ".hosts[0].internet.access")], /replication of its VMs fails/],
        ["P7: a Windows Server 2019 host in VMM 2016", (i) => (server(i).version = "2016"), [warn("P7", ".hosts[0].os")], /Windows Server 2019 hosts need VMM 2019 or later .*runs VMM 2016: registration or protection fails/],
        ["V1: a VM name Azure won't take", (i) => (vm(i, 0).name = "app_01"), [warn("V1", ".vms[0].name")], /the Azure VM would be named "app_01" may hold only letters, digits and hyphens/],
        ["V1: a target name Azure won't take", (i) => (vm(i, 0).targetName = "-app01"), [warn("V1", ".vms[0].targetName")], /target name "-app01" may hold only/],
        ["V2: a 32-bit guest", (i) => (vm(i, 0).bits = 32), [warn("V2", ".vms[0].bits")], later],
        ["V2: Nano Server", (i) => (vm(i, 0).os = "Windows Server 2016 Nano Server"), [warn("V2", ".vms[0].os")], /Nano Server is not a supported guest OS/],
        ["V3: no OS disk", (i) => (disk(i, 0, 0).role = "data"), [warn("V3", ".vms[0].disks")], /no disk has role os; a VM has exactly one OS disk/],
        ["V3: two OS disks", (i) => (disk(i, 0, 1).role = "os"), [warn("V3", ".vms[0].disks")], /2 disks have role os/],
        ["V3: a 3,000 GB OS disk on generation 1", (i) => (disk(i, 1, 0).sizeGB = 3000), [warn("V3", ".vms[1].disks[0].sizeGB")], /OS disk "db01-os\.vhd" is 3,000 GB; generation 1 OS disks are at most 2,048 GB/],
        ["V3: a 5,000 GB OS disk on generation 2", (i) => (disk(i, 0, 0).sizeGB = 5000), [warn("V3", ".vms[0].disks[0].sizeGB")], /generation 2 OS disks are at most 4,096 GB/],
        [
            "V3: a 3,000 GB generation 2 OS disk with storage-account replicas",
            (i) => {
                disk(i, 0, 0).sizeGB = 3000;
                vm(i, 0).replicaDisks = "storageAccount";
            },
            [warn("V3", ".vms[0].disks[0].sizeGB")],
            /over 2,048 GB needs managed-disk replication \(replicaDisks: managed\) and a Provider later than 2\.0\.9214\.0/,
        ],
        [
            "V4: 17 data disks",
            (i) => vm(i, 0).disks.push(...Array.from({ length: 16 }, (_, d) => ({ name: `app01-extra${d}.vhdx`, role: "data" as const, sizeGB: 10 }))),
            [warn("V4", ".vms[0].disks")],
            /17 data disks; at most 16 replicate/,
        ],
        ["V4: a data disk over 4,095 GB with storage-account replicas", (i) => (vm(i, 1).replicaDisks = "storageAccount"), [warn("V4", ".vms[1].disks[1].sizeGB")], /at most 4,095 GB with storage-account replicas \(32,767 GB with managed-disk replication/],
        ["V4: a data disk over 32 TB", (i) => (disk(i, 1, 1).sizeGB = 40_000), [warn("V4", ".vms[1].disks[1].sizeGB")], /data disk "db01-data\.vhdx" is 40,000 GB; data disks are at most 32,767 GB/],
        ["V5: a shared VHD", (i) => (disk(i, 0, 1).type = "sharedVhd"), [warn("V5", ".vms[0].disks[1].type")], /disk "app01-data\.vhdx" is a shared VHD \(shared cluster disk\), which Site Recovery doesn't replicate/],
        ["V5: a Fibre Channel disk", (i) => (disk(i, 0, 1).type = "fibreChannel"), [warn("V5", ".vms[0].disks[1].type")], /is a Fibre Channel disk/],
        ["V5: a pass-through disk", (i) => (disk(i, 0, 1).type = "passThrough"), [warn("V5", ".vms[0].disks[1].type")], /is a pass-through disk, not a VHD or VHDX, which Site Recovery doesn't replicate \(SM18 08\/01\/2018\)/],
        ["V5: a 4K-native disk", (i) => (disk(i, 0, 1).sector = "4kn"), [warn("V5", ".vms[0].disks[1].sector")], /has 4K logical and physical sectors/],
        ["V5: BitLocker", (i) => (disk(i, 0, 0).bitlocker = true), [warn("V5", ".vms[0].disks[0].bitlocker")], /disable BitLocker before enabling replication/],
        ["V5: an encrypted disk", (i) => (disk(i, 0, 1).encrypted = true), [warn("V5", ".vms[0].disks[1].encrypted")], /is encrypted/],
        ["V5: Storage Spaces in the guest", (i) => (vm(i, 0).storageSpaces = true), [warn("V5", ".vms[0].storageSpaces")], /the VM uses Storage Spaces/],
        ["V5: guest SMB 3.0 storage", (i) => (vm(i, 0).guestSmb3 = true), [warn("V5", ".vms[0].guestSmb3")], /SMB 3\.0 storage mounted in the guest/],
        ["V6: Secure Boot on", (i) => (vm(i, 0).secureBoot = true), [warn("V6", ".vms[0].secureBoot")], /UEFI Secure Boot is on; Site Recovery doesn't support it/],
        ["V6: Secure Boot not stated on generation 2", (i) => delete vm(i, 0).secureBoot, [warn("V6", ".vms[0].secureBoot")], /Hyper-V turns it on for generation 2 VMs by default/],
        ["V7: NIC teaming in the guest", (i) => (vm(i, 0).network = { vmNetwork: "Corp-VMNet", nicTeaming: true }), [warn("V7", ".vms[0].network.nicTeaming")], /NIC teaming in the guest is not supported/],
        ["V7: IPv6 in the guest", (i) => (vm(i, 0).network = { vmNetwork: "Corp-VMNet", ipv6: true }), [warn("V7", ".vms[0].network.ipv6")], /after failover the VM has IPv4 only/],
    ])("%s", (_, violate, expected, message) => {
        const inventory = compliantInventory();
        violate(inventory);
        const findings = check(inventory);
        expect(problems(findings)).toEqual(expected);
        expect(findings.find((f) => f.level !== "pass" && f.key === expected.at(-1)!.key)?.message).toMatch(message);
    });

    it.each(["indiasouthcentral", "North East US 5"])("A14: warns that Hyper-V to Azure can't target %s", (region) => {
        const findings = check(compliantInventory(), { region });
        expect(problems(findings)).toEqual([{ fact: "A14", level: "warning", key: "azure-native:location" }]);
        expect(findings.find((f) => f.fact === "A14")?.message).toMatch(/which Hyper-V to Azure can't target \(REG26 05\/05\/2026\): enabling protection or failing over into it fails/);
    });

    it("reports warnings on the enable-protection job as failing later, and errors as refused at once", () => {
        const inventory = compliantInventory();
        disk(inventory, 0, 1).sector = "4kn";
        host(inventory, 0).hostGroup = "All Hosts\\Lab";
        const findings = check(inventory);
        expect(findings.filter((f) => f.fact === "V5" && f.level === "warning").map((f) => f.message)).toEqual([
            expect.stringMatching(/^the enable-protection job's prerequisites check fails: /),
        ]);
        expect(findings.filter((f) => f.level === "error").map((f) => f.message)).toEqual([expect.stringMatching(/Azure refuses its protected item before anything is created/)]);
    });

    it("checks a large site (50 clouds, 100 hosts, 500 VMs, 2,000 disks)", () => {
        const inventory = largeInventory();
        expect(inventory.vmmServers.flatMap((s) => s.vms).flatMap((v) => v.disks)).toHaveLength(2000);
        const findings = checkReadiness(inventory, WEST_EUROPE);
        const count = (level: string, kind?: string) => findings.filter((f) => f.level === level && (kind === undefined || f.subject.kind === kind)).length;
        // Passes: 4 facts per server, 1 per cloud, 4 per host, 9 per VM, less the 15 VM warnings.
        expect(findings).toHaveLength(2 * 4 + 50 + 100 * 4 + 500 * 9);
        expect(count("error")).toBe(0);
        expect(problems(findings).filter((p) => p.fact === "V5")).toHaveLength(10);
        expect(problems(findings).filter((p) => p.fact === "V6")).toHaveLength(5);
        expect(count("warning")).toBe(15);
        expect(count("pass", "vm")).toBe(500 * 9 - 15);
        expect(problems(findings)[0]).toEqual({ fact: "V6", level: "warning", key: "asr-hyperv:onPremises.vmmServers[0].vms[24].secureBoot" });
        expect(problems(findings).at(-1)).toEqual({ fact: "V5", level: "warning", key: "asr-hyperv:onPremises.vmmServers[1].vms[249].disks[3].sector" });
    });
});

describe("replicaVmName (V1)", () => {
    it.each([
        ["a", true],
        ["web-01", true],
        ["A".repeat(63), true],
        ["A".repeat(64), false],
        ["", false],
        ["-web", false],
        ["web-", false],
        ["web_01", false],
        ["web.01", false],
    ])("%j is allowed: %s", (name, allowed) => expect(replicaVmName(name) === undefined).toBe(allowed));
});
