import { describe, expect, it } from "vitest";
import { PolicyConfigError, reconcilePackConfig } from "../../engine/pack-config";
import { policies } from "../../policies/pack";

describe("reconcilePackConfig, as the CLI reconciles --policy-pack-config", () => {
    it("starts from each policy's own level and the schema defaults", () => {
        const { policies: resolved } = reconcilePackConfig(policies);
        expect(resolved.get("replication-storage-geo-redundant")).toEqual({ enforcementLevel: "advisory", properties: {} });
        expect(resolved.get("replication-policy-copy-frequency")).toEqual({
            enforcementLevel: "mandatory",
            properties: { allowedFrequencies: [30, 300, 900] },
        });
    });

    it("lets `all` set every level and a policy's own entry win over it", () => {
        const { policies: resolved } = reconcilePackConfig(policies, {
            all: "advisory",
            "storage-in-vault-region": { enforcementLevel: "mandatory" },
            "replication-policy-copy-frequency": { allowedFrequencies: [300] },
        });
        expect(resolved.get("network-in-vault-region")?.enforcementLevel).toBe("advisory");
        expect(resolved.get("storage-in-vault-region")?.enforcementLevel).toBe("mandatory");
        expect(resolved.get("replication-policy-copy-frequency")).toEqual({ enforcementLevel: "advisory", properties: { allowedFrequencies: [300] } });
    });

    it("passes over names of no policy, and options no schema declares, as the engine does", () => {
        const reconciled = reconcilePackConfig(policies, {
            "no-such-policy": "advisory",
            "replication-storage-kind": { allowedKinds: ["StorageV2"] },
        });
        expect(reconciled.ignored).toEqual(["no-such-policy"]);
        expect(reconciled.policies.get("replication-storage-kind")?.properties).toEqual({ allowedKinds: ["StorageV2"] });
    });

    it.each([
        [{ all: "strict" }, /parsing enforcement level for "all": "strict" is not a valid enforcement level/],
        [{ "storage-in-vault-region": 3 }, /parsing "storage-in-vault-region": 3 is not a valid value; must be a string or object/],
        [{ "replication-policy-copy-frequency": { allowedFrequencies: [60] } }, /replication-policy-copy-frequency: allowedFrequencies\.0: must be equal to one of the allowed values \(30, 300, 900\)/],
        [{ "replication-storage-redundancy": { allowedSkus: "Standard_GRS" } }, /replication-storage-redundancy: allowedSkus: must be array/],
        [{ environments: ["dr/policies"] }, /"environments": the CLI reads these from Pulumi ESC/],
    ])("refuses %j as the CLI does", (config, message) => {
        expect(() => reconcilePackConfig(policies, config as never)).toThrow(PolicyConfigError);
        expect(() => reconcilePackConfig(policies, config as never)).toThrow(message);
    });

    it("judges a schema by its content, as each GetAnalyzerInfo sends the pack's schemas afresh", () => {
        const copy = structuredClone(policies.map(({ name, enforcementLevel, configSchema }) => ({ name, enforcementLevel, configSchema })));
        const config = { "replication-policy-copy-frequency": { allowedFrequencies: [60] } };
        expect(() => reconcilePackConfig(copy, config)).toThrow(/allowedFrequencies\.0: must be equal to one of the allowed values/);
        copy.find((policy) => policy.name === "replication-policy-copy-frequency")!.configSchema!.properties!.allowedFrequencies = { type: "array" };
        expect(reconcilePackConfig(copy, config).policies.get("replication-policy-copy-frequency")?.properties).toEqual({ allowedFrequencies: [60] });
    });
});
