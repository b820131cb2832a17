import "./compile-cache";
import { flushCompileCache } from "node:module";
import { PolicyPack } from "@pulumi/policy";
import { PACK_NAME, packArgs } from "./pack";

new PolicyPack(PACK_NAME, packArgs);
// Node writes the cache as it exits, and the engine ends a pack with a signal: write it now.
flushCompileCache();
