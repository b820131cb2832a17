import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultResourceName, networkSecurityGroupName, storageAccountName } from "../../components/naming";
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

describe("networkSecurityGroupName", () => {
    it("names the network and the subnet, within Azure's rules for any names they have", () => {
        expect(networkSecurityGroupName("vnet-dr", "web")).toBe("nsg-vnet-dr-web");
        fc.assert(
            fc.property(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}[A-Za-z0-9_]$/), fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,78}$/), (network, subnet) => {
                expect(azureName("networkSecurityGroup", networkSecurityGroupName(network, subnet))).toBeUndefined();
            }),
        );
    });
});
