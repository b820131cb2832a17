import { isRecord } from "../policies/rules/records";

/** The Site Recovery API version azure-native 3.x uses for every Site Recovery resource (asr-phase2 section 3). */
export const SITE_RECOVERY_API_VERSION = "2024-10-01";

/** Azure Resource Manager in the public cloud; sovereign clouds have their own. */
export const PUBLIC_ARM_ENDPOINT = "https://management.azure.com";

/** ARM by azure-native's `environment` setting (public, usgovernment, china). */
export const ARM_ENDPOINTS: Readonly<Record<string, string>> = {
    public: PUBLIC_ARM_ENDPOINT,
    usgovernment: "https://management.usgovcloudapi.net",
    china: "https://management.chinacloudapi.cn",
};

/** One object of an ARM list response, as far as discovery reads it. */
export interface ArmObject {
    id: string;
    name: string;
    properties: Record<string, unknown>;
}

/** Reads every object of an ARM list, following `nextLink` from page to page. */
export type ArmLister = (path: string) => Promise<ArmObject[]>;

/** Why a lookup in Azure failed, in words that say what to do. */
export class DiscoveryError extends Error {
    override readonly name = "DiscoveryError";

    /** @param status ARM's HTTP status, where ARM refused the request. */
    constructor(
        message: string,
        readonly status?: number,
    ) {
        super(message);
    }
}

export interface ArmClientOptions {
    /** A bearer token for ARM: in a program, azure-native's `authorization.getClientToken`. */
    token: () => Promise<string>;
    /** ARM's address. Default: the public cloud's, https://management.azure.com. */
    endpoint?: string;
    /** The HTTP client. Default: Node's global fetch. */
    fetch?: typeof fetch;
}

function armObjects(page: Record<string, unknown>, url: string): ArmObject[] {
    const value = page.value;
    if (!Array.isArray(value)) {
        throw new DiscoveryError(`GET ${url} answered without a "value" list: not an ARM list response`);
    }
    return value.flatMap((item: unknown) =>
        isRecord(item) && typeof item.id === "string" && typeof item.name === "string"
            ? [{ id: item.id, name: item.name, properties: isRecord(item.properties) ? item.properties : {} }]
            : [],
    );
}

async function armError(response: Response, url: string): Promise<DiscoveryError> {
    const body: unknown = await response.json().catch(() => undefined);
    const error = isRecord(body) && isRecord(body.error) ? body.error : {};
    const detail = [error.code, error.message].filter((part) => typeof part === "string").join(": ");
    const hint =
        response.status === 401 || response.status === 403
            ? "; the deployment's identity needs at least Reader on the vault"
            : response.status === 404
              ? "; check the subscription, resource group and vault name"
              : "";
    return new DiscoveryError(`GET ${url} failed with HTTP ${response.status}${detail === "" ? "" : ` (${detail})`}${hint}`, response.status);
}

/**
 * Lists through ARM's REST API with a bearer token, as Terraform resolves Site Recovery
 * names: `path` is an ARM path (`/subscriptions/.../replicationFabrics`), to which the API
 * version is added; each page's `nextLink` is followed as given, since it carries its own
 * query (a skip token, sometimes another API version).
 */
export function armLister(options: ArmClientOptions): ArmLister {
    const endpoint = (options.endpoint ?? PUBLIC_ARM_ENDPOINT).replace(/\/+$/, "");
    const get = options.fetch ?? fetch;
    return async (path) => {
        const token = await options.token();
        const objects: ArmObject[] = [];
        const seen = new Set<string>();
        let url: string | undefined = `${endpoint}${path}?api-version=${SITE_RECOVERY_API_VERSION}`;
        while (url !== undefined) {
            if (seen.has(url)) {
                throw new DiscoveryError(`GET ${url}: the list's nextLink points back to a page already read`);
            }
            seen.add(url);
            const response = await get(url, { headers: { authorization: `Bearer ${token}`, accept: "application/json" } });
            if (!response.ok) {
                throw await armError(response, url);
            }
            const page: unknown = await response.json();
            if (!isRecord(page)) {
                throw new DiscoveryError(`GET ${url} answered with something other than a JSON object`);
            }
            objects.push(...armObjects(page, url));
            url = typeof page.nextLink === "string" && page.nextLink !== "" ? page.nextLink : undefined;
        }
        return objects;
    };
}
