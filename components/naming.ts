import { createHash } from "node:crypto";

/**
 * Storage account names are global across Azure, 3-24 lowercase letters and digits.
 * The name is a short readable part plus a hash of what identifies the account, so it
 * is the same on every `pulumi up` of a stack and differs between stacks and
 * components. Nothing a deployment changes goes in (not the region, the resource group,
 * nor the Pulumi organization, which changes when a stack moves backend): a renamed
 * account would be a new, empty one, and replicas (A8) can't follow.
 */
export interface StorageAccountIdentity {
    project: string;
    stack: string;
    /** The owning component's Pulumi name, so two storage components in a stack differ. */
    component: string;
    /** Which account of the component: "std" holds standard data or logs, "prm" premium data. */
    role: "std" | "prm";
    /** Optional text that makes the names differ from another organization's same project and stack. */
    seed?: string | undefined;
}

const HASH_LENGTH = 14;

export function storageAccountName(identity: StorageAccountIdentity): string {
    const { project, stack, component, role, seed } = identity;
    const hash = createHash("sha256")
        .update([project, stack, component, role, ...(seed ? [seed] : [])].join("/"))
        .digest("hex")
        .slice(0, HASH_LENGTH);
    const readable = `${project}${stack}`.toLowerCase().replace(/[^a-z0-9]/g, "").slice(0, 24 - 3 - 3 - HASH_LENGTH);
    return `asr${role}${readable}${hash}`;
}

/** `<prefix>-<project>-<stack>` made fit for Azure names that allow letters, digits and hyphens. */
export function defaultResourceName(prefix: string, project: string, stack: string, maxLength: number): string {
    return `${prefix}-${project}-${stack}`
        .replace(/[^A-Za-z0-9-]/g, "-")
        .replace(/-+/g, "-")
        .slice(0, maxLength)
        .replace(/-+$/, "");
}

/** `nsg-<network>-<subnet>`, one per subnet, cut to Azure's 80 characters without a trailing period or hyphen. */
export function networkSecurityGroupName(virtualNetworkName: string, subnetName: string): string {
    return `nsg-${virtualNetworkName}-${subnetName}`.slice(0, 80).replace(/[.-]+$/, "");
}
