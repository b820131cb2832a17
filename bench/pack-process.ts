// Policy packs started as the engine starts them (engine/analyzer-host.ts), for the
// benchmarks: ours from policies/, and the floor, bench/trivial-pack, with as many resource
// and stack policies as ours.
import { join } from "node:path";
import { startPolicyPack, type AnalyzedResource, type EncodedRequest, type PolicyPackProcess, type StackIdentity } from "../engine/analyzer-host";
import { startEngineServer, type EngineServer } from "../engine/monitor-server";
import { reconcilePackConfig } from "../engine/pack-config";
import { policies } from "../policies/pack";
import { ROOT } from "./program";

export const PACKS = { ours: join(ROOT, "policies"), trivial: join(ROOT, "bench", "trivial-pack") } as const;
export type PackName = keyof typeof PACKS;

const IDENTITY: StackIdentity = { organization: "organization", project: "bench", stack: "bench", dryRun: true, config: { "azure-native:location": "westeurope" } };

// The trivial pack reads how many policies to declare from its environment, which it inherits.
process.env.BENCH_RESOURCE_POLICIES = String(policies.filter((policy) => "validateResource" in policy).length);
process.env.BENCH_STACK_POLICIES = String(policies.filter((policy) => "validateStack" in policy).length);

/** An engine stand-in for packs to log to, as the engine gives them its address. */
export function engine(): Promise<EngineServer> {
    return startEngineServer({ ...IDENTITY, preview: true, secretKeys: [] });
}

/**
 * Starts `pack` and takes it through the engine's first calls, up to Configure with the
 * defaults. With `configure` (from `encodedRequests`), it sends that and leaves the pack's
 * description undecoded, as the engine decodes it and works out the config in Go.
 */
export async function startPack(pack: PackName, server: EngineServer, configure?: EncodedRequest): Promise<PolicyPackProcess> {
    const started = await startPolicyPack(PACKS[pack], server.address, IDENTITY);
    await started.handshake();
    await started.configureStack({});
    if (configure === undefined) {
        const info = await started.getAnalyzerInfo();
        await started.configure(reconcilePackConfig(info.policies).policies);
    } else {
        await started.send(started.encode.getAnalyzerInfo());
        await started.send(configure);
    }
    return started;
}

/** The Configure request the engine sends `pack` with the defaults, and `first` as an Analyze request, encoded in a start of the pack of its own. */
export async function encodedRequests(pack: PackName, server: EngineServer, first: AnalyzedResource): Promise<{ configure: EncodedRequest; first: EncodedRequest }> {
    const probe = await startPolicyPack(PACKS[pack], server.address, IDENTITY);
    try {
        const info = await probe.getAnalyzerInfo();
        return { configure: probe.encode.configure(reconcilePackConfig(info.policies).policies), first: probe.encode.analyze(first) };
    } finally {
        await probe.stop();
    }
}
