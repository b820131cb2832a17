import { closestMatch } from "./edit-distance";
import { quoted } from "./display";

/*
 * Azure regions, programmatic name to display name, by cloud. To update, re-read the sources
 * below, add what is new and move LISTED_ON; a region missing here is only warned about
 * (see checkRegion). As of LISTED_ON:
 * - Public, general access: the physical regions ARM lists for a subscription
 *   (`GET /subscriptions/{id}/locations?api-version=2023-07-01`), as cached by Microsoft's
 *   Azure/terraform-azurerm-avm-utl-regions, modules/cached-data/locations.tf.json (commit
 *   e9d62409, 2026-03-12), less the canary and stage regions (`*euap`, `*stg`), which are
 *   internal.
 * - Public, restricted access (absent from most subscriptions' list): the regions Microsoft
 *   documents in the Azure SQL Database gateway table, learn.microsoft.com
 *   azure-sql/database/connectivity-architecture (MicrosoftDocs/sql-docs, ms.date 2026-02-26).
 * - US Government and China (21Vianet): Azure.Core's AzureLocation.cs (Azure/azure-sdk-for-net,
 *   sdk/core/Azure.Core/src/AzureLocation.cs, commit 8802eec), without the retired US Gov Iowa.
 * Not listed: internal and unannounced names (EUAP, stage, the air-gapped US Secret and Top
 * Secret clouds) and retired regions (germanycentral, germanynortheast, usgoviowa).
 */
const LISTED_ON = "2026-03-12";

export const PUBLIC_REGIONS: Readonly<Record<string, string>> = {
    australiacentral: "Australia Central",
    australiacentral2: "Australia Central 2",
    australiaeast: "Australia East",
    australiasoutheast: "Australia Southeast",
    austriaeast: "Austria East",
    belgiumcentral: "Belgium Central",
    brazilsouth: "Brazil South",
    brazilsoutheast: "Brazil Southeast",
    canadacentral: "Canada Central",
    canadaeast: "Canada East",
    centralindia: "Central India",
    centralus: "Central US",
    chilecentral: "Chile Central",
    denmarkeast: "Denmark East",
    eastasia: "East Asia",
    eastus: "East US",
    eastus2: "East US 2",
    francecentral: "France Central",
    francesouth: "France South",
    germanynorth: "Germany North",
    germanywestcentral: "Germany West Central",
    indonesiacentral: "Indonesia Central",
    israelcentral: "Israel Central",
    italynorth: "Italy North",
    japaneast: "Japan East",
    japanwest: "Japan West",
    jioindiacentral: "Jio India Central",
    jioindiawest: "Jio India West",
    koreacentral: "Korea Central",
    koreasouth: "Korea South",
    malaysiawest: "Malaysia West",
    mexicocentral: "Mexico Central",
    newzealandnorth: "New Zealand North",
    northcentralus: "North Central US",
    northeurope: "North Europe",
    norwayeast: "Norway East",
    norwaywest: "Norway West",
    polandcentral: "Poland Central",
    qatarcentral: "Qatar Central",
    southafricanorth: "South Africa North",
    southafricawest: "South Africa West",
    southcentralus: "South Central US",
    southeastasia: "Southeast Asia",
    southindia: "South India",
    spaincentral: "Spain Central",
    swedencentral: "Sweden Central",
    switzerlandnorth: "Switzerland North",
    switzerlandwest: "Switzerland West",
    uaecentral: "UAE Central",
    uaenorth: "UAE North",
    uksouth: "UK South",
    ukwest: "UK West",
    westcentralus: "West Central US",
    westeurope: "West Europe",
    westindia: "West India",
    westus: "West US",
    westus2: "West US 2",
    westus3: "West US 3",
};

export const PUBLIC_RESTRICTED_REGIONS: Readonly<Record<string, string>> = {
    eastus3: "East US 3",
    indiasouthcentral: "India South Central",
    israelnorthwest: "Israel Northwest",
    malaysiasouth: "Malaysia South",
    northeastus5: "Northeast US 5",
    southcentralus2: "South Central US 2",
    southeastus: "Southeast US",
    southeastus3: "Southeast US 3",
    swedensouth: "Sweden South",
    taiwannorth: "Taiwan North",
    taiwannorthwest: "Taiwan Northwest",
};

export const US_GOVERNMENT_REGIONS: Readonly<Record<string, string>> = {
    usdodcentral: "US DoD Central",
    usdodeast: "US DoD East",
    usgovarizona: "US Gov Arizona",
    usgovtexas: "US Gov Texas",
    usgovvirginia: "US Gov Virginia",
};

export const CHINA_REGIONS: Readonly<Record<string, string>> = {
    chinaeast: "China East",
    chinaeast2: "China East 2",
    chinaeast3: "China East 3",
    chinanorth: "China North",
    chinanorth2: "China North 2",
    chinanorth3: "China North 3",
};

/** Every region this project knows, in every cloud. */
export const AZURE_REGIONS: Readonly<Record<string, string>> = {
    ...PUBLIC_REGIONS,
    ...PUBLIC_RESTRICTED_REGIONS,
    ...US_GOVERNMENT_REGIONS,
    ...CHINA_REGIONS,
};

/**
 * The programmatic name for a region given by name or display name: "West Europe",
 * "westeurope" and "WestEurope" are all westeurope. The one way config, components and
 * policies compare regions. It drops spaces and case, as Azure does, and nothing else:
 * "west-europe" stays as it is.
 */
export function normalizeRegion(region: string): string {
    return region.replace(/\s+/g, "").toLowerCase();
}

/** True when two locations name the same region, a region newer than AZURE_REGIONS included. */
export function sameRegion(a: string, b: string): boolean {
    return normalizeRegion(a) === normalizeRegion(b);
}

/** The outcome for a configured region: the name to deploy to, possibly with a warning, or why it is refused. */
export type RegionCheck = { readonly region: string; readonly warning?: string } | { readonly error: string };

const REGION_SHAPE = /^[a-z][a-z0-9]*$/;

/** How far a name may be from a known one and still be taken for a typo of it. */
const TYPO_DISTANCE = 2;

// New regions are named from the same words as the old ones (swedensouth, eastus3, chinanorth3),
// and such a name can be a typo's distance from a known one (ukeast, ukwest).
const REGION_WORDS = new RegExp(
    `^(?:${[...new Set(Object.values(AZURE_REGIONS).flatMap((name) => name.toLowerCase().match(/[a-z]+/g) ?? []))]
        .sort((a, b) => b.length - a.length)
        .join("|")})+[0-9]*$`,
);

const EXAMPLES = 'e.g. westeurope, "West Europe", usgovvirginia or chinanorth3';

/**
 * Checks a region given by name or display name. A known region passes. A name shaped like
 * a region's that AZURE_REGIONS lacks passes with a warning, so a region newer than the
 * table never blocks a deployment. A near miss of a known name that isn't made of region
 * words is refused with a "did you mean"; so is anything else not shaped like a region.
 */
export function checkRegion(location: string): RegionCheck {
    const region = normalizeRegion(location);
    if (Object.prototype.hasOwnProperty.call(AZURE_REGIONS, region)) {
        return { region };
    }
    const shaped = REGION_SHAPE.test(region);
    const suggestion = closestMatch(region.replace(/[^a-z0-9]/g, ""), Object.keys(AZURE_REGIONS), TYPO_DISTANCE);
    if (shaped && (suggestion === undefined || REGION_WORDS.test(region))) {
        const as = region === location ? "" : ` (as ${region})`;
        return {
            region,
            warning:
                `${quoted(location)} is not a region this project knows (its list is of ${LISTED_ON}); deploying to it${as} anyway. ` +
                `If Azure refuses it, check the spelling (${EXAMPLES}); if it is a new region, add it to policies/rules/regions.ts`,
        };
    }
    if (suggestion !== undefined) {
        return { error: `${quoted(location)} is not an Azure region; did you mean ${suggestion} ("${AZURE_REGIONS[suggestion]!}")?` };
    }
    return { error: `${quoted(location)} is not an Azure region name; give the region's name or display name, ${EXAMPLES}` };
}
