import { describe, expect, it } from "vitest";
import { PolicyConfigError, resolvePackConfig } from "../../plan/analyze";
import { policies } from "../../policies/pack";

describe("resolvePackConfig, as the CLI resolves --policy-pack-config", () => {
    it("starts from each policy's own level and the schema defaults", () => {
        const resolved = resolvePackConfig(policies);
        expect(resolved.get("replication-storage-geo-redundant")).toEqual({ level: "advisory", options: {} });
        expect(resolved.get("replication-policy-copy-frequency")).toEqual({ level: "mandatory", options: { allowedFrequencies: [30, 300, 900] } });
    });

    it("lets `all` set every level and a policy's own entry win over it", () => {
        const resolved = resolvePackConfig(policies, {
            all: "advisory",
            "storage-in-vault-region": { enforcementLevel: "mandatory" },
            "replication-policy-copy-frequency": { allowedFrequencies: [300] },
        });
        expect(resolved.get("network-in-vault-region")?.level).toBe("advisory");
        expect(resolved.get("storage-in-vault-region")?.level).toBe("mandatory");
        expect(resolved.get("replication-policy-copy-frequency")).toEqual({ level: "advisory", options: { allowedFrequencies: [300] } });
    });

    it.each([
        [{ "no-such-policy": "advisory" }, /no policy "no-such-policy"/],
        [{ all: "strict" }, /enforcement level "strict" is not one of advisory, mandatory, remediate, disabled/],
        [{ "replication-storage-kind": { allowedKinds: ["StorageV2"] } }, /replication-storage-kind: no option "allowedKinds"; options: none/],
        [{ "replication-policy-copy-frequency": { allowedFrequencies: [60] } }, /replication-policy-copy-frequency\.allowedFrequencies\[0\]: 60 is not one of 30, 300, 900/],
        [{ "replication-storage-redundancy": { allowedSkus: "Standard_GRS" } }, /replication-storage-redundancy\.allowedSkus: "Standard_GRS" is not an array/],
    ])("rejects %j", (config, message) => {
        expect(() => resolvePackConfig(policies, config as never)).toThrow(PolicyConfigError);
        expect(() => resolvePackConfig(policies, config as never)).toThrow(message);
    });
});
