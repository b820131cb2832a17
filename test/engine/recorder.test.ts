import * as pulumi from "@pulumi/pulumi";
import * as storage from "@pulumi/azure-native/storage";
import { describe, expect, it } from "vitest";
import { recordProgram } from "../../engine/recorder";

class Box extends pulumi.ComponentResource {
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("test:index:Box", name, {}, opts);
        const account = new storage.StorageAccount(`${name}-account`, { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_GRS" } }, { parent: this, protect: true, ignoreChanges: ["tags"], deleteBeforeReplace: true, retainOnDelete: true });
        new storage.BlobContainer(`${name}-container`, { accountName: account.name, resourceGroupName: "rg" }, { parent: this });
        this.registerOutputs({ account: account.name });
    }
}

describe("recordProgram", () => {
    it("keeps what Pulumi's mock callback drops: parent, dependencies, property dependencies and options", async () => {
        const recording = await recordProgram({
            project: "p",
            stack: "s",
            config: { "p:greeting": "hello" },
            load: async () => {
                new Box("box");
                return { greeting: new pulumi.Config().require("greeting") };
            },
        });
        const [stack, box, account, container] = recording.resources;
        expect(stack).toMatchObject({ type: "pulumi:pulumi:Stack", custom: false });
        expect(box).toMatchObject({ type: "test:index:Box", parent: stack!.urn });
        expect(account).toMatchObject({
            urn: "urn:pulumi:s::p::test:index:Box$azure-native:storage:StorageAccount::box-account",
            parent: box!.urn,
            inputs: { kind: "StorageV2", sku: { name: "Standard_GRS" } },
            options: { protect: true, ignoreChanges: ["tags"], deleteBeforeReplace: true, retainOnDelete: true },
        });
        expect(container!.dependencies).toContain(account!.urn);
        expect(container!.propertyDependencies.accountName).toEqual([account!.urn]);
        expect(recording.outputs.get(stack!.urn)).toEqual({ greeting: "hello" });
    });
});
