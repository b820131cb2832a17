import { describe, expect, it } from "vitest";
import {
    AZURE_REGIONS,
    CHINA_REGIONS,
    PUBLIC_REGIONS,
    PUBLIC_RESTRICTED_REGIONS,
    US_GOVERNMENT_REGIONS,
    checkRegion,
    normalizeRegion,
    sameRegion,
} from "../../../policies/rules";

describe("the region tables", () => {
    it("hold every current region of the public, US Government and China clouds", () => {
        expect(Object.keys(PUBLIC_REGIONS)).toHaveLength(58);
        expect(Object.keys(PUBLIC_RESTRICTED_REGIONS)).toHaveLength(11);
        expect(Object.keys(US_GOVERNMENT_REGIONS)).toHaveLength(5);
        expect(Object.keys(CHINA_REGIONS)).toHaveLength(6);
        expect(Object.keys(AZURE_REGIONS)).toHaveLength(80);
    });

    it("name each region by its display name without spaces, in lower case", () => {
        for (const [name, displayName] of Object.entries(AZURE_REGIONS)) {
            expect(normalizeRegion(displayName), displayName).toBe(name);
        }
    });

    it.each(["centraluseuap", "eastus2euap", "eastusstg", "europe", "global", "germanycentral", "usgoviowa", "usseceast"])(
        "leave out %s: internal, logical or retired",
        (name) => expect(AZURE_REGIONS).not.toHaveProperty(name),
    );
});

describe("normalizeRegion", () => {
    it.each([
        ["West Europe", "westeurope"],
        ["westeurope", "westeurope"],
        ["WESTUS2", "westus2"],
        [" Taiwan North ", "taiwannorth"],
        ["USGov Virginia", "usgovvirginia"],
        ["west-europe", "west-europe"],
    ])("%j is %j", (given, expected) => expect(normalizeRegion(given)).toBe(expected));
});

describe("sameRegion", () => {
    it.each([
        ["North Europe", "northeurope", true],
        ["West Europe", "WestEurope", true],
        ["US Gov Virginia", "usgovvirginia", true],
        ["finlandcentral", "Finland Central", true],
        ["northeurope", "westeurope", false],
        ["west-europe", "westeurope", false],
    ])("%j and %j: %j", (a, b, expected) => expect(sameRegion(a, b)).toBe(expected));
});

describe("checkRegion", () => {
    it.each([
        ["taiwannorth"],
        ["taiwannorthwest"],
        ["denmarkeast"],
        ["israelnorthwest"],
        ["malaysiasouth"],
        ["indiasouthcentral"],
        ["southcentralus2"],
        ["eastus3"],
        ["belgiumcentral"],
        ["newzealandnorth"],
    ])("accepts the public region %s", (name) => expect(checkRegion(name)).toEqual({ region: name }));

    it.each([["usgovvirginia"], ["usgovtexas"], ["usgovarizona"], ["usdodeast"], ["usdodcentral"]])("accepts the US Government region %s", (name) =>
        expect(checkRegion(name)).toEqual({ region: name }),
    );

    it.each([["chinanorth"], ["chinaeast"], ["chinanorth2"], ["chinaeast2"], ["chinanorth3"], ["chinaeast3"]])("accepts the China region %s", (name) =>
        expect(checkRegion(name)).toEqual({ region: name }),
    );

    it.each([
        ["West Europe", "westeurope"],
        ["Taiwan Northwest", "taiwannorthwest"],
        ["USGov Arizona", "usgovarizona"],
        ["US DoD Central", "usdodcentral"],
        ["China North 3", "chinanorth3"],
        ["SouthCentralUS2", "southcentralus2"],
    ])("accepts the display name %j as %s", (given, region) => expect(checkRegion(given)).toEqual({ region }));

    it.each([
        ["finlandcentral", "finlandcentral"],
        ["Saudi Arabia East", "saudiarabiaeast"],
        ["westus4", "westus4"],
        ["swedennorth", "swedennorth"],
        ["ukeast", "ukeast"],
        ["chinanorth10", "chinanorth10"],
    ])("accepts %j, a region newer than the tables, as %s with a warning", (given, region) => {
        const checked = checkRegion(given);
        expect(checked).toMatchObject({ region });
        expect(checked).toHaveProperty("warning", expect.stringMatching(/is not a region this project knows .* deploying to it/));
    });

    it("says what it deploys to when that differs from what was given", () => {
        expect(checkRegion("Saudi Arabia East")).toHaveProperty("warning", expect.stringContaining('"Saudi Arabia East" is not a region this project knows'));
        expect(checkRegion("Saudi Arabia East")).toHaveProperty("warning", expect.stringContaining("deploying to it (as saudiarabiaeast) anyway"));
    });

    it.each([
        ["westeurop", "westeurope"],
        ["West Europ", "westeurope"],
        ["west-europe", "westeurope"],
        ["West_Europe", "westeurope"],
        ["south-central-us", "southcentralus"],
        ["uksouht", "uksouth"],
        ["taiwannorthwst", "taiwannorthwest"],
        ["usgovvirgina", "usgovvirginia"],
    ])("refuses the typo %j, suggesting %s", (given, suggestion) =>
        expect(checkRegion(given)).toEqual({
            error: `"${given}" is not an Azure region; did you mean ${suggestion} ("${AZURE_REGIONS[suggestion]}")?`,
        }),
    );

    it.each([["mars!"], ["12345"], ["europe/west"], ["West Europe, please"], [""]])("refuses %j, not shaped like a region, with examples", (given) =>
        expect(checkRegion(given)).toEqual({
            error: `"${given}" is not an Azure region name; give the region's name or display name, e.g. westeurope, "West Europe", usgovvirginia or chinanorth3`,
        }),
    );
});
