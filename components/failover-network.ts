import * as pulumi from "@pulumi/pulumi";
import { azureTags } from "../policies/rules/azure-tags";
import * as network from "@pulumi/azure-native/network";
import { isolatedTestNetwork, networkInVaultRegion, subnetLayout } from "../policies/rules";
import { rejectInvalidArgs } from "./invalid-args";
import type { VaultReference } from "./vault";
import { vaultRegion } from "./vault-region";
import { networkSecurityGroupNames } from "./naming";
import { mirrorSubnets } from "./subnet-mirror";
import { ROLES, ROLE_TAG, VAULT_TAG, type Role } from "../policies/rules/role-tags";

export interface FailoverSubnet {
    /** Subnet name. A replica joins the subnet named like its source subnet, else the first one (A9). */
    name: string;
    /** IPv4 CIDR block inside the network's address space. */
    addressPrefix: string;
}

export interface TestFailoverNetwork {
    /** Name of the isolated test network. */
    virtualNetworkName: string;
    /** Address space; must not overlap the failover network (A10). */
    addressSpace: string[];
    /** Subnets. Default: the failover subnets' names at the same offsets in this address space. */
    subnets?: FailoverSubnet[];
}

export interface FailoverNetworkArgs {
    /** Resource group for the networks. */
    resourceGroupName: pulumi.Input<string>;
    /** The vault the networks serve: a RecoveryVault, or its name and region. */
    vault: VaultReference;
    /** Region of the networks; must be the vault's (A2). Default: the vault's region. */
    location?: pulumi.Input<string>;
    /** Name of the virtual network failed-over VMs join. */
    virtualNetworkName: string;
    /** Address space of the network. */
    addressSpace: string[];
    /** Subnets; each gets a network security group of its own. */
    subnets: FailoverSubnet[];
    /** An isolated network for test failovers, never peered or connected (A10). Default: none. */
    testFailover?: TestFailoverNetwork;
    /** Tags for every network resource, merged with the role tags policies use. Default: none. */
    tags?: Record<string, string>;
}

interface BuiltNetwork {
    vnet: network.VirtualNetwork;
    subnetIds: pulumi.Output<Record<string, string>>;
}

/** The virtual network failed-over VMs join, in the vault's region, and optionally an isolated one for test failover. */
export class FailoverNetwork extends pulumi.ComponentResource {
    /** The virtual network failed-over VMs join. */
    public readonly virtualNetwork: network.VirtualNetwork;
    /** Resource id of the failover network: what a network mapping targets. */
    public readonly virtualNetworkId: pulumi.Output<string>;
    /** Name of the failover network. */
    public readonly virtualNetworkName: pulumi.Output<string>;
    /** Subnet ids by subnet name. */
    public readonly subnetIds: pulumi.Output<Record<string, string>>;
    /** The isolated test-failover network, when asked for. */
    public readonly testVirtualNetwork?: network.VirtualNetwork;
    /** Resource id of the test-failover network, when asked for. */
    public readonly testVirtualNetworkId: pulumi.Output<string | undefined>;
    /** Test subnet ids by subnet name; empty without a test network. */
    public readonly testSubnetIds: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: FailoverNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("asr-hyperv:index:FailoverNetwork", name, {}, opts);

        const testSubnets =
            args.testFailover === undefined
                ? []
                : (args.testFailover.subnets ?? mirrorSubnets(args.addressSpace, args.subnets, args.testFailover.addressSpace));
        const label = `FailoverNetwork ${name}`;
        const region = vaultRegion(this, label, args.location, args.vault, networkInVaultRegion);
        rejectInvalidArgs(this, label, [
            region.check,
            ["subnets", subnetLayout(args.addressSpace, args.subnets)],
            ["tags", azureTags(args.tags ?? {}, { added: [ROLE_TAG, VAULT_TAG] }).map((problem) => problem.message)],
            ...(args.testFailover === undefined
                ? []
                : ([
                      ["testFailover.addressSpace", isolatedTestNetwork(args.addressSpace, args.testFailover.addressSpace)],
                      [
                          "testFailover.subnets",
                          typeof testSubnets === "string" ? testSubnets : subnetLayout(args.testFailover.addressSpace, testSubnets),
                      ],
                  ] as const)),
        ]);

        const test = args.testFailover !== undefined && typeof testSubnets !== "string" ? { ...args.testFailover, subnets: testSubnets } : undefined;
        // NSG names are unique within the resource group, across both networks.
        const [failoverNsgNames = [], testNsgNames = []] = networkSecurityGroupNames([
            { virtualNetworkName: args.virtualNetworkName, subnetNames: args.subnets.map((subnet) => subnet.name) },
            ...(test === undefined ? [] : [{ virtualNetworkName: test.virtualNetworkName, subnetNames: test.subnets.map((subnet) => subnet.name) }]),
        ]);
        const failover = this.build(name, args, region.location, args.virtualNetworkName, args.addressSpace, args.subnets, failoverNsgNames, ROLES.failoverNetwork);
        this.virtualNetwork = failover.vnet;
        this.virtualNetworkId = failover.vnet.id;
        this.virtualNetworkName = failover.vnet.name;
        this.subnetIds = failover.subnetIds;

        if (test !== undefined) {
            const built = this.build(`${name}-test`, args, region.location, test.virtualNetworkName, test.addressSpace, test.subnets, testNsgNames, ROLES.testFailoverNetwork);
            this.testVirtualNetwork = built.vnet;
            this.testVirtualNetworkId = built.vnet.id;
            this.testSubnetIds = built.subnetIds;
        } else {
            this.testVirtualNetworkId = pulumi.output(undefined);
            this.testSubnetIds = pulumi.output<Record<string, string>>({});
        }

        this.registerOutputs({
            virtualNetworkId: this.virtualNetworkId,
            virtualNetworkName: this.virtualNetworkName,
            subnetIds: this.subnetIds,
            testVirtualNetworkId: this.testVirtualNetworkId,
            testSubnetIds: this.testSubnetIds,
        });
    }

    private build(
        prefix: string,
        args: FailoverNetworkArgs,
        location: pulumi.Input<string>,
        virtualNetworkName: string,
        addressSpace: string[],
        subnets: readonly { name: string; addressPrefix: string }[],
        nsgNames: readonly string[],
        role: Role,
    ): BuiltNetwork {
        const tags = { ...args.tags, [ROLE_TAG]: role, [VAULT_TAG]: args.vault.vaultName };
        const vnet = new network.VirtualNetwork(
            `${prefix}-vnet`,
            {
                virtualNetworkName,
                resourceGroupName: args.resourceGroupName,
                location,
                addressSpace: { addressPrefixes: addressSpace },
                tags,
            },
            { parent: this },
        );
        // Subnets are resources of their own, so each can carry its NSG and output its id; the
        // network leaves out `subnets`, which Azure (network API 2023-11-01 on: "Azure Virtual
        // Network now supports updates without subnet property", Azure networking blog, 2024)
        // and azure-native (pulumi-azure-native#611) take as "keep the existing ones". Azure
        // rejects concurrent changes to subnets of one network, so they are made one after another.
        let previous: network.Subnet | undefined;
        const ids: pulumi.Output<[string, string]>[] = [];
        for (const [index, subnet] of subnets.entries()) {
            const nsg = new network.NetworkSecurityGroup(
                `${prefix}-nsg-${subnet.name}`,
                {
                    networkSecurityGroupName: nsgNames[index],
                    resourceGroupName: args.resourceGroupName,
                    location,
                    tags,
                },
                { parent: this },
            );
            const created: network.Subnet = new network.Subnet(
                `${prefix}-subnet-${subnet.name}`,
                {
                    subnetName: subnet.name,
                    virtualNetworkName: vnet.name,
                    resourceGroupName: args.resourceGroupName,
                    addressPrefix: subnet.addressPrefix,
                    networkSecurityGroup: { id: nsg.id },
                },
                { parent: this, dependsOn: previous === undefined ? [] : [previous] },
            );
            ids.push(created.id.apply((id): [string, string] => [subnet.name, id]));
            previous = created;
        }
        return { vnet, subnetIds: pulumi.all(ids).apply((pairs) => Object.fromEntries(pairs)) };
    }
}
