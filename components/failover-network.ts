import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import { isolatedTestNetwork, networkInVaultRegion, subnetLayout } from "../policies/rules";
import { rejectInvalidArgs } from "./invalid-args";
import { networkSecurityGroupName } from "./naming";
import { mirrorSubnets } from "./subnet-mirror";
import { ROLES, ROLE_TAG, VAULT_TAG, type Role } from "../policies/rules/role-tags";

export interface FailoverSubnetArgs {
    /** Subnet name. A replica joins the subnet named like its source subnet, else the first one (A9). */
    name: string;
    /** IPv4 CIDR block inside the network's address space. */
    addressPrefix: string;
}

export interface TestFailoverNetworkArgs {
    /** Name of the isolated test network. */
    virtualNetworkName: string;
    /** Address space; must not overlap the failover network (A10). */
    addressSpace: string[];
    /** Subnets. Default: the failover subnets' names at the same offsets in this address space. */
    subnets?: FailoverSubnetArgs[];
}

export interface FailoverNetworkArgs {
    /** Resource group for the networks. */
    resourceGroupName: pulumi.Input<string>;
    /** Region of the networks. */
    location: string;
    /** Region of the vault; must equal `location` (A2). */
    vaultLocation: string;
    /** Name of the vault the networks serve; tagged so policies can pair them. */
    vaultName: string;
    /** Name of the virtual network failed-over VMs join. */
    virtualNetworkName: string;
    /** Address space of the network. */
    addressSpace: string[];
    /** Subnets; each gets a network security group of its own. */
    subnets: FailoverSubnetArgs[];
    /** An isolated network for test failovers, never peered or connected (A10). Default: none. */
    testFailover?: TestFailoverNetworkArgs;
    /** Tags for every network resource, merged with the role tags policies use. Default: none. */
    tags?: Record<string, string>;
}

interface BuiltNetwork {
    vnet: network.VirtualNetwork;
    subnetIds: pulumi.Output<Record<string, string>>;
}

/** The virtual network failed-over VMs join, in the vault's region, and optionally an isolated one for test failover. */
export class FailoverNetwork extends pulumi.ComponentResource {
    public readonly virtualNetwork: network.VirtualNetwork;
    public readonly virtualNetworkId: pulumi.Output<string>;
    public readonly virtualNetworkName: pulumi.Output<string>;
    /** Subnet ids by subnet name. */
    public readonly subnetIds: pulumi.Output<Record<string, string>>;
    public readonly testVirtualNetwork?: network.VirtualNetwork;
    public readonly testVirtualNetworkId: pulumi.Output<string | undefined>;
    /** Test subnet ids by subnet name; empty without a test network. */
    public readonly testSubnetIds: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: FailoverNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("asr-hyperv:index:FailoverNetwork", name, {}, opts);

        const testSubnets =
            args.testFailover === undefined
                ? []
                : (args.testFailover.subnets ?? mirrorSubnets(args.addressSpace, args.subnets, args.testFailover.addressSpace));
        rejectInvalidArgs(this, `FailoverNetwork ${name}`, [
            ["location", networkInVaultRegion(args.location, args.vaultLocation)],
            ["subnets", subnetLayout(args.addressSpace, args.subnets)],
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

        const failover = this.build(name, args, args.virtualNetworkName, args.addressSpace, args.subnets, ROLES.failoverNetwork);
        this.virtualNetwork = failover.vnet;
        this.virtualNetworkId = failover.vnet.id;
        this.virtualNetworkName = failover.vnet.name;
        this.subnetIds = failover.subnetIds;

        if (args.testFailover !== undefined && typeof testSubnets !== "string") {
            const test = this.build(
                `${name}-test`,
                args,
                args.testFailover.virtualNetworkName,
                args.testFailover.addressSpace,
                testSubnets,
                ROLES.testFailoverNetwork,
            );
            this.testVirtualNetwork = test.vnet;
            this.testVirtualNetworkId = test.vnet.id;
            this.testSubnetIds = test.subnetIds;
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
        virtualNetworkName: string,
        addressSpace: string[],
        subnets: readonly { name: string; addressPrefix: string }[],
        role: Role,
    ): BuiltNetwork {
        const tags = { ...args.tags, [ROLE_TAG]: role, [VAULT_TAG]: args.vaultName };
        const vnet = new network.VirtualNetwork(
            `${prefix}-vnet`,
            {
                virtualNetworkName,
                resourceGroupName: args.resourceGroupName,
                location: args.location,
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
        for (const subnet of subnets) {
            const nsg = new network.NetworkSecurityGroup(
                `${prefix}-nsg-${subnet.name}`,
                {
                    networkSecurityGroupName: networkSecurityGroupName(virtualNetworkName, subnet.name),
                    resourceGroupName: args.resourceGroupName,
                    location: args.location,
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
