"use strict";
// `npm run plan`: the offline plan's entry point, in JavaScript so it starts without a compiler.
const { enableCompileCache } = require("node:module");

// Start-up is most of a plan's time: keep V8's compiled code between runs, and keep stack
// traces to the throwing frame, since the SDK records one for every promise it makes.
// --stack-traces trades that for whole traces with TypeScript line numbers.
enableCompileCache?.();
if (process.argv.includes("--stack-traces")) {
    process.setSourceMapsEnabled(true);
} else {
    Error.stackTraceLimit = 1;
}
require("./register-ts.cjs");
require("./defer-typescript.cjs").deferTypeScript(__dirname);
require("./cli.ts").main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
});
