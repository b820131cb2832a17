import type { ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type * as grpcTypes from "@grpc/grpc-js";
import type * as analyzerGrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import type * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import type * as engineGrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import type * as enginePb from "@pulumi/pulumi/proto/engine_pb";
import type * as providerGrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import type * as providerPb from "@pulumi/pulumi/proto/provider_pb";
import type * as resourceGrpc from "@pulumi/pulumi/proto/resource_grpc_pb";
import type * as resourcePb from "@pulumi/pulumi/proto/resource_pb";
import type * as emptyPb from "google-protobuf/google/protobuf/empty_pb";
import type * as structPb from "google-protobuf/google/protobuf/struct_pb";

/** The SDK's generated gRPC modules, with grpc-js and google-protobuf as that SDK resolves them. */
export interface Protos {
    grpc: typeof grpcTypes;
    resource: typeof resourcePb;
    resourceGrpc: typeof resourceGrpc;
    engine: typeof enginePb;
    engineGrpc: typeof engineGrpc;
    analyzer: typeof analyzerPb;
    analyzerGrpc: typeof analyzerGrpc;
    provider: typeof providerPb;
    providerGrpc: typeof providerGrpc;
    empty: typeof emptyPb;
    struct: typeof structPb;
}

const loaded = new Map<string, Protos>();

/**
 * The protocol modules of the `@pulumi/pulumi` that `fromDir` resolves. The generated
 * (de)serializers check `instanceof` against their own google-protobuf, so every module
 * must come from that one SDK copy.
 */
export function sdkProtos(fromDir: string): Protos {
    const anchor = require.resolve("@pulumi/pulumi/proto/resource_grpc_pb", { paths: [fromDir] });
    let protos = loaded.get(anchor);
    if (protos === undefined) {
        const sdk = createRequire(anchor);
        const proto = (name: string) => sdk(join(dirname(anchor), name)) as unknown;
        protos = {
            grpc: sdk("@grpc/grpc-js") as Protos["grpc"],
            resource: proto("resource_pb") as Protos["resource"],
            resourceGrpc: proto("resource_grpc_pb") as Protos["resourceGrpc"],
            engine: proto("engine_pb") as Protos["engine"],
            engineGrpc: proto("engine_grpc_pb") as Protos["engineGrpc"],
            analyzer: proto("analyzer_pb") as Protos["analyzer"],
            analyzerGrpc: proto("analyzer_grpc_pb") as Protos["analyzerGrpc"],
            provider: proto("provider_pb") as Protos["provider"],
            providerGrpc: proto("provider_grpc_pb") as Protos["providerGrpc"],
            empty: sdk("google-protobuf/google/protobuf/empty_pb") as Protos["empty"],
            struct: sdk("google-protobuf/google/protobuf/struct_pb") as Protos["struct"],
        };
        loaded.set(anchor, protos);
    }
    return protos;
}

/** The message sizes the SDK and the engine allow (400 MiB). */
export const CHANNEL_OPTIONS = {
    "grpc.max_receive_message_length": 1024 * 1024 * 400,
    "grpc.max_send_message_length": 1024 * 1024 * 400,
};

/**
 * This process's environment as a plugin the CLI starts would inherit it: without what
 * the engine sets itself (`engineSets`, PULUMI_NODEJS_*, PULUMI_CONFIG) and what a test
 * runner adds.
 */
export function inheritedEnv(engineSets: readonly string[]): Record<string, string> {
    const underVitest = process.env.VITEST !== undefined;
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
        const engineOwned = key.startsWith("PULUMI_NODEJS_") || key === "PULUMI_CONFIG" || engineSets.includes(key);
        const testOwned = key.startsWith("VITEST") || key === "NODE_V8_COVERAGE" || (underVitest && ((key === "NODE_ENV" && value === "test") || (key === "TEST" && value === "true")));
        if (value !== undefined && !engineOwned && !testOwned) {
            env[key] = value;
        }
    }
    return env;
}

/** The port a plugin the engine starts (a policy pack, a component provider) prints as its first line. */
export function waitForPort(child: ChildProcess, what: string, stderr: () => string): Promise<number> {
    return new Promise((resolvePort, reject) => {
        let line = "";
        child.on("exit", (code) => reject(new Error(`${what} exited (${code}) before it served:\n${stderr()}`)));
        child.stdout?.on("data", (chunk: Buffer) => {
            line += chunk.toString();
            const end = line.indexOf("\n");
            if (end >= 0) {
                resolvePort(Number(line.slice(0, end).trim()));
            }
        });
    });
}
