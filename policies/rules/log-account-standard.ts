import { cite } from "./facts";
import { quoted } from "./display";
import { isPremiumSku } from "./storage-sku";

/** A6: the account for replication logs (the cache) is a standard one, whatever holds the replicas. */
export function logAccountIsStandard(sku: string): string | undefined {
    return isPremiumSku(sku) ? `the replication log account is premium (${quoted(sku)}); the logs need a standard account (${cite("A6")})` : undefined;
}
