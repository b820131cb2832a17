import { cite } from "./facts";
import { sameRegion } from "./regions";

/** A1: replication storage must be in the vault's region. Returns the violation, if any. */
export function storageInVaultRegion(storageLocation: string, vaultLocation: string): string | undefined {
    return sameRegion(storageLocation, vaultLocation)
        ? undefined
        : `storage is in "${storageLocation}" but the vault is in "${vaultLocation}" (${cite("A1")})`;
}

/** A2: the network failed-over VMs join must be in the vault's region. Returns the violation, if any. */
export function networkInVaultRegion(networkLocation: string, vaultLocation: string): string | undefined {
    return sameRegion(networkLocation, vaultLocation)
        ? undefined
        : `network is in "${networkLocation}" but the vault is in "${vaultLocation}" (${cite("A2")})`;
}
