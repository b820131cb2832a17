import { cite } from "./facts";

/** Copy frequencies in seconds: 30 s, 5 min, 15 min (R1). */
export const COPY_FREQUENCIES = [30, 300, 900] as const;

/** R1: `replicationInterval` must be one Hyper-V replication supports (or one of `allowed`). */
export function copyFrequency(
    replicationInterval: number,
    allowed: readonly number[] = COPY_FREQUENCIES,
): string | undefined {
    return allowed.includes(replicationInterval)
        ? undefined
        : `copy frequency ${replicationInterval} s is not allowed; allowed: ${allowed.join(", ")} seconds (${cite("R1")})`;
}
