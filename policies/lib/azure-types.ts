/**
 * Resource type tokens of azure-native, matched by module and name so that explicit API
 * versions (`azure-native:storage/v20230501:StorageAccount`) count too. Policies match
 * tokens rather than import azure-native classes: the pack loads in a fraction of the
 * time, and checks stacks built with any azure-native version.
 */
function matcher(module: string, resource: string): (type: string) => boolean {
    const pattern = new RegExp(`^azure-native:${module}(?:/v[0-9a-z]+)?:${resource}$`);
    // A stack has few types and many resources: each type is matched once.
    const answers = new Map<string, boolean>();
    return (type) => {
        let answer = answers.get(type);
        if (answer === undefined) {
            answer = pattern.test(type);
            answers.set(type, answer);
        }
        return answer;
    };
}

export const isVault = matcher("recoveryservices", "Vault");
export const isStorageAccount = matcher("storage", "StorageAccount");
export const isVirtualNetwork = matcher("network", "VirtualNetwork");
export const isVirtualNetworkPeering = matcher("network", "VirtualNetworkPeering");
export const isReplicationPolicy = matcher("recoveryservices", "ReplicationPolicy");
export const isNetworkMapping = matcher("recoveryservices", "ReplicationNetworkMapping");
export const isProtectedItem = matcher("recoveryservices", "ReplicationProtectedItem");
export const isContainerMapping = matcher("recoveryservices", "ReplicationProtectionContainerMapping");

/**
 * The ARM id path under a resource group of the resources others refer to by id, with the
 * input that holds the resource's own name: enough to tie an id a replication policy or
 * protected item lists to a resource whose id is not known yet.
 */
export const ARM_PATHS: readonly { is: (type: string) => boolean; provider: string; nameInput: string }[] = [
    { is: isStorageAccount, provider: "microsoft.storage/storageaccounts", nameInput: "accountName" },
    { is: isVirtualNetwork, provider: "microsoft.network/virtualnetworks", nameInput: "virtualNetworkName" },
    { is: isVault, provider: "microsoft.recoveryservices/vaults", nameInput: "vaultName" },
];
export const isPrivateEndpoint = matcher("network", "PrivateEndpoint");
export const isRoleAssignment = matcher("authorization", "RoleAssignment");
export const isLockByScope = matcher("authorization", "ManagementLockByScope");
export const isSubnet = matcher("network", "Subnet");
