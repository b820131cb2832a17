import { writeCompileCache } from "./compile-cache";
import { PolicyPack } from "@pulumi/policy";
import { PACK_NAME, packArgs } from "./pack";

new PolicyPack(PACK_NAME, packArgs);
writeCompileCache();
