import { describe, expect, it } from "vitest";
import { azureName, sameAzureName } from "../../../policies/rules";

describe("Azure names", () => {
    it.each<[Parameters<typeof azureName>[0], string, boolean]>([
        ["vault", "rsv-dr", true],
        ["vault", "1rsv", false],
        ["vault", "r", false],
        ["storageAccount", "asrstd0123", true],
        ["storageAccount", "AsrStd", false],
        ["storageAccount", "a".repeat(25), false],
        ["resourceGroup", "rg-dr.(prod)", true],
        ["resourceGroup", "rg.", false],
        ["resourceGroup", "rg-zürich-١٢", true],
        ["resourceGroup", "rg-²", false],
        ["resourceGroup", "rg-Ⅻ", false],
        ["resourceGroup", "rg-½", false],
        ["resourceGroup", "rg-𝐀", false],
        ["virtualNetwork", "vnet_dr", true],
        ["virtualNetwork", "vnet-", false],
        ["subnet", "GatewaySubnet", true],
        ["networkSecurityGroup", "nsg-vnet-dr-web", true],
    ])("%s %s valid is %s", (kind, name, ok) => expect(azureName(kind, name) === undefined).toBe(ok));

    it("shows a name cut short and its invisible characters escaped", () => {
        expect(azureName("vault", "rsv\u200bdr")).toBe('"rsv\\u200bdr" may hold only letters, digits and hyphens, starting with a letter');
        expect(azureName("vault", "v".repeat(1000))).toBe(`"${"v".repeat(80)}…" (920 more characters) must be 2-50 characters (it has 1000)`);
    });
});

describe("sameAzureName", () => {
    it("ignores case, and an unknown name matches nothing", () => {
        expect(sameAzureName("RSV-DR", "rsv-dr")).toBe(true);
        expect(sameAzureName("rsv-dr", "rsv-dr2")).toBe(false);
        expect(sameAzureName(undefined, undefined)).toBe(false);
    });
});
