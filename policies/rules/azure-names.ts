import { quoted } from "./display";

/**
 * Azure's naming rules for the resources this project creates
 * (learn.microsoft.com azure-resource-manager/management/resource-name-rules).
 * Each returns the reason a name is rejected, or undefined.
 */
interface NameRule {
    min: number;
    max: number;
    pattern: RegExp;
    allowed: string;
    /** Azure checks each UTF-16 unit, so a letter beyond U+FFFF (two units) is none. */
    bmpOnly?: boolean;
}

const BEYOND_BMP = /[\u{10000}-\u{10FFFF}]/u;

const RULES = {
    resourceGroup: {
        min: 1,
        max: 90,
        // "Letters or digits as defined by the Char.IsLetterOrDigit function": .NET letters
        // and decimal digits (Nd, not ² or Ⅻ), each one UTF-16 unit, so none beyond U+FFFF.
        pattern: /^[\p{L}\p{Nd}._()-]*[\p{L}\p{Nd}_()-]$/u,
        allowed: "letters, decimal digits, underscores, hyphens, periods and parentheses, not ending in a period",
        bmpOnly: true,
    },
    vault: {
        min: 2,
        max: 50,
        pattern: /^[A-Za-z][A-Za-z0-9-]*$/,
        allowed: "letters, digits and hyphens, starting with a letter",
    },
    storageAccount: {
        min: 3,
        max: 24,
        pattern: /^[a-z0-9]+$/,
        allowed: "lowercase letters and digits",
    },
    virtualNetwork: {
        min: 2,
        max: 64,
        pattern: /^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/,
        allowed: "letters, digits, underscores, periods and hyphens, starting with a letter or digit and ending with a letter, digit or underscore",
    },
    subnet: {
        min: 1,
        max: 80,
        pattern: /^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/,
        allowed: "letters, digits, underscores, periods and hyphens, starting with a letter or digit and ending with a letter, digit or underscore",
    },
    networkSecurityGroup: {
        min: 1,
        max: 80,
        pattern: /^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/,
        allowed: "letters, digits, underscores, periods and hyphens, starting with a letter or digit and ending with a letter, digit or underscore",
    },
} as const satisfies Record<string, NameRule>;

export type AzureNameKind = keyof typeof RULES;

export function azureName(kind: AzureNameKind, name: string): string | undefined {
    const rule: NameRule = RULES[kind];
    if (name.length < rule.min || name.length > rule.max) {
        return `${quoted(name)} must be ${rule.min}-${rule.max} characters (it has ${name.length})`;
    }
    return rule.pattern.test(name) && !(rule.bmpOnly === true && BEYOND_BMP.test(name)) ? undefined : `${quoted(name)} may hold only ${rule.allowed}`;
}

/** Azure names compare case-insensitively; an unknown name matches nothing. */
export function sameAzureName(a: string | undefined, b: string | undefined): boolean {
    return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}
