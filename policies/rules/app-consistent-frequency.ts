import { cite } from "./facts";

export const MAX_APP_CONSISTENT_HOURS = 12;

/** R4: app-consistent snapshots every 0 to 12 hours, and never less often than the retention allows. */
export function appConsistentFrequency(hours: number, retentionHours: number): string | undefined {
    if (!Number.isInteger(hours) || hours < 0 || hours > MAX_APP_CONSISTENT_HOURS) {
        return `app-consistent snapshot frequency ${hours} h is outside 0-${MAX_APP_CONSISTENT_HOURS} whole hours (${cite("R4")})`;
    }
    return hours > retentionHours
        ? `app-consistent snapshot frequency ${hours} h is above the recovery point retention ${retentionHours} h (${cite("R4")})`
        : undefined;
}
