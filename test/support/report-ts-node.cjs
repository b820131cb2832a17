"use strict";
// Preloaded into a program run (NODE_OPTIONS=--require) to report how ts-node was
// registered, so a test can tell whether `pulumi up` type-checks.
process.on("exit", () => {
    const service = process[Symbol.for("ts-node.register.instance")];
    const options = service === undefined ? undefined : service.options;
    const typeChecks = options === undefined ? "no ts-node" : String(!(options.transpileOnly === true && options.typeCheck !== true));
    process.stderr.write(`ts-node type-checks: ${typeChecks}\n`);
});
