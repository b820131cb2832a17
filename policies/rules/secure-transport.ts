/**
 * Secure transport for accounts that hold replicas of production disks: TLS 1.2,
 * HTTPS only, no anonymous blob access. Not a Site Recovery prerequisite, but the
 * baseline every Azure security benchmark asks for; Site Recovery works with it.
 */
export interface TransportSettings {
    minimumTlsVersion?: string | undefined;
    enableHttpsTrafficOnly?: boolean | undefined;
    allowBlobPublicAccess?: boolean | undefined;
}

export const SECURE_TRANSPORT = {
    minimumTlsVersion: "TLS1_2",
    enableHttpsTrafficOnly: true,
    allowBlobPublicAccess: false,
} as const;

const TLS_ORDER = ["TLS1_0", "TLS1_1", "TLS1_2", "TLS1_3"];

/** Every way `settings` falls short of the secure baseline; Azure's defaults count as what they are. */
export function secureTransport(settings: TransportSettings): string[] {
    const problems: string[] = [];
    const tls = settings.minimumTlsVersion;
    // Azure's default minimum for a new account is TLS 1.0 in older API versions.
    if (tls === undefined || TLS_ORDER.indexOf(tls) < TLS_ORDER.indexOf("TLS1_2")) {
        problems.push(`minimumTlsVersion is ${tls ?? "unset"}; set TLS1_2 or later`);
    }
    if (settings.enableHttpsTrafficOnly === false) {
        problems.push("enableHttpsTrafficOnly is false; set true");
    }
    // Older API versions default to allowing public blob access when unset.
    if (settings.allowBlobPublicAccess !== false) {
        problems.push(`allowBlobPublicAccess is ${settings.allowBlobPublicAccess ?? "unset"}; set false`);
    }
    return problems;
}
