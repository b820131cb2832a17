import type { z } from "zod";
import { inventorySchema, type Inventory } from "../../readiness/inventory";

/** The inventory as an engineer writes it under `asr-hyperv:onPremises`, before defaults. */
export type InventoryInput = z.input<typeof inventorySchema>;

/**
 * A site that meets every readiness fact: VMM 2019 behind a proxy, a cloud over the
 * Production host group (hv01 is in a group below it), a 2019 host and a 2012 R2 host with
 * KB 2961977, a generation 2 Windows VM with Secure Boot off and a generation 1 Linux VM
 * with an 8,000 GB data disk (allowed with managed-disk replicas, the default).
 */
export function compliantInventory(): InventoryInput {
    return {
        vmmServers: [
            {
                name: "vmm01.contoso.com",
                version: "2019",
                internet: { access: "proxy", proxyAuthentication: false },
                clouds: [{ name: "Gold", hostGroups: ["All Hosts\\Production"], networks: ["Corp-VMNet"] }],
                hosts: [
                    { name: "hv01.contoso.com", os: "Windows Server 2019 Datacenter", hostGroup: "All Hosts\\Production\\Rack1" },
                    { name: "hv02.contoso.com", os: "Windows Server 2012 R2", hostGroup: "All Hosts\\Production", updates: { kb2961977: true } },
                ],
                vms: [
                    {
                        name: "app01",
                        host: "hv01.contoso.com",
                        cloud: "Gold",
                        generation: 2,
                        osType: "Windows",
                        os: "Windows Server 2019",
                        bits: 64,
                        secureBoot: false,
                        disks: [
                            { name: "app01-os.vhdx", role: "os", sizeGB: 127 },
                            { name: "app01-data.vhdx", role: "data", sizeGB: 1024, type: "vhdx", sector: "512e" },
                        ],
                        network: { vmNetwork: "Corp-VMNet", subnet: "app" },
                    },
                    {
                        name: "db01",
                        host: "hv02.contoso.com",
                        cloud: "Gold",
                        generation: 1,
                        osType: "Linux",
                        os: "Ubuntu 22.04",
                        disks: [
                            { name: "db01-os.vhd", role: "os", sizeGB: 64, type: "vhd" },
                            { name: "db01-data.vhdx", role: "data", sizeGB: 8000 },
                        ],
                        network: { vmNetwork: "Corp-VMNet" },
                    },
                ],
            },
        ],
    };
}

/**
 * A large site: 2 VMM servers with 25 clouds each (50), 2 hosts per cloud (100), 10 VMs per
 * cloud (500) with an OS disk and 3 data disks each (2,000 disks). Every 50th VM has a
 * 4K-native data disk and every 100th, counting from the 25th, Secure Boot on: 10 + 5 VMs
 * with a warning, the rest meeting every fact.
 */
export function largeInventory(): Inventory {
    let vmNumber = 0;
    const servers = [0, 1].map((s) => {
        const clouds = Array.from({ length: 25 }, (_, c) => ({ name: `cloud-${s}-${c}`, hostGroups: [`All Hosts\\Site${s}\\Group${c}`], networks: [`vmnet-${s}-${c}`] }));
        const hosts = clouds.flatMap((_, c) =>
            [0, 1].map((h) => ({ name: `hv-${s}-${c}-${h}.contoso.com`, os: "Windows Server 2019", hostGroup: `All Hosts\\Site${s}\\Group${c}` })),
        );
        const vms = clouds.flatMap((cloud, c) =>
            Array.from({ length: 10 }, () => {
                vmNumber += 1;
                const name = `vm-${String(vmNumber).padStart(3, "0")}`;
                return {
                    name,
                    host: `hv-${s}-${c}-${vmNumber % 2}.contoso.com`,
                    cloud: cloud.name,
                    generation: 2,
                    osType: "Windows",
                    os: "Windows Server 2022",
                    bits: 64,
                    secureBoot: vmNumber % 100 === 25,
                    disks: [
                        { name: `${name}-os.vhdx`, role: "os", sizeGB: 127 },
                        ...[1, 2, 3].map((d) => ({ name: `${name}-data${d}.vhdx`, role: "data", sizeGB: 512 * d, sector: vmNumber % 50 === 0 && d === 3 ? "4kn" : "512e" })),
                    ],
                    network: { vmNetwork: cloud.networks[0]! },
                };
            }),
        );
        return { name: `vmm0${s + 1}.contoso.com`, version: "2022", internet: { access: "direct" }, clouds, hosts, vms };
    });
    return inventorySchema.parse({ vmmServers: servers });
}
