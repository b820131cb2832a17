import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as resources from "@pulumi/azure-native/resources";
import { FailoverNetwork, PrivateReplication, RecoveryVault, ReplicaStorage, ReplicationStorage, type PrivateReplicationAccount } from "./components";
import { loadStackConfig } from "./config/load";
import { phaseOneSteps, replicationOutputs } from "./stack/outputs";
import { replicateSite, replicationPolicies } from "./stack/replication";
import { siteNames } from "./stack/site-names";

// An async program (run and awaited by the language host, its result the stack's outputs):
// phase 2 needs the names registration created, looked up before anything is registered.
export = async () => {
    // Validate everything, and resolve the names registration created, before the first resource is registered.
    const { config, warnings } = loadStackConfig(pulumi.runtime.allConfig(), pulumi.getProject(), pulumi.getStack());
    for (const warning of warnings) {
        void pulumi.log.warn(warning);
    }
    const { subscriptionId } = await authorization.getClientConfig();
    const names = await siteNames(config, subscriptionId);

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
        replicas: config.storage.replicas,
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

    const base = { config, subscriptionId, resourceGroupName, vaultName: recoveryVault.vaultName, storage: replicationStorage, network: failoverNetwork };
    const policies = replicationPolicies(base);
    const site = config.site === undefined || names === undefined ? undefined : replicateSite(base, config.site, names, policies);

    return {
        location: config.location,
        resourceGroup: resourceGroupName,
        vaultName: recoveryVault.vaultName,
        vaultId: recoveryVault.vaultId,
        storagePerformance: config.storage.performance,
        /** What holds the replicas, and which account is for what. */
        replicaStorage: {
            replicas: replicationStorage.replicas,
            /** The account replicas land in; null with managed-disk replicas. */
            dataAccount:
                replicationStorage.replicas === ReplicaStorage.StorageAccount
                    ? { name: replicationStorage.dataAccountName, id: replicationStorage.dataAccountId }
                    : null,
            /** The log (cache) account every protected VM names; null with standard storage-account replicas. */
            logAccount: replicationStorage.hasLogAccount ? { name: replicationStorage.logAccountName, id: replicationStorage.logAccountId } : null,
        },
        replicationStorageAccountIds: replicationStorage.replicationStorageAccountIds,
        replicationPolicyIds: Object.fromEntries(config.replicationPolicies.map((policy) => [policy.name, policies.get(policy.name)!.policyId])),
        virtualNetworkName: failoverNetwork.virtualNetworkName,
        virtualNetworkId: failoverNetwork.virtualNetworkId,
        subnetIds: failoverNetwork.subnetIds,
        /** The isolated test-failover network, when configured: where test failovers land (A10). */
        testVirtualNetwork: failoverNetwork.testVirtualNetwork
            ? { id: failoverNetwork.testVirtualNetwork.id, name: failoverNetwork.testVirtualNetwork.name, subnetIds: failoverNetwork.testSubnetIds }
            : null,
        /** Private replication, when configured: register the VMM server only once `pulumi up` has created it. */
        privateReplication: privateLink
            ? {
                  siteRecoveryEndpointId: privateLink.siteRecoveryEndpointId,
                  blobEndpointIds: privateLink.blobEndpointIds,
                  registerAfter: "register the VMM server with the vault only after this stack is up: Site Recovery private endpoints can't be added once a server is registered (A13)",
              }
            : null,
        /** Phase 2: what is protected, and where each cloud's recovery plan sends test failovers. */
        replication: site === undefined ? null : replicationOutputs(site),
        nextSteps: site === undefined ? phaseOneSteps(config) : null,
    };
};
