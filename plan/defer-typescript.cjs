"use strict";
// @pulumi/pulumi requires the TypeScript compiler (about 9 MB of JavaScript, a third of the
// SDK's load time) as it loads, for serializing functions, which a plan never does. This puts
// a stand-in in the module cache that loads the compiler on first use, so nothing changes for
// a program that does serialize a function.
const Module = require("node:module");

function deferTypeScript(fromDirectory) {
    let shim;
    try {
        shim = require.resolve("@pulumi/pulumi/typescript-shim", { paths: [fromDirectory] });
    } catch {
        return;
    }
    if (require.cache[shim] !== undefined) {
        return;
    }
    let compiler;
    const load = () => {
        if (compiler === undefined) {
            delete require.cache[shim];
            compiler = require(shim);
        }
        return compiler;
    };
    const standIn = new Module(shim, module);
    standIn.filename = shim;
    standIn.loaded = true;
    standIn.exports = new Proxy(
        {},
        {
            get: (_, key) => load()[key],
            has: (_, key) => key in load(),
            ownKeys: () => Reflect.ownKeys(load()),
            getOwnPropertyDescriptor: (_, key) => {
                const descriptor = Object.getOwnPropertyDescriptor(load(), key);
                return descriptor && { ...descriptor, configurable: true };
            },
        },
    );
    require.cache[shim] = standIn;
}

module.exports = { deferTypeScript };
