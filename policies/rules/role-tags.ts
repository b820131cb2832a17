import { sameAzureName } from "./azure-names";

/**
 * Tags by which policies recognise Site Recovery resources in any stack, ours or not:
 * what a resource is for, and which vault (by name) it serves. Documented in
 * policies/README.md so other teams can set them too.
 */
export const ROLE_TAG = "asr-hyperv:role";
export const VAULT_TAG = "asr-hyperv:vault";

export const ROLES = {
    vault: "vault",
    replicationStorage: "replication-storage",
    logStorage: "replication-log-storage",
    failoverNetwork: "failover-network",
    testFailoverNetwork: "test-failover-network",
} as const;

export type Role = (typeof ROLES)[keyof typeof ROLES];

/**
 * True when an `asr-hyperv:vault` tag names this vault: `<vault name>`, or
 * `<resource group>/<vault name>` where two vaults share a name.
 */
export function tagNamesVault(tag: string | undefined, vaultName: string | undefined, vaultResourceGroup: string | undefined): boolean {
    const [group, name] = tag?.includes("/") ? tag.split("/", 2) : [undefined, tag];
    return sameAzureName(vaultName, name) && (group === undefined || sameAzureName(group, vaultResourceGroup));
}
