import { describe, expect, it } from "vitest";
import * as fc from "fast-check";
import {
    appConsistentFrequency,
    azureName,
    copyFrequency,
    copyFrequencyFitsStorage,
    firewallAllowsTrustedServices,
    geoRedundantStorage,
    isolatedTestNetwork,
    normalizeRegion,
    pageBlobCapableAccount,
    parseCidr,
    premiumHasLogAccount,
    rangesOverlap,
    recoveryPointRetention,
    replicationStorageSku,
    sameRegion,
    secureTransport,
    storageInVaultRegion,
    subnetLayout,
    vaultRedundancySetAtCreation,
} from "../../../policies/rules";

describe("regions", () => {
    it.each([
        ["West Europe", "westeurope"],
        ["westeurope", "westeurope"],
        ["WESTUS2", "westus2"],
        ["south-central-us", "southcentralus"],
        ["atlantis", undefined],
    ])("%s is %s", (given, expected) => expect(normalizeRegion(given)).toBe(expected));

    it("compares display names and names", () => {
        expect(sameRegion("North Europe", "northeurope")).toBe(true);
        expect(sameRegion("northeurope", "westeurope")).toBe(false);
        expect(storageInVaultRegion("UK South", "uksouth")).toBeUndefined();
        expect(storageInVaultRegion("ukwest", "uksouth")).toMatch(/A1/);
    });
});

describe("storage rules", () => {
    it.each([
        ["Standard_LRS", true],
        ["Standard_GRS", true],
        ["Standard_RAGRS", true],
        ["Premium_LRS", true],
        ["Standard_ZRS", false],
        ["Standard_GZRS", false],
        ["Premium_ZRS", false],
    ])("A3: %s allowed is %s", (sku, ok) => expect(replicationStorageSku(sku) === undefined).toBe(ok));

    it("A3: a narrower allowed list is honoured", () => {
        expect(replicationStorageSku("Standard_LRS", ["Standard_GRS"])).toMatch(/allowed: Standard_GRS/);
    });

    it.each([
        ["Standard_GRS", true],
        ["Standard_RAGRS", true],
        ["Premium_LRS", true],
        ["Standard_LRS", false],
    ])("A4: %s geo-redundant enough is %s", (sku, ok) => expect(geoRedundantStorage(sku) === undefined).toBe(ok));

    it.each<[string, boolean | undefined, boolean]>([
        ["StorageV2", false, true],
        ["Storage", undefined, true],
        ["BlobStorage", false, false],
        ["BlockBlobStorage", false, false],
        ["FileStorage", false, false],
        ["StorageV2", true, false],
    ])("A7: kind %s with HNS %s allowed is %s", (kind, hns, ok) => expect(pageBlobCapableAccount(kind, hns) === undefined).toBe(ok));

    it.each<[string[], boolean]>([
        [["Standard_GRS"], true],
        [["Premium_LRS", "Standard_LRS"], true],
        [["Premium_LRS"], false],
        [[], true],
    ])("A6: accounts %j pass is %s", (skus, ok) => expect(premiumHasLogAccount(skus) === undefined).toBe(ok));

    it("secure transport lists each shortfall", () => {
        expect(secureTransport({ minimumTlsVersion: "TLS1_2", enableHttpsTrafficOnly: true, allowBlobPublicAccess: false })).toEqual([]);
        expect(secureTransport({})).toHaveLength(2);
        expect(secureTransport({ minimumTlsVersion: "TLS1_0", enableHttpsTrafficOnly: false, allowBlobPublicAccess: true })).toHaveLength(3);
    });

    it.each([
        [undefined, true],
        [{ defaultAction: "Allow" }, true],
        [{ defaultAction: "Deny" }, true],
        [{ defaultAction: "Deny", bypass: "Logging, AzureServices" }, true],
        [{ defaultAction: "Deny", bypass: "None" }, false],
        [{ defaultAction: "Deny", bypass: "Logging, Metrics" }, false],
    ])("A11: rules %j pass is %s", (rules, ok) => expect(firewallAllowsTrustedServices(rules) === undefined).toBe(ok));
});

describe("vault rule", () => {
    it("A12: redundancy must be stated and allowed", () => {
        expect(vaultRedundancySetAtCreation("GeoRedundant")).toBeUndefined();
        expect(vaultRedundancySetAtCreation(undefined)).toMatch(/not set \(A12/);
        expect(vaultRedundancySetAtCreation("ZoneRedundant")).toMatch(/not allowed/);
        expect(vaultRedundancySetAtCreation("ZoneRedundant", ["ZoneRedundant"])).toBeUndefined();
    });
});

describe("replication policy rules", () => {
    it.each([
        [30, true],
        [300, true],
        [900, true],
        [60, false],
        [0, false],
    ])("R1: %i s allowed is %s", (seconds, ok) => expect(copyFrequency(seconds) === undefined).toBe(ok));

    it("R2: 30 s only without premium storage", () => {
        expect(copyFrequencyFitsStorage(30, ["Standard_GRS"])).toBeUndefined();
        expect(copyFrequencyFitsStorage(300, ["Premium_LRS"])).toBeUndefined();
        expect(copyFrequencyFitsStorage(30, ["Premium_LRS", "Standard_LRS"])).toMatch(/R2/);
    });

    it("R3 and R4 hold for every whole-hour pair within range and fail outside it", () => {
        fc.assert(
            fc.property(fc.integer({ min: -5, max: 30 }), fc.integer({ min: -5, max: 30 }), (retention, snapshots) => {
                const retentionOk = retention >= 0 && retention <= 24;
                expect(recoveryPointRetention(retention) === undefined).toBe(retentionOk);
                const snapshotOk = snapshots >= 0 && snapshots <= 12 && snapshots <= retention;
                expect(appConsistentFrequency(snapshots, retention) === undefined).toBe(snapshotOk);
            }),
        );
        expect(recoveryPointRetention(1.5)).toMatch(/R3/);
    });
});

describe("address rules", () => {
    it("parses CIDR blocks and rejects host bits and nonsense", () => {
        expect(parseCidr("10.0.0.0/8")).toMatchObject({ prefix: 8, first: 10 * 2 ** 24 });
        expect(parseCidr("10.0.0.1/8")).toMatch(/host bits/);
        expect(parseCidr("10.0.0.0/33")).toMatch(/not an IPv4 CIDR/);
        expect(parseCidr("256.0.0.0/8")).toMatch(/not an IPv4 CIDR/);
        expect(parseCidr("fd00::/8")).toMatch(/not an IPv4 CIDR/);
    });

    it("two blocks overlap exactly when one holds an address of the other", () => {
        fc.assert(
            fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 16, max: 24 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 16, max: 24 }), (a, pa, b, pb) => {
                const x = parseCidr(`${blockStart(a, pa)}/${pa}`);
                const y = parseCidr(`${blockStart(b, pb)}/${pb}`);
                if (typeof x === "string" || typeof y === "string") {
                    throw new Error("generator made a bad block");
                }
                const brute = x.first <= y.last && y.first <= x.last;
                expect(rangesOverlap(x, y)).toBe(brute);
            }),
        );
    });

    it("subnet layout finds every kind of problem", () => {
        expect(subnetLayout(["10.0.0.0/16"], [{ name: "a", addressPrefix: "10.0.0.0/24" }])).toEqual([]);
        expect(subnetLayout([], [])).toEqual(["address space is empty; give at least one CIDR block"]);
        expect(subnetLayout(["10.0.0.0/16", "10.0.128.0/17"], [])).toEqual(["address space: 10.0.0.0/16 overlaps 10.0.128.0/17"]);
        expect(subnetLayout(["10.0.0.0/16"], [{ name: "tiny", addressPrefix: "10.0.0.0/30" }])[0]).toMatch(/smallest subnet/);
    });

    it("A10: an isolated test network neither overlaps nor connects", () => {
        expect(isolatedTestNetwork(["10.0.0.0/16"], ["10.1.0.0/16"])).toEqual([]);
        expect(isolatedTestNetwork(["10.0.0.0/16"], ["10.0.5.0/24"])[0]).toMatch(/overlaps/);
        expect(isolatedTestNetwork(["10.0.0.0/16"], ["10.1.0.0/16"], ["peering hub-to-test"])[0]).toMatch(/connected through peering hub-to-test/);
    });
});

function blockStart(octet: number, prefix: number): string {
    const value = (10 * 2 ** 24 + octet * 2 ** 16) >>> 0;
    const size = 2 ** (32 - prefix);
    const first = Math.floor(value / size) * size;
    return [24, 16, 8, 0].map((shift) => (first >>> shift) & 255).join(".");
}

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
        ["virtualNetwork", "vnet_dr", true],
        ["virtualNetwork", "vnet-", false],
        ["subnet", "GatewaySubnet", true],
    ])("%s %s valid is %s", (kind, name, ok) => expect(azureName(kind, name) === undefined).toBe(ok));
});
