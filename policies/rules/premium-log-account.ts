import { cite } from "./facts";
import { isPremiumSku } from "./storage-sku";

/**
 * A6: when any account for a vault's replicated data is premium, a standard account
 * must sit beside it for the replication logs. `skus` are the SKUs of all replication
 * accounts of one vault.
 */
export function premiumHasLogAccount(skus: readonly string[]): string | undefined {
    const premium = skus.some(isPremiumSku);
    const standard = skus.some((sku) => !isPremiumSku(sku));
    return premium && !standard
        ? `premium storage holds replicated data but there is no standard account for the replication logs (${cite("A6")})`
        : undefined;
}
