import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import { FailoverNetwork, RecoveryVault, ReplicationStorage } from "./components";
import { loadStackConfig } from "./config/load";

// Validate everything before the first resource is registered.
const { config, warnings } = loadStackConfig(pulumi.runtime.allConfig(), pulumi.getProject(), pulumi.getStack());
for (const warning of warnings) {
    void pulumi.log.warn(warning);
}

// An existing group is looked up, so a wrong name fails the preview rather than `pulumi up`.
const resourceGroupName: pulumi.Output<string> = config.existingResourceGroup
    ? resources.getResourceGroupOutput({ resourceGroupName: config.resourceGroupName }).apply(() => config.resourceGroupName)
    : new resources.ResourceGroup("resource-group", {
          resourceGroupName: config.resourceGroupName,
          location: config.location,
          tags: config.tags,
      }).name;

const recoveryVault = new RecoveryVault("vault", {
    resourceGroupName,
    location: config.location,
    vaultName: config.vault.name,
    storageRedundancy: config.vault.storageRedundancy,
    publicNetworkAccess: config.vault.publicNetworkAccess,
    lock: config.vault.lock,
    protect: config.protect,
    tags: config.tags,
});

const replicationStorage = new ReplicationStorage("storage", {
    resourceGroupName,
    location: config.location,
    vaultLocation: config.location,
    vaultName: config.vault.name,
    performance: config.storage.performance,
    redundancy: config.storage.redundancy,
    nameSeed: config.storage.nameSeed,
    firewall: config.storage.firewall,
    protect: config.protect,
    tags: config.tags,
});

const failoverNetwork = new FailoverNetwork("network", {
    resourceGroupName,
    location: config.location,
    vaultLocation: config.location,
    vaultName: config.vault.name,
    virtualNetworkName: config.network.name,
    addressSpace: config.network.addressSpace,
    subnets: config.network.subnets,
    testFailover:
        config.network.testFailover === undefined
            ? undefined
            : {
                  virtualNetworkName: config.network.testFailover.name,
                  addressSpace: config.network.testFailover.addressSpace,
                  subnets: config.network.testFailover.subnets,
              },
    tags: config.tags,
});

export const location = config.location;
export const resourceGroup = resourceGroupName;
export const vaultName = recoveryVault.vaultName;
export const vaultId = recoveryVault.vaultId;
export const storagePerformance = config.storage.performance;
export const dataStorageAccountName = replicationStorage.dataAccountName;
export const dataStorageAccountId = replicationStorage.dataAccountId;
/** The replication log account (premium only): enable-replication asks for it. */
export const logStorageAccount = replicationStorage.premiumAccount
    ? { name: replicationStorage.logAccountName, id: replicationStorage.logAccountId }
    : null;
export const replicationStorageAccountIds = replicationStorage.replicationStorageAccountIds;
export const virtualNetworkName = failoverNetwork.virtualNetworkName;
export const virtualNetworkId = failoverNetwork.virtualNetworkId;
export const subnetIds = failoverNetwork.subnetIds;
/** The isolated test-failover network, when configured: where test failovers land (A10). */
export const testVirtualNetwork = failoverNetwork.testVirtualNetwork
    ? { id: failoverNetwork.testVirtualNetwork.id, name: failoverNetwork.testVirtualNetwork.name, subnetIds: failoverNetwork.testSubnetIds }
    : null;
