import * as pulumi from "@pulumi/pulumi";
import { knownNow, rejectInvalidWhenKnown, type ArgCheck, type Problems } from "./invalid-args";
import type { VaultReference } from "./vault";

export interface VaultRegion {
    /** The location to give the component's resources. */
    location: pulumi.Input<string>;
    /** What `rule` found now, for rejectInvalidArgs with the component's other arguments. */
    check: ArgCheck;
}

/**
 * Where a component serving `vault` puts its resources, judged by `rule` (A1 for storage,
 * A2 for networks): the vault's region when the caller names none; else the caller's,
 * judged now when both regions are known, or once they resolve when either is an output.
 */
export function vaultRegion(
    component: pulumi.ComponentResource,
    label: string,
    location: pulumi.Input<string> | undefined,
    vault: VaultReference,
    rule: (location: string, vaultLocation: string) => Problems,
): VaultRegion {
    if (location === undefined) {
        return { location: vault.location, check: ["location", undefined] };
    }
    const asked = knownNow(location);
    const vaults = knownNow(vault.location);
    if (asked !== undefined && vaults !== undefined) {
        return { location: asked, check: ["location", rule(asked, vaults)] };
    }
    const both = pulumi.all([location, vault.location]);
    const judged = rejectInvalidWhenKnown(component, label, "location", both, ([own, vaultLocation]) => rule(own, vaultLocation));
    return { location: judged.apply(([own]) => own), check: ["location", undefined] };
}
