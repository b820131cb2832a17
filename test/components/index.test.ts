import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEngineServer, type EngineServer } from "../../engine/monitor-server";
import { COMPONENT_DOCS, YAML_EXAMPLE, componentsMarkdown, type PackageSchema } from "../../scripts/component-docs";
import { startComponentProvider, type ComponentProvider, type ConstructArgs } from "../package/plugin-host";
import { REPO_ROOT } from "../support/record";

// Python, Go, .NET and YAML programs use the components through the component provider:
// the engine starts this folder as a Node.js plugin (PulumiPlugin.yaml, package.json
// `main`), asks its schema to generate their SDKs, and asks it to construct each component
// against the engine's resource monitor. Started here exactly so, from a consumer's folder.
const STACK = "urn:pulumi:dev::consumer::pulumi:pulumi:Stack::consumer-dev";
const GROUP = "urn:pulumi:dev::consumer::azure-native:resources:ResourceGroup::group";

describe("the component provider, as the engine starts and calls it", () => {
    let engine: EngineServer;
    let provider: ComponentProvider;
    let schema: PackageSchema;
    const construct = (args: Pick<ConstructArgs, "type" | "name" | "inputs" | "inputDependencies">) =>
        provider.construct({ monitor: engine.address, project: "consumer", stack: "dev", preview: true, parent: STACK, ...args });
    const children = (urn: string) => engine.records.resources.filter((resource) => resource.parent === urn).map((resource) => resource.urn);

    beforeAll(async () => {
        engine = await startEngineServer({ project: "consumer", stack: "dev", organization: "organization", preview: true, config: {}, secretKeys: [] });
        provider = await startComponentProvider(REPO_ROOT, engine.address, tmpdir());
        schema = (await provider.getSchema()) as PackageSchema;
        await provider.configure();
    }, 180_000);

    afterAll(async () => {
        await provider?.stop();
        await engine?.close();
    });

    it("loads the components through ts-node, as the host sets it up, and serves them", () => {
        expect(provider.hostEnv).toEqual({ PULUMI_NODEJS_TYPESCRIPT: "true" });
        expect(Object.keys(schema.resources)).toEqual(
            expect.arrayContaining(["asr-hyperv:index:FailoverNetwork", "asr-hyperv:index:RecoveryVault", "asr-hyperv:index:ReplicationStorage"]),
        );
        expect(schema).toMatchObject({ name: "asr-hyperv", version: "0.1.0", dependencies: [{ name: "azure-native" }] });
    });

    it("describes every component, argument and output, and gives every optional argument its default", () => {
        for (const [token, resource] of Object.entries(schema.resources)) {
            expect(resource.description, token).toBeTruthy();
            for (const [name, input] of Object.entries(resource.inputProperties)) {
                expect(input.description, `${token} ${name}`).toBeTruthy();
                if (!(resource.requiredInputs ?? []).includes(name)) {
                    expect(input.description, `${token} ${name}`).toMatch(/Default: /);
                }
            }
            for (const [name, output] of Object.entries(resource.properties ?? {})) {
                expect(output.description, `${token} output ${name}`).toBeTruthy();
            }
        }
        for (const [token, type] of Object.entries(schema.types)) {
            for (const [name, property] of Object.entries(type.properties ?? {})) {
                expect(property.description, `${token} ${name}`).toBeTruthy();
            }
        }
    });

    it("keeps the documented defaults and the choices as enums", () => {
        const vault = schema.resources["asr-hyperv:index:RecoveryVault"]!;
        expect(vault.inputProperties.storageRedundancy).toMatchObject({ $ref: "#/types/asr-hyperv:index:VaultRedundancy" });
        expect(vault.inputProperties.storageRedundancy?.description).toMatch(/Default: "GeoRedundant"/);
        const values = (name: string) => schema.types[`asr-hyperv:index:${name}`]?.enum?.map((member) => member.value);
        expect(values("VaultRedundancy")).toEqual(["GeoRedundant", "LocallyRedundant"]);
        expect(values("StandardRedundancy")).toEqual(["GRS", "RAGRS", "LRS"]);
        expect(values("StoragePerformance")).toEqual(["Standard", "Premium"]);
        expect(values("VaultPublicNetworkAccess")).toEqual(["Enabled", "Disabled"]);
    });

    it("names object types so each language's generated `<Type>Args` reads well", () => {
        const objects = Object.keys(schema.types).filter((token) => schema.types[token]!.type === "object");
        expect(objects).toEqual(
            expect.arrayContaining([
                "asr-hyperv:index:FailoverSubnet",
                "asr-hyperv:index:StorageFirewall",
                "asr-hyperv:index:TestFailoverNetwork",
                "asr-hyperv:index:VaultReference",
            ]),
        );
        expect(objects.filter((token) => token.endsWith("Args"))).toEqual([]);
    });

    it("takes outputs where a consumer has them: resource group, region and the vault's name and region", () => {
        const takesOutputs = (token: string, name: string) => schema.resources[`asr-hyperv:index:${token}`]!.inputProperties[name]!.plain !== true;
        expect(takesOutputs("RecoveryVault", "resourceGroupName") && takesOutputs("RecoveryVault", "location")).toBe(true);
        expect(takesOutputs("RecoveryVault", "vaultName")).toBe(false);
        for (const token of ["ReplicationStorage", "FailoverNetwork"]) {
            expect(takesOutputs(token, "resourceGroupName") && takesOutputs(token, "location"), token).toBe(true);
            expect(schema.resources[`asr-hyperv:index:${token}`]!.inputProperties.vault).toMatchObject({ $ref: "#/types/asr-hyperv:index:VaultReference" });
        }
        expect(schema.types["asr-hyperv:index:VaultReference"]!.properties).toEqual({
            vaultName: expect.not.objectContaining({ plain: true }),
            location: expect.not.objectContaining({ plain: true }),
        });
    });

    it("exposes what the stack exports as outputs", () => {
        expect(Object.keys(schema.resources["asr-hyperv:index:ReplicationStorage"]!.properties ?? {})).toEqual(
            expect.arrayContaining(["dataAccountId", "logAccountId", "replicationStorageAccountIds"]),
        );
        expect(Object.keys(schema.resources["asr-hyperv:index:FailoverNetwork"]!.properties ?? {})).toEqual(
            expect.arrayContaining(["virtualNetworkId", "subnetIds"]),
        );
    });

    it("is the schema docs/components.md documents", () => {
        const docs = componentsMarkdown(schema, readFileSync(YAML_EXAMPLE, "utf8"));
        expect(readFileSync(COMPONENT_DOCS, "utf8"), "docs/components.md is out of date: npm run docs").toBe(docs);
    });

    it("constructs a vault, then storage and networks given its outputs, each with its children under it", async () => {
        const vault = await construct({
            type: "asr-hyperv:index:RecoveryVault",
            name: "site",
            inputs: { resourceGroupName: "rg-dr", location: "westeurope", vaultName: "rsv-dr" },
            inputDependencies: { resourceGroupName: [GROUP], location: [GROUP] },
        });
        expect(vault.urn).toBe("urn:pulumi:dev::consumer::asr-hyperv:index:RecoveryVault::site");
        expect(vault.state).toMatchObject({ vaultName: "rsv-dr", location: "westeurope" });
        expect(children(vault.urn)).toEqual(["urn:pulumi:dev::consumer::asr-hyperv:index:RecoveryVault$azure-native:recoveryservices:Vault::site"]);

        const vaultOutputs = { vault: { vaultName: "rsv-dr", location: "westeurope" } };
        const storage = await construct({
            type: "asr-hyperv:index:ReplicationStorage",
            name: "site-storage",
            inputs: { resourceGroupName: "rg-dr", ...vaultOutputs },
            inputDependencies: { vault: [vault.urn] },
        });
        expect(children(storage.urn)).toEqual([
            "urn:pulumi:dev::consumer::asr-hyperv:index:ReplicationStorage$azure-native:storage:StorageAccount::site-storage-standard",
        ]);
        const account = engine.records.resources.find((resource) => resource.parent === storage.urn)!;
        expect(account.inputs).toMatchObject({ location: "westeurope", tags: { "asr-hyperv:vault": "rsv-dr" } });
        expect(account.dependencies).toContain(vault.urn);

        const network = await construct({
            type: "asr-hyperv:index:FailoverNetwork",
            name: "site-network",
            inputs: {
                resourceGroupName: "rg-dr",
                ...vaultOutputs,
                virtualNetworkName: "vnet-dr",
                addressSpace: ["10.50.0.0/16"],
                subnets: [{ name: "workloads", addressPrefix: "10.50.1.0/24" }],
            },
            inputDependencies: { vault: [vault.urn] },
        });
        expect(children(network.urn).map((urn) => urn.split("::").slice(2).join("::")).sort()).toEqual([
            "asr-hyperv:index:FailoverNetwork$azure-native:network:NetworkSecurityGroup::site-network-nsg-workloads",
            "asr-hyperv:index:FailoverNetwork$azure-native:network:Subnet::site-network-subnet-workloads",
            "asr-hyperv:index:FailoverNetwork$azure-native:network:VirtualNetwork::site-network-vnet",
        ]);
        expect(Object.keys(network.state)).toEqual(expect.arrayContaining(["virtualNetworkId", "subnetIds", "testSubnetIds"]));
    });

    it("refuses a bad argument before creating anything, and the caller gets the message", async () => {
        const before = engine.records.resources.length;
        await expect(
            construct({ type: "asr-hyperv:index:RecoveryVault", name: "bad", inputs: { resourceGroupName: "rg-dr", location: "westeurope", vaultName: "rsv_dr" } }),
        ).rejects.toThrow(/RecoveryVault bad: vaultName "rsv_dr" may hold only letters, digits and hyphens/);
        expect(engine.records.resources.slice(before).map((resource) => resource.type)).toEqual(["asr-hyperv:index:RecoveryVault"]);
    });

    it("judges a region passed as an output once it resolves, and the caller gets the message", async () => {
        await expect(
            construct({
                type: "asr-hyperv:index:ReplicationStorage",
                name: "elsewhere",
                inputs: { resourceGroupName: "rg-dr", location: "northeurope", vault: { vaultName: "rsv-dr", location: "westeurope" } },
                inputDependencies: { location: [GROUP] },
            }),
        ).rejects.toThrow(/ReplicationStorage elsewhere: location: storage is in "northeurope" but the vault is in "westeurope" \(A1/);
        expect(engine.records.resources.some((resource) => resource.type === "azure-native:storage:StorageAccount" && resource.name.startsWith("elsewhere"))).toBe(false);
    });
});
