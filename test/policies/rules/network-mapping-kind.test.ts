import { describe, expect, it } from "vitest";
import { vmmToAzureMapping } from "../../../policies/rules/network-mapping-kind";

describe("vmmToAzureMapping", () => {
    it("takes a VmmToAzure mapping to Microsoft Azure, in any case, and leaves other scenarios alone", () => {
        expect(vmmToAzureMapping("VmmToAzure", "Microsoft Azure")).toBeUndefined();
        expect(vmmToAzureMapping("VmmToAzure", "microsoft azure")).toBeUndefined();
        expect(vmmToAzureMapping("VmmToAzure", undefined)).toBeUndefined();
        expect(vmmToAzureMapping("AzureToAzure", "asr-a2a-default-westeurope")).toBeUndefined();
        expect(vmmToAzureMapping("VmmToVmm", "b0cef6e9a4437b81803d0b55ada4f700ab66caae59c35d62723a1589c0cd13ac")).toBeUndefined();
    });

    it("refuses a mapping to Microsoft Azure that is not VmmToAzure, and a VmmToAzure one naming another fabric", () => {
        expect(vmmToAzureMapping("VmmToVmm", "Microsoft Azure")).toBe('a mapping to "Microsoft Azure" is fabricSpecificDetails.instanceType "VmmToAzure", not "VmmToVmm"');
        expect(vmmToAzureMapping(undefined, "Microsoft Azure")).toBe('a mapping to "Microsoft Azure" needs fabricSpecificDetails.instanceType "VmmToAzure"');
        expect(vmmToAzureMapping("VmmToAzure", "asr-a2a-default-westeurope")).toBe('a VmmToAzure mapping names Azure as recoveryFabricName "Microsoft Azure", not "asr-a2a-default-westeurope"');
    });
});
