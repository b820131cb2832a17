import { describe, expect, it } from "vitest";
import { configKey, describeIssue } from "../../config/messages";

describe("configKey", () => {
    it("writes a path the way a user writes the key", () => {
        expect(configKey(["location"])).toBe("azure-native:location");
        expect(configKey(["network", "subnets", 0, "name"])).toBe("asr-hyperv:network.subnets[0].name");
    });
});

describe("describeIssue", () => {
    it("suggests the closest allowed key for a misspelled one", () => {
        const line = describeIssue({ code: "unrecognized_keys", keys: ["lok"], path: ["vault"], message: "", input: {} }, {});
        expect(line).toBe('asr-hyperv:vault.lok: unknown key; did you mean "lock"? allowed: name, storageRedundancy, publicNetworkAccess, lock');
    });

    it("finds the allowed keys through lists and optional objects", () => {
        const subnet = describeIssue({ code: "unrecognized_keys", keys: ["prefix"], path: ["network", "subnets", 0], message: "", input: {} }, {});
        expect(subnet).toBe('asr-hyperv:network.subnets[0].prefix: unknown key; allowed: name, addressPrefix');
        const test = describeIssue({ code: "unrecognized_keys", keys: ["subnet"], path: ["network", "testFailover"], message: "", input: {} }, {});
        expect(test).toBe('asr-hyperv:network.testFailover.subnet: unknown key; did you mean "subnets"? allowed: name, addressSpace, subnets');
    });

    it("names the value and the expected type", () => {
        const line = describeIssue({ code: "invalid_type", expected: "boolean", path: ["vault", "lock"], message: "", input: "yes" }, { vault: { lock: "yes" } });
        expect(line).toBe('asr-hyperv:vault.lock: "yes" is not a boolean');
    });
});
