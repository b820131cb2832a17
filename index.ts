import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import { FailoverNetwork, PrivateReplication, RecoveryVault, ReplicationStorage, type PrivateReplicationAccount } from "./components";
import { loadStackConfig } from "./config/load";

// Validate everything before the first resource is registered.
const { config, warnings } = loadStackConfig(pulumi.runtime.allConfig(), pulumi.getProject(), pulumi.getStack());
for (const warning of warnings) {
    void pulumi.log.warn(warning);
}

// An existing group is looked up, so a wrong name fails the preview rather than `pulumi up`.
// A created group is named as asked: its name is known in a preview (its `name` output is
// not), and what takes it still waits for the group.
const resourceGroupName: pulumi.Output<string> = config.existingResourceGroup
    ? resources.getResourceGroupOutput({ resourceGroupName: config.resourceGroupName }).apply(() => config.resourceGroupName)
    : new resources.ResourceGroup("resource-group", {
          resourceGroupName: config.resourceGroupName,
          location: config.location,
          tags: config.tags,
      }).urn.apply(() => config.resourceGroupName);

const recoveryVault = new RecoveryVault("vault", {
    resourceGroupName,
    location: config.location,
    vaultName: config.vault.name,
    storageRedundancy: config.vault.storageRedundancy,
    publicNetworkAccess: config.vault.publicNetworkAccess,
    protect: config.protect,
    tags: config.tags,
});

// Storage and networks go where the vault is (A1, A2) and are tagged with its name.
const replicationStorage = new ReplicationStorage("storage", {
    resourceGroupName,
    vault: recoveryVault,
    performance: config.storage.performance,
    redundancy: config.storage.redundancy,
    nameSeed: config.storage.nameSeed,
    firewall: config.storage.firewall,
    lock: config.storage.lock,
    protect: config.protect,
    tags: config.tags,
});

const failoverNetwork = new FailoverNetwork("network", {
    resourceGroupName,
    vault: recoveryVault,
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

// Site Recovery private endpoints can be created only on a vault with no registered servers
// (A13, A16): this stack must be up before the VMM server registers, which happens outside
// Pulumi, so no dependency can enforce it; the output below says so.
const privateAccess = config.privateReplication;
const privateLink =
    privateAccess === undefined
        ? undefined
        : new PrivateReplication(
              "private-replication",
              {
                  resourceGroupName,
                  vault: recoveryVault,
                  // Config named a subnet by id, or one of the failover subnets by name.
                  subnetId: privateAccess.subnetId ?? failoverNetwork.subnetIds.apply((ids) => ids[privateAccess.subnet!]!),
                  storageAccounts: [
                      { name: "standard", accountId: replicationStorage.standardAccount.id },
                      ...(replicationStorage.premiumAccount ? [{ name: "premium", accountId: replicationStorage.premiumAccount.id, premium: true }] : []),
                  ] satisfies PrivateReplicationAccount[],
                  blobPrivateEndpoints: privateAccess.blob,
                  tags: config.tags,
              },
              { dependsOn: [recoveryVault, replicationStorage, failoverNetwork] },
          );

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
/** Private replication, when configured: register the VMM server only once `pulumi up` has created it. */
export const privateReplication = privateLink
    ? {
          siteRecoveryEndpointId: privateLink.siteRecoveryEndpointId,
          blobEndpointIds: privateLink.blobEndpointIds,
          registerAfter: "register the VMM server with the vault only after this stack is up: Site Recovery private endpoints can't be added once a server is registered (A13)",
      }
    : null;
