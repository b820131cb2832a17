"use strict";
// `npm run plan`: the offline plan's entry point, in JavaScript so it starts without a compiler.
const { enableCompileCache, setSourceMapsSupport } = require("node:module");

// Start-up is most of a plan's time: keep V8's compiled code between runs, and keep stack
// traces to the throwing frame, since the SDK records one for every promise it makes;
// --stack-traces asks for whole traces. Source maps turn a frame into its TypeScript line:
// the program's, not those of packages, whose maps (one per SDK module) would be read as
// each module loads.
enableCompileCache?.();
if (setSourceMapsSupport === undefined) {
    process.setSourceMapsEnabled(true);
} else {
    setSourceMapsSupport(true, { nodeModules: false });
}
const argv = process.argv.slice(2);
if (!argv.includes("--stack-traces")) {
    Error.stackTraceLimit = 1;
}
require("./register-ts.cjs");
require("./defer-typescript.cjs").deferTypeScript(__dirname);
const cli = require("./cli.ts");
process.on("unhandledRejection", (error) => cli.unhandled(error, argv));
cli.main(argv).then((code) => {
    process.exitCode = process.exitCode || code;
});
