// A generated Pulumi project of any size for the benchmarks: a TypeScript program (set up as
// this project is: ts-node transpile-only for `pulumi up`) that registers `count` azure-native
// resources, in site-sized units that refer to each other as real programs do. It lives in a
// temporary folder whose node_modules links to this project's, so the plan, Pulumi's
// language host and the recorder all load the same packages.
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "..");
export const STACK = "bench";

/** Resources in one unit of the program: vault, replication policy, two accounts, a network, its security group and two subnets. */
const UNIT = 8;

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import * as recoveryservices from "@pulumi/azure-native/recoveryservices";
import * as resources from "@pulumi/azure-native/resources";
import * as storage from "@pulumi/azure-native/storage";

const count = new pulumi.Config().requireNumber("resources");
const group = new resources.ResourceGroup("rg", { resourceGroupName: "rg-bench" });
const resourceGroupName = group.name;
for (let site = 0; 1 + (site + 1) * ${UNIT} <= count; site++) {
    const tags = { "asr-hyperv:vault": \`rsv-\${site}\` };
    const vault = new recoveryservices.Vault(\`vault-\${site}\`, {
        resourceGroupName,
        vaultName: \`rsv-\${site}\`,
        sku: { name: "Standard" },
        identity: { type: "SystemAssigned" },
        properties: { publicNetworkAccess: "Enabled", redundancySettings: { standardTierStorageRedundancy: "GeoRedundant" } },
        tags: { "asr-hyperv:role": "vault" },
    });
    const account = (role: string, name: string) =>
        new storage.StorageAccount(\`\${name}-\${site}\`, {
            resourceGroupName,
            accountName: \`asr\${name}\${site}\`,
            kind: "StorageV2",
            sku: { name: "Standard_GRS" },
            minimumTlsVersion: "TLS1_2",
            enableHttpsTrafficOnly: true,
            allowBlobPublicAccess: false,
            tags: { ...tags, "asr-hyperv:role": role },
        });
    const data = account("replication-storage", "data");
    account("replication-log-storage", "log");
    new recoveryservices.ReplicationPolicy(\`policy-\${site}\`, {
        resourceGroupName,
        resourceName: vault.name,
        policyName: \`policy-\${site}\`,
        properties: { providerSpecificInput: { instanceType: "HyperVReplicaAzure", replicationInterval: 300, recoveryPointHistoryDuration: 24, storageAccounts: [data.id] } },
    });
    const nsg = new network.NetworkSecurityGroup(\`nsg-\${site}\`, { resourceGroupName, networkSecurityGroupName: \`nsg-\${site}\` });
    const vnet = new network.VirtualNetwork(\`vnet-\${site}\`, {
        resourceGroupName,
        virtualNetworkName: \`vnet-\${site}\`,
        addressSpace: { addressPrefixes: ["10.50.0.0/16"] },
        tags: { ...tags, "asr-hyperv:role": "failover-network" },
    }, { ignoreChanges: ["subnets"] });
    for (const [index, prefix] of ["10.50.1.0/24", "10.50.2.0/24"].entries()) {
        new network.Subnet(\`subnet-\${site}-\${index}\`, {
            resourceGroupName,
            virtualNetworkName: vnet.name,
            subnetName: \`subnet-\${index}\`,
            addressPrefix: prefix,
            networkSecurityGroup: { id: nsg.id },
        }, { parent: vnet });
    }
}
`;

export interface GeneratedProject {
    dir: string;
    /** Azure resources the program registers (the stack resource not counted). */
    resources: number;
    remove(): void;
}

/** A project whose program registers `count` Azure resources (1 + a multiple of 8; rounded down to one). */
export function generatedProject(count: number): GeneratedProject {
    const dir = mkdtempSync(join(tmpdir(), "asr-hyperv-bench-program-"));
    const resources = 1 + Math.floor((count - 1) / UNIT) * UNIT;
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "junction");
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "bench-program", private: true }, null, 2));
    writeFileSync(join(dir, "Pulumi.yaml"), "name: bench-program\nmain: index.ts\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n");
    writeFileSync(join(dir, `Pulumi.${STACK}.yaml`), `config:\n  azure-native:location: westeurope\n  bench-program:resources: ${resources}\n`);
    writeFileSync(
        join(dir, "tsconfig.json"),
        JSON.stringify({ compilerOptions: { target: "ES2022", module: "nodenext", moduleResolution: "nodenext", strict: true, skipLibCheck: true }, "ts-node": { transpileOnly: true } }, null, 2),
    );
    writeFileSync(join(dir, "index.ts"), PROGRAM);
    return { dir, resources, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
