import * as nodeModule from "node:module";

// The engine starts the pack for every preview and update, and loading what the runner has
// not loaded yet (@pulumi/policy and the @pulumi/pulumi modules it needs) takes ~100 ms.
// Node's on-disk compile cache, as TypeScript's tsc uses it, saves 25-30 ms of that from the
// second start on (docs/benchmarks.md). NODE_DISABLE_COMPILE_CACHE=1 turns it off.
// @pulumi/pulumi runs on any Node 22; the cache came in 22.1 and writing it on demand in
// 22.10, so an older Node starts the pack without it.
const { enableCompileCache, flushCompileCache } = nodeModule as Partial<typeof nodeModule>;
if (enableCompileCache !== undefined && flushCompileCache !== undefined) {
    enableCompileCache();
}

/**
 * Writes what the pack has compiled so far to the cache. Node writes it as it exits, and the
 * engine ends a pack with a signal.
 */
export function writeCompileCache(): void {
    flushCompileCache?.();
}
