"use strict";
// Preloaded (NODE_OPTIONS=--require) into a process the benchmarks start through code they
// don't control, such as Pulumi's language host: appends the process's peak resident memory
// in kilobytes to the file BENCH_MAX_RSS_FILE names when it exits.
const { appendFileSync } = require("node:fs");

const file = process.env.BENCH_MAX_RSS_FILE;
if (file) {
    process.on("exit", () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
}
