import { cite } from "./facts";
import { isPremiumSku } from "./storage-sku";

/** R2: a 30-second copy frequency can't be used when replicated data lands on premium storage. */
export function copyFrequencyFitsStorage(replicationInterval: number, targetSkus: readonly string[]): string | undefined {
    return replicationInterval === 30 && targetSkus.some(isPremiumSku)
        ? `copy frequency 30 s is used with premium storage; use 300 or 900 seconds (${cite("R2")})`
        : undefined;
}
