/**
 * Account settings a Site Recovery account keeps, besides transport: shared keys, which
 * Site Recovery's writes to cache and log accounts use (replication fails without them:
 * asr-phase2.md section 6, azurerm #27190, seen for Azure-to-Azure and not verified for
 * Hyper-V), and no object replication to other tenants, which could copy replicas out.
 */
export interface AccountAccess {
    allowSharedKeyAccess?: boolean | undefined;
    allowCrossTenantReplication?: boolean | undefined;
}

export function accountAccessProblems(access: AccountAccess): string[] {
    const problems: string[] = [];
    if (access.allowSharedKeyAccess === false) {
        problems.push("allowSharedKeyAccess is false; Site Recovery writes to cache and log accounts with shared keys and replication fails without them: set true");
    }
    if (access.allowCrossTenantReplication === true) {
        problems.push("allowCrossTenantReplication is true; object replication could copy replicas to another tenant: set false");
    }
    return problems;
}
