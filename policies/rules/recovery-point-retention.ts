import { cite } from "./facts";

export const MAX_RETENTION_HOURS = 24;

/** R3: recovery points are kept 0 to 24 hours. */
export function recoveryPointRetention(hours: number): string | undefined {
    return Number.isInteger(hours) && hours >= 0 && hours <= MAX_RETENTION_HOURS
        ? undefined
        : `recovery point retention ${hours} h is outside 0-${MAX_RETENTION_HOURS} whole hours (${cite("R3")})`;
}
