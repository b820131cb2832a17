import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultResourceName, storageAccountName } from "../../components/naming";
import { azureName } from "../../policies/rules";

const identity = { project: "asr-hyperv", stack: "dev", component: "storage", role: "std" as const };

describe("storageAccountName", () => {
    it("is a valid, stable name for any project, stack and component", () => {
        fc.assert(
            fc.property(fc.string({ maxLength: 40 }), fc.string({ minLength: 1, maxLength: 40 }), fc.string({ minLength: 1 }), (project, stack, component) => {
                const name = storageAccountName({ project, stack, component, role: "prm" });
                expect(azureName("storageAccount", name)).toBeUndefined();
                expect(storageAccountName({ project, stack, component, role: "prm" })).toBe(name);
            }),
        );
    });

    it("differs by stack, component, role and seed, and by nothing else", () => {
        const names = [
            storageAccountName(identity),
            storageAccountName({ ...identity, stack: "prod" }),
            storageAccountName({ ...identity, component: "storage2" }),
            storageAccountName({ ...identity, role: "prm" }),
            storageAccountName({ ...identity, seed: "subscription-a" }),
        ];
        expect(new Set(names).size).toBe(names.length);
        expect(storageAccountName({ ...identity, seed: undefined })).toBe(names[0]);
    });
});

describe("defaultResourceName", () => {
    it("keeps letters, digits and single hyphens, within the length", () => {
        expect(defaultResourceName("rsv", "asr_hyperv", "dev.eu", 50)).toBe("rsv-asr-hyperv-dev-eu");
        expect(defaultResourceName("vnet", "p", "s".repeat(80), 64)).toHaveLength(64);
        expect(defaultResourceName("rg", "p", "stack--", 90)).toBe("rg-p-stack");
    });
});
