import * as resources from "@pulumi/azure-native/resources";
import { FailoverNetwork, RecoveryVault, ReplicationStorage } from "asr-hyperv/components";

// Two on-premises sites, each replicating to its own region: a vault per site, with
// storage and a failover network that follow the vault's region (A1, A2).
const sites = [
    {
        name: "amsterdam",
        location: "westeurope",
        addressSpace: "10.60.0.0/16",
        subnets: [
            { name: "workloads", addressPrefix: "10.60.1.0/24" },
            { name: "management", addressPrefix: "10.60.10.0/24" },
        ],
        testAddressSpace: "10.160.0.0/16",
    },
    {
        name: "dublin",
        location: "northeurope",
        addressSpace: "10.70.0.0/16",
        subnets: [{ name: "workloads", addressPrefix: "10.70.1.0/24" }],
        testAddressSpace: "10.170.0.0/16",
    },
];

export const recovery = sites.map((site) => {
    const group = new resources.ResourceGroup(`${site.name}-dr`, { resourceGroupName: `rg-dr-${site.name}`, location: site.location });
    const vault = new RecoveryVault(`${site.name}-vault`, {
        resourceGroupName: group.name,
        location: group.location,
        vaultName: `rsv-dr-${site.name}`,
    });
    const storage = new ReplicationStorage(`${site.name}-storage`, { resourceGroupName: group.name, vault });
    const network = new FailoverNetwork(`${site.name}-network`, {
        resourceGroupName: group.name,
        vault,
        virtualNetworkName: `vnet-dr-${site.name}`,
        addressSpace: [site.addressSpace],
        subnets: site.subnets,
        testFailover: { virtualNetworkName: `vnet-dr-${site.name}-test`, addressSpace: [site.testAddressSpace] },
    });
    return {
        site: site.name,
        vaultName: vault.vaultName,
        replicationStorageAccountIds: storage.replicationStorageAccountIds,
        virtualNetworkId: network.virtualNetworkId,
        testVirtualNetworkId: network.testVirtualNetworkId,
    };
});
