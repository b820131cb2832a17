import type * as pulumi from "@pulumi/pulumi";
import { unversionedToken } from "./azure-shapes";

/** A subscription id that can't be mistaken for a real one. */
const PLAN_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

interface AzureType {
    /** The input that holds the resource's own Azure name. */
    nameInput: string;
    /** Path under the resource group, with {name} and other inputs in braces. */
    path: string;
}

const TYPES: Readonly<Record<string, AzureType>> = {
    "azure-native:resources:ResourceGroup": { nameInput: "resourceGroupName", path: "" },
    "azure-native:recoveryservices:Vault": { nameInput: "vaultName", path: "Microsoft.RecoveryServices/vaults/{name}" },
    "azure-native:storage:StorageAccount": { nameInput: "accountName", path: "Microsoft.Storage/storageAccounts/{name}" },
    "azure-native:network:VirtualNetwork": { nameInput: "virtualNetworkName", path: "Microsoft.Network/virtualNetworks/{name}" },
    "azure-native:network:Subnet": {
        nameInput: "subnetName",
        path: "Microsoft.Network/virtualNetworks/{virtualNetworkName}/subnets/{name}",
    },
    "azure-native:network:NetworkSecurityGroup": {
        nameInput: "networkSecurityGroupName",
        path: "Microsoft.Network/networkSecurityGroups/{name}",
    },
    "azure-native:authorization:ManagementLockByScope": { nameInput: "lockName", path: "" },
    "azure-native:recoveryservices:ReplicationPolicy": {
        nameInput: "policyName",
        path: "Microsoft.RecoveryServices/vaults/{resourceName}/replicationPolicies/{name}",
    },
};

/** The value when it is text, else undefined (unknowns, objects). */
export function text(value: unknown): string | undefined {
    return typeof value === "string" ? value : undefined;
}

/** The Azure name a resource gets: its name input where the type has one, else its Pulumi name. */
export function azureResourceName(type: string, pulumiName: string, inputs: Record<string, unknown>): string {
    const known = TYPES[unversionedToken(type)];
    return (known && text(inputs[known.nameInput])) ?? pulumiName;
}

/**
 * What Azure would answer for a resource, as far as it follows from the inputs: its
 * name and an ARM id. Used by the plan and the tests in place of a provider.
 */
export function azureMockResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, unknown> } {
    const known = TYPES[unversionedToken(args.type)];
    const inputs = args.inputs as Record<string, unknown>;
    const name = azureResourceName(args.type, args.name, inputs);
    const group = text(inputs.resourceGroupName) ?? "unknown-group";
    const scope = `/subscriptions/${PLAN_SUBSCRIPTION}/resourceGroups/${group}`;
    let id: string;
    if (known === undefined) {
        id = `${scope}/providers/${args.type}/${name}`;
    } else if (known.path === "") {
        id = scope;
    } else {
        const path = known.path.replace(/\{(\w+)\}/g, (_, key: string) => (key === "name" ? name : (text(inputs[key]) ?? key)));
        id = `${scope}/providers/${path}`;
    }
    if (args.type === "azure-native:authorization:ManagementLockByScope") {
        id = `${text(inputs.scope) ?? scope}/providers/Microsoft.Authorization/locks/${text(inputs.lockName) ?? name}`;
    }
    return { id, state: { ...inputs, name, id } };
}

/** The state without its id, as a preview shows a resource not yet created. */
export function withoutId(state: Record<string, unknown>): Record<string, unknown> {
    const { id: _id, ...rest } = state;
    return rest;
}
