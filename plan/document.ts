import { z } from "zod";

/**
 * The `--json` document. An interface other tools read: add fields, never rename or
 * remove them. Unknown values read "[unknown]", secrets "[secret]".
 */
export const planDocumentSchema = z.object({
    stack: z.string(),
    project: z.string(),
    resources: z.array(
        z.object({
            urn: z.string(),
            type: z.string(),
            name: z.string(),
            parent: z.string().nullable(),
            dependencies: z.array(z.string()),
            inputs: z.record(z.string(), z.unknown()),
            options: z.object({
                protect: z.boolean(),
                retainOnDelete: z.boolean(),
                ignoreChanges: z.array(z.string()),
                deleteBeforeReplace: z.boolean(),
            }),
        }),
    ),
    /** What the plan ignored or could not know, as warnings for people. */
    notes: z.array(z.string()),
    /** The policy pack's folder, relative to the project planned: what `--policy-pack` takes. */
    policyPack: z.string(),
    outputs: z.record(z.string(), z.unknown()),
    /** The on-premises readiness check of `asr-hyperv:onPremises`, a row per finding; empty without an inventory. */
    readiness: z.array(
        z.object({
            kind: z.enum(["server", "cloud", "host", "vm"]),
            name: z.string(),
            path: z.string(),
            key: z.string(),
            level: z.enum(["pass", "warning", "error"]),
            fact: z.string(),
            message: z.string(),
        }),
    ),
    /** The replication our stack sets up (phase 1 or 2), in its config's words; null for a program that isn't ours. */
    replication: z
        .object({
            /** 1: vault, storage, network and policies; 2: the VMM clouds' VMs are protected too. */
            phase: z.union([z.literal(1), z.literal(2)]),
            replicas: z.string(),
            /** Where phase 2's ARM names come from: config, or the vault at preview (placeholders in the plan). */
            namesFrom: z.enum(["config", "vault"]).nullable(),
            policies: z.array(
                z.object({ name: z.string(), copyFrequencySeconds: z.number(), recoveryPointRetentionHours: z.number(), appConsistentFrequencyHours: z.number() }),
            ),
            clouds: z.array(
                z.object({
                    name: z.string(),
                    policy: z.string(),
                    recoveryPlan: z.string().nullable(),
                    vms: z.array(
                        z.object({
                            name: z.string(),
                            targetVmName: z.string(),
                            /** The failover subnet: configured, or A9's choice. */
                            targetSubnet: z.string().nullable(),
                            diskType: z.string(),
                            /** VHD names as config gives them; null where Site Recovery's list decides. */
                            osDisk: z.string().nullable(),
                            dataDisks: z.array(z.string()).nullable(),
                            bootGroup: z.number().int(),
                        }),
                    ),
                }),
            ),
            /** Phase 1: what to do before phase 2, in order. */
            nextSteps: z.array(z.string()),
        })
        .nullable(),
    /** With `--state`: protected items and container mappings the deployed stack has and the plan doesn't, which `pulumi up` would purge. */
    removals: z.array(z.object({ urn: z.string(), type: z.string(), name: z.string(), protected: z.boolean(), message: z.string() })),
    violations: z.array(
        z.object({
            policyName: z.string(),
            enforcementLevel: z.enum(["advisory", "mandatory"]),
            urn: z.string().nullable(),
            message: z.string(),
        }),
    ),
    summary: z.object({
        /** Every resource, the stack and components included, as `pulumi preview` counts them. */
        resources: z.number().int(),
        /** Azure resources only. */
        azureResources: z.number().int(),
        components: z.number().int(),
        protected: z.number().int(),
        byType: z.record(z.string(), z.number().int()),
        mandatoryViolations: z.number().int(),
        advisoryViolations: z.number().int(),
        remediations: z.array(z.object({ policyName: z.string(), urn: z.string(), changed: z.array(z.string()) })),
    }),
});

export type PlanDocument = z.infer<typeof planDocumentSchema>;
export type PlannedResource = PlanDocument["resources"][number];
