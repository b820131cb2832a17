/**
 * Azure public-cloud regions, as `az account list-locations` names them. Config and
 * policies compare regions through this table, so "West Europe", "westeurope" and
 * "WestEurope" are one region.
 */
export const AZURE_REGIONS: Readonly<Record<string, string>> = {
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
    swedensouth: "Sweden South",
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

function squash(region: string): string {
    return region.replace(/[\s_-]/g, "").toLowerCase();
}

/** The programmatic name of a region given by name or display name, or undefined if Azure has no such region. */
export function normalizeRegion(region: string): string | undefined {
    const key = squash(region);
    return Object.prototype.hasOwnProperty.call(AZURE_REGIONS, key) ? key : undefined;
}

/**
 * True when two locations name the same region. Unknown names are compared by their
 * squashed spelling, so a region newer than this table still matches itself.
 */
export function sameRegion(a: string, b: string): boolean {
    return (normalizeRegion(a) ?? squash(a)) === (normalizeRegion(b) ?? squash(b));
}
