/**
 * A large DR site as config writes it: one VMM server, 50 clouds of 10 VMs, each VM with an
 * OS disk and 3 data disks (500 VMs, 2,000 disks), its ARM names under `site.names`, and the
 * VMs spread over 7 boot groups and 2 policies. For the tests and bench/site-evaluation.ts.
 */
export function largeSite(clouds = 50, vmsPerCloud = 10, dataDisks = 3) {
    const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");
    const guid = (kind: number, n: number) => `${hex(kind, 8)}-0000-4000-8000-${hex(n, 12)}`;
    const cloudList = Array.from({ length: clouds }, (_, c) => ({
        name: `Cloud-${c}`,
        replicationPolicy: c % 2 === 0 ? "gold" : "silver",
        vms: Array.from({ length: vmsPerCloud }, (_, v) => {
            const name = `vm-${c}-${v}`;
            return {
                name,
                osType: v % 5 === 0 ? "Linux" : "Windows",
                osDisk: `${name}-os.vhdx`,
                dataDisks: Array.from({ length: dataDisks }, (_, d) => `${name}-data${d}.vhdx`),
                bootGroup: (v % 7) + 1,
                sourceSubnet: v % 2 === 0 ? "web" : "sql",
            };
        }),
    }));
    let disk = 0;
    const names = {
        fabricName: "f".repeat(64),
        clouds: Object.fromEntries(
            cloudList.map((cloud, c) => [
                cloud.name,
                {
                    containerName: `cloud_${guid(1, c)}`,
                    vms: Object.fromEntries(
                        cloud.vms.map((vm, v) => [
                            vm.name,
                            {
                                protectableItemName: guid(2, c * vmsPerCloud + v),
                                disks: Object.fromEntries([vm.osDisk, ...vm.dataDisks].map((vhd) => [vhd, guid(3, disk++)])),
                                osDisk: vm.osDisk,
                            },
                        ]),
                    ),
                },
            ]),
        ),
        vmNetworks: { "Corp-Prod": guid(4, 0), "Corp-Data": guid(4, 1) },
    };
    return {
        "asr-hyperv:replicationPolicies": JSON.stringify([{ name: "gold" }, { name: "silver", copyFrequencySeconds: 900, recoveryPointRetentionHours: 24, appConsistentFrequencyHours: 4 }]),
        "asr-hyperv:site": JSON.stringify({ vmmServer: "vmm01.contoso.com", vmNetworks: ["Corp-Prod", "Corp-Data"], clouds: cloudList, names }),
    };
}
