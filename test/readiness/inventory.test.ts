import { describe, expect, it } from "vitest";
import { describeIssue } from "../../config/messages";
import { inventoryKey, inventorySchema } from "../../readiness/inventory";
import { compliantInventory, type InventoryInput } from "./examples";

/** The messages a user sees for a bad inventory, as config reports it under `asr-hyperv:onPremises`. */
function errors(input: unknown): string[] {
    const result = inventorySchema.safeParse(input);
    if (result.success) {
        throw new Error("the inventory was accepted");
    }
    return result.error.issues.flatMap((issue) => describeIssue({ ...issue, path: ["onPremises", ...issue.path] }, { onPremises: input }));
}

function changed(change: (inventory: InventoryInput) => void): InventoryInput {
    const inventory = compliantInventory();
    change(inventory);
    return inventory;
}

const server = (inventory: InventoryInput) => inventory.vmmServers[0]!;
const vm = (inventory: InventoryInput, index: number) => server(inventory).vms![index]!;

describe("inventorySchema", () => {
    it("reads an inventory as VMM shows it", () => {
        const inventory = inventorySchema.parse(compliantInventory());
        expect(inventory.vmmServers[0]).toMatchObject({ name: "vmm01.contoso.com", version: "2019", clouds: [{ name: "Gold" }] });
        expect(inventory.vmmServers[0]!.vms.map((v) => v.disks.length)).toEqual([2, 2]);
    });

    it("takes hosts and VMs as optional lists", () => {
        const inventory = inventorySchema.parse({ vmmServers: [{ name: "vmm01", version: "2022", internet: { access: "direct" }, clouds: [] }] });
        expect(inventory.vmmServers[0]).toMatchObject({ hosts: [], vms: [] });
    });

    it("names a place in it by its config key", () => {
        expect(inventoryKey(["vmmServers", 0, "vms", 3, "disks", 1, "sizeGB"])).toBe("asr-hyperv:onPremises.vmmServers[0].vms[3].disks[1].sizeGB");
        expect(inventoryKey([])).toBe("asr-hyperv:onPremises");
    });

    it.each<[string, unknown, string]>([
        ["a disk size that isn't a number", changed((i) => Object.assign(vm(i, 1).disks[1]!, { sizeGB: "8 TB" })), 'asr-hyperv:onPremises.vmmServers[0].vms[1].disks[1].sizeGB: "8 TB" is not a number'],
        ["a disk size of 0", changed((i) => (vm(i, 1).disks[1]!.sizeGB = 0)), "asr-hyperv:onPremises.vmmServers[0].vms[1].disks[1].sizeGB: 0 is not a size; give the disk's maximum size in GB, above 0"],
        ["an unknown disk role", changed((i) => Object.assign(vm(i, 0).disks[0]!, { role: "boot" })), 'asr-hyperv:onPremises.vmmServers[0].vms[0].disks[0].role: "boot" is not allowed; allowed: os, data'],
        [
            "an unknown disk type",
            changed((i) => Object.assign(vm(i, 0).disks[1]!, { type: "vmdk" })),
            'asr-hyperv:onPremises.vmmServers[0].vms[0].disks[1].type: "vmdk" is not allowed; allowed: vhd, vhdx, sharedVhd, fibreChannel, passThrough',
        ],
        ["an unknown sector size", changed((i) => Object.assign(vm(i, 0).disks[1]!, { sector: "4096" })), 'asr-hyperv:onPremises.vmmServers[0].vms[0].disks[1].sector: "4096" is not allowed; allowed: 512, 512e, 4kn'],
        ["generation 3", changed((i) => Object.assign(vm(i, 0), { generation: 3 })), "asr-hyperv:onPremises.vmmServers[0].vms[0].generation: 3 is not allowed; allowed: 1, 2"],
        ["an OS type in lower case", changed((i) => Object.assign(vm(i, 0), { osType: "windows" })), 'asr-hyperv:onPremises.vmmServers[0].vms[0].osType: "windows" is not allowed; allowed: Windows, Linux'],
        ["an unknown replica mode", changed((i) => Object.assign(vm(i, 0), { replicaDisks: "unmanaged" })), 'asr-hyperv:onPremises.vmmServers[0].vms[0].replicaDisks: "unmanaged" is not allowed; allowed: managed, storageAccount'],
        ["an unknown internet access", changed((i) => Object.assign(server(i), { internet: { access: "vpn" } })), 'asr-hyperv:onPremises.vmmServers[0].internet.access: "vpn" is not allowed; allowed: direct, proxy, none'],
        [
            "proxy authentication without a proxy",
            changed((i) => (server(i).internet = { access: "direct", proxyAuthentication: false })),
            'asr-hyperv:onPremises.vmmServers[0].internet.proxyAuthentication: applies only with access: proxy (access is "direct")',
        ],
        [
            "a VM in a cloud the server doesn't have",
            changed((i) => (vm(i, 0).cloud = "Gld")),
            'asr-hyperv:onPremises.vmmServers[0].vms[0].cloud: "Gld" is not a cloud of this VMM server; did you mean "Gold"? clouds: "Gold"',
        ],
        [
            "a VM on a host the server doesn't list",
            changed((i) => (vm(i, 1).host = "hv09.contoso.com")),
            'asr-hyperv:onPremises.vmmServers[0].vms[1].host: "hv09.contoso.com" is not a host of this VMM server; did you mean "hv01.contoso.com"? hosts: "hv01.contoso.com", "hv02.contoso.com"',
        ],
        ["a cloud listed twice", changed((i) => server(i).clouds.push({ name: "gold", hostGroups: [] })), 'asr-hyperv:onPremises.vmmServers[0].clouds[1].name: "gold" is the name of clouds[0] too; each cloud is listed once'],
        ["a VMM server name with a space", changed((i) => (server(i).name = "vmm 01")), 'asr-hyperv:onPremises.vmmServers[0].name: "vmm 01" is not a computer name; give the name VMM shows, e.g. vmm01.contoso.com'],
        ["an empty VM name", changed((i) => (vm(i, 0).name = " ")), "asr-hyperv:onPremises.vmmServers[0].vms[0].name: is empty"],
        ["no VMM server", { vmmServers: [] }, "asr-hyperv:onPremises.vmmServers: is empty; list the VMM servers, or leave asr-hyperv:onPremises out"],
        ["a VM without its cloud", changed((i) => delete (vm(i, 0) as { cloud?: string }).cloud), "asr-hyperv:onPremises.vmmServers[0].vms[0].cloud: required; give text"],
    ])("refuses %s, naming the key and what is allowed", (_, input, message) => {
        expect(errors(input)).toEqual([message]);
    });

    it("refuses an unknown key, naming it", () => {
        const input = changed((i) => Object.assign(vm(i, 0), { disk: [] }));
        expect(errors(input)).toEqual([expect.stringMatching(/^asr-hyperv:onPremises\.vmmServers\[0\]\.vms\[0\]\.disk: unknown key/)]);
    });

    it("reports every problem at once", () => {
        const input = changed((i) => {
            vm(i, 0).cloud = "Silver";
            vm(i, 1).disks[0]!.sizeGB = -1;
        });
        expect(errors(input)).toEqual([
            "asr-hyperv:onPremises.vmmServers[0].vms[1].disks[0].sizeGB: -1 is not a size; give the disk's maximum size in GB, above 0",
            'asr-hyperv:onPremises.vmmServers[0].vms[0].cloud: "Silver" is not a cloud of this VMM server; clouds: "Gold"',
        ]);
    });
});
