import { createHash } from "node:crypto";

/**
 * Storage account names are global across Azure, 3-24 lowercase letters and digits.
 * The name is a short readable part plus a hash of everything that identifies the
 * account, so it is the same on every `pulumi up` of a stack and differs between
 * stacks, organizations and components. Nothing that config can change goes in: a
 * renamed account would be a new, empty one, and replicas (A8) can't follow.
 */
export interface StorageAccountIdentity {
    organization: string;
    project: string;
    stack: string;
    /** The owning component's Pulumi name, so two storage components in a stack differ. */
    component: string;
    /** Which account of the component: "std" holds standard data or logs, "prm" premium data. */
    role: "std" | "prm";
}

const HASH_LENGTH = 14;

export function storageAccountName(identity: StorageAccountIdentity): string {
    const { organization, project, stack, component, role } = identity;
    const hash = createHash("sha256")
        .update([organization, project, stack, component, role].join("/"))
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
