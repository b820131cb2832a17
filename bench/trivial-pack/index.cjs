"use strict";
// The floor for the benchmarks (bench/policies-protocol.ts, bench/pack-startup.ts): a
// JavaScript policy pack with as many resource and stack policies as ours, each doing
// nothing, so that it pays only what @pulumi/policy pays for any pack: starting, and
// deserialising every resource for each policy. The counts come from the benchmark.
const { PolicyPack } = require("@pulumi/policy");

const count = (name) => Number(process.env[name] ?? "1");
const resourcePolicies = Array.from({ length: count("BENCH_RESOURCE_POLICIES") }, (_, index) => ({
    name: `resource-${index}`,
    description: "Does nothing.",
    enforcementLevel: "mandatory",
    validateResource: () => undefined,
}));
const stackPolicies = Array.from({ length: count("BENCH_STACK_POLICIES") }, (_, index) => ({
    name: `stack-${index}`,
    description: "Does nothing.",
    enforcementLevel: "mandatory",
    validateStack: () => undefined,
}));

new PolicyPack("bench-trivial-pack", { policies: [...resourcePolicies, ...stackPolicies] });
