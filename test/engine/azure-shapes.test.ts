import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SHAPES_FILE, azureShapes, resourceNames, resourceShape, typeShape, type Shape } from "../../engine/azure-shapes";
import { generate, render } from "../../scripts/azure-shapes";

/** The object a shape stands for, following a ref. */
function objectOf(shape: Shape | undefined): Record<string, Shape> {
    const resolved = typeof shape === "object" && "ref" in shape ? typeShape(shape.ref) : shape;
    if (typeof resolved !== "object" || !("object" in resolved)) {
        throw new Error(`not an object shape: ${JSON.stringify(shape)}`);
    }
    return resolved.object;
}

describe("engine/azure-shapes.data.json", () => {
    it("is what the installed @pulumi/azure-native gives (run `npm run shapes` after upgrading it)", () => {
        const { shapes, unexpressed } = generate();
        expect(render(shapes)).toBe(readFileSync(SHAPES_FILE, "utf8"));
        expect(unexpressed).toEqual([]);
    });

    it("gives a replication policy's response shape, with the Hyper-V details among its polymorphic members", () => {
        const policy = resourceShape("azure-native:recoveryservices:ReplicationPolicy");
        expect(policy?.inputs).toEqual(expect.arrayContaining(["resourceName", "policyName", "properties"]));
        expect(policy?.outputs.properties).toEqual({ ref: "recoveryservices.PolicyPropertiesResponse" });

        const details = objectOf(policy?.outputs.properties).providerSpecificDetails;
        if (typeof details !== "object" || !("oneOf" in details)) {
            throw new Error(`providerSpecificDetails is not a oneOf: ${JSON.stringify(details)}`);
        }
        const hyperV = details.oneOf.map(objectOf).find((member) => JSON.stringify(member.instanceType) === '{"const":"HyperVReplicaAzure"}');
        expect(hyperV).toMatchObject({ activeStorageAccountId: "string", recoveryPointHistoryDurationInHours: "number" });
        expect(hyperV).not.toHaveProperty("storageAccounts");
    });

    it("gives a storage account's flattened outputs, without the path parameters that are inputs only", () => {
        const account = resourceShape("azure-native:storage:StorageAccount");
        expect(account?.outputs).toMatchObject({ minimumTlsVersion: "string", tags: { map: "string" } });
        expect(objectOf(account?.outputs.sku)).toMatchObject({ name: "string" });
        expect(objectOf(account?.outputs.networkRuleSet)).toHaveProperty("defaultAction");
        expect(account?.outputs).not.toHaveProperty("accountName");
        expect(account?.outputs).not.toHaveProperty("id");
        expect(account?.inputs).toContain("accountName");
    });

    it("names the path parameters of every resource, the own name apart from parents and scope", () => {
        expect(Object.keys(azureShapes().names).length).toBeGreaterThan(2000);
        expect(resourceNames("azure-native:recoveryservices:ReplicationProtectedItem")).toEqual({
            name: "replicatedProtectedItemName",
            parents: ["fabricName", "protectionContainerName", "resourceGroupName", "resourceName"],
        });
        expect(resourceNames("azure-native:authorization:RoleAssignment")).toEqual({ name: "roleAssignmentName", parents: ["scope"] });
        // A Subnet's `name` input is a body property; its ARM name is `subnetName`.
        expect(resourceNames("azure-native:network:Subnet")).toEqual({ name: "subnetName", parents: ["resourceGroupName", "virtualNetworkName"] });
        // No get function: read from the inputs Azure does not answer with.
        expect(resourceNames("azure-native:storage:Blob")).toEqual({ name: "blobName", parents: ["accountName", "containerName", "resourceGroupName"] });
        // A singleton (`.../networkRuleSets/default`) has no name input.
        expect(resourceNames("azure-native:eventhub:NamespaceNetworkRuleSet")).toEqual({ parents: ["namespaceName", "resourceGroupName"] });
        expect(resourceNames("azure-native:network/v20240301:Subnet")).toBe(resourceNames("azure-native:network:Subnet"));
        expect(resourceNames("random:index:RandomString")).toBeUndefined();
    });

    it("reads a versioned type token as the default version's resource", () => {
        expect(resourceShape("azure-native:recoveryservices/v20241001:ReplicationPolicy")).toBe(
            resourceShape("azure-native:recoveryservices:ReplicationPolicy"),
        );
        expect(resourceShape("azure-native:storage/v20230101:StorageAccount")).toBeDefined();
        expect(resourceShape("azure-native:web:WebApp")).toBeUndefined();
        expect(() => typeShape("recoveryservices.NoSuchResponse")).toThrow(/npm run shapes/);
    });
});
