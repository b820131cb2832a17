import { NAMESPACE } from "../config/schema";
import type { StackConfig } from "../config/load";
import type { SiteReplication } from "./replication";

/** Phase 2 in the stack's outputs: each cloud's mapping and plan, each VM's item, by the names VMM shows. */
export function replicationOutputs(site: SiteReplication) {
    return {
        networkMappings: Object.fromEntries(Object.entries(site.networkMappings).map(([name, mapping]) => [name, mapping.mappingId])),
        clouds: Object.fromEntries(
            Object.entries(site.clouds).map(([name, cloud]) => [
                name,
                {
                    containerMappingId: cloud.protection.mappingId,
                    recoveryPlan:
                        cloud.recoveryPlan === undefined
                            ? null
                            : {
                                  id: cloud.recoveryPlan.recoveryPlanId,
                                  name: cloud.recoveryPlan.recoveryPlanName,
                                  testFailoverNetworkId: cloud.recoveryPlan.testFailoverNetworkId.apply((id) => id ?? null),
                              },
                },
            ]),
        ),
        protectedVms: Object.fromEntries(
            Object.entries(site.vms).map(([name, vm]) => [
                name,
                { protectedItemId: vm.protectedItemId, targetVmName: vm.targetVmName, targetSubnet: vm.targetSubnetName.apply((subnet) => subnet ?? null) },
            ]),
        ),
    };
}

/**
 * What to do between phase 1 and phase 2, in order. The registration key is a credential
 * valid for 5 days: it is downloaded by the engineer, never made a stack output.
 */
export function phaseOneSteps(config: StackConfig): string[] {
    const privateEndpoints =
        config.privateReplication === undefined
            ? `Private endpoints for Site Recovery can be added only before the server registers (A13): if you want them, set ${NAMESPACE}:privateReplication and run pulumi up first`
            : "The Site Recovery private endpoint exists: register only now, and through it (A13)";
    return [
        privateEndpoints,
        `Download the vault registration key: portal, vault ${config.vault.name} > Site Recovery > Prepare infrastructure (Hyper-V with VMM), or Get-AzRecoveryServicesVaultSettingsFile -SiteRecovery -Vault (Get-AzRecoveryServicesVault -Name ${config.vault.name}); valid 5 days, a credential: keep it out of config and outputs`,
        "Install the Azure Site Recovery Provider on each VMM server, register it with the key, and run Synchronize cloud metadata",
        "Install the Microsoft Azure Recovery Services agent on every Hyper-V host of the clouds to protect",
        `When the clouds show in the vault (up to 30 minutes), set ${NAMESPACE}:site (vmmServer, vmNetworks, clouds with their VMs) and run pulumi up again`,
    ];
}
