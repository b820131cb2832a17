import { describe, expect, it } from "vitest";
import { configKey, describeIssue, didYouMean, keyText } from "../../config/messages";

describe("configKey", () => {
    it("writes a path the way a user writes the key", () => {
        expect(configKey(["location"])).toBe("azure-native:location");
        expect(configKey(["network", "subnets", 0, "name"])).toBe("asr-hyperv:network.subnets[0].name");
    });

    it("quotes a key that is more than letters, digits, _ and -, as `pulumi config set --path` takes it", () => {
        expect(configKey(["tags", "cost center"])).toBe('asr-hyperv:tags["cost center"]');
        expect(configKey(["tags", ""])).toBe('asr-hyperv:tags[""]');
        expect(configKey(["tags", "a\u200bb"])).toBe('asr-hyperv:tags["a\\u200bb"]');
        expect(keyText("storage")).toBe("storage");
    });
});

describe("didYouMean", () => {
    it("offers a near miss, and nothing for a stranger", () => {
        expect(didYouMean("netwrok", ["vault", "network"])).toBe('did you mean "network"? ');
        expect(didYouMean("bandwidth", ["vault", "network"])).toBe("");
    });
});

describe("describeIssue", () => {
    it("suggests the closest allowed key for a misspelled one", () => {
        const lines = describeIssue({ code: "unrecognized_keys", keys: ["nmae"], path: ["vault"], message: "", input: {} }, {});
        expect(lines).toEqual(['asr-hyperv:vault.nmae: unknown key; did you mean "name"? allowed: name, storageRedundancy, publicNetworkAccess']);
    });

    it("tells a key taken out of the config what to do instead", () => {
        const lines = describeIssue({ code: "unrecognized_keys", keys: ["lock"], path: ["vault"], message: "", input: {} }, {});
        expect(lines).toEqual([expect.stringMatching(/^asr-hyperv:vault\.lock: no longer a key: .*; remove it: .* asr-hyperv:storage\.lock locks the accounts that hold the replicas$/)]);
    });

    it("gives each unknown key a line of its own", () => {
        const lines = describeIssue({ code: "unrecognized_keys", keys: ["nmae", "toString"], path: ["vault"], message: "", input: {} }, {});
        expect(lines).toHaveLength(2);
        expect(lines[1]).toMatch(/^asr-hyperv:vault\.toString: unknown key; allowed: /);
    });

    it("finds the allowed keys through lists and optional objects", () => {
        const subnet = describeIssue({ code: "unrecognized_keys", keys: ["prefix"], path: ["network", "subnets", 0], message: "", input: {} }, {});
        expect(subnet).toEqual(["asr-hyperv:network.subnets[0].prefix: unknown key; allowed: name, addressPrefix"]);
        const test = describeIssue({ code: "unrecognized_keys", keys: ["subnet"], path: ["network", "testFailover"], message: "", input: {} }, {});
        expect(test).toEqual(['asr-hyperv:network.testFailover.subnet: unknown key; did you mean "subnets"? allowed: name, addressSpace, subnets']);
    });

    it("names the value and what the key takes, in the words of a stack file", () => {
        const issue = (expected: "boolean" | "object" | "string", path: (string | number)[]) =>
            ({ code: "invalid_type", expected, path, message: "", input: undefined }) as const;
        expect(describeIssue(issue("boolean", ["storage", "lock"]), { storage: { lock: "yes" } })).toEqual(['asr-hyperv:storage.lock: "yes" is not true or false']);
        expect(describeIssue(issue("object", ["vault"]), { vault: [1] })).toEqual(["asr-hyperv:vault: [1] is not a map with the keys name, storageRedundancy, publicNetworkAccess"]);
        expect(describeIssue(issue("string", ["vault", "name"]), { vault: { name: 7 } })).toEqual(["asr-hyperv:vault.name: 7 is not text"]);
    });

    it("reads only the config's own keys, never what every object inherits", () => {
        const line = describeIssue({ code: "invalid_type", expected: "string", path: ["tags", "toString"], message: "", input: undefined }, { tags: {} });
        expect(line).toEqual(["asr-hyperv:tags.toString: required; give text"]);
    });
});
