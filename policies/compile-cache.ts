import { enableCompileCache } from "node:module";

// The engine starts the pack for every preview and update, and loading what the runner has
// not loaded yet (@pulumi/policy and the @pulumi/pulumi modules it needs) takes ~100 ms.
// Node's on-disk compile cache, as TypeScript's tsc uses it, saves 25-30 ms of that from the
// second start on (docs/benchmarks.md). NODE_DISABLE_COMPILE_CACHE=1 turns it off.
enableCompileCache();
