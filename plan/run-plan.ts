import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { programInfo, programPath, readStack } from "../engine/project";
import { policies, startOperation } from "../policies/pack";
import { analyzeStack } from "../engine/analyze";
import { PolicyConfigError, reconcilePackConfig, type PackConfigFile } from "../engine/pack-config";
import type { PlanDocument } from "./document";
import { recordProgram } from "../engine/recorder";
import { analysisOf } from "../engine/resources";
import { presentable } from "../engine/values";

export interface PlanOptions {
    /** Project folder (holds Pulumi.yaml). */
    cwd: string;
    stack: string;
    /** A `--policy-pack-config` JSON file. */
    policyPackConfig?: string | undefined;
}

/** The `--policy-pack-config` file as JSON; an empty file is no config, as for the CLI. */
function readPackConfig(path: string | undefined): PackConfigFile {
    if (path === undefined) {
        return {};
    }
    if (!existsSync(path)) {
        throw new PolicyConfigError(`${path}: file not found`);
    }
    const text = readFileSync(path, "utf8");
    if (text.trim() === "") {
        return {};
    }
    try {
        return JSON.parse(text) as PackConfigFile;
    } catch (error) {
        throw new PolicyConfigError(`${path}: not valid JSON: ${(error as Error).message}`);
    }
}

/** Runs `read`, naming the file in a config error as the CLI does. */
function withFile<T>(path: string | undefined, read: () => T): T {
    try {
        return read();
    } catch (error) {
        throw error instanceof PolicyConfigError ? new PolicyConfigError(`${path}: ${error.message}`) : error;
    }
}

/**
 * What `pulumi preview --policy-pack policies` would show for a stack, offline: the
 * program runs in this process against a recording mock monitor, then the policy pack
 * judges every registration.
 */
export async function createPlan(options: PlanOptions): Promise<PlanDocument> {
    const projectDir = resolve(options.cwd);
    const settings = readStack(projectDir, options.stack);
    const packConfig = readPackConfig(options.policyPackConfig);
    const { ignored } = withFile(options.policyPackConfig, () => reconcilePackConfig(policies, packConfig));
    const program = programInfo(settings.project);
    const entry = programPath(program);

    // Programs read files relative to their folder, as under the language host.
    const previous = process.cwd();
    process.chdir(program.programDirectory);
    try {
        const recording = await recordProgram({
            projectDir,
            project: settings.project.name,
            stack: options.stack,
            config: settings.config,
            secretKeys: settings.secretKeys,
            preview: true,
            // As Pulumi's Node.js host does: require the program, and run it when it exports a function.
            load: async () => {
                // eslint-disable-next-line @typescript-eslint/no-require-imports
                const exported = require(entry) as unknown;
                return typeof exported === "function" ? await (exported as () => unknown)() : exported;
            },
        });
        const providerConfig = Object.fromEntries(Object.entries(settings.config).filter(([key]) => key.startsWith("azure-native:")));
        const analysis = await analyzeStack(policies, analysisOf(recording.resources, recording.outputs, { preview: true, providerConfig }), {
            config: packConfig,
            startOperation,
        });
        const analyzed = new Map(analysis.resources.map((resource) => [resource.urn, resource]));
        const stack = recording.resources.find((resource) => resource.type === "pulumi:pulumi:Stack");
        const resources = recording.resources.map((resource) => ({
            urn: resource.urn,
            type: resource.type,
            name: resource.name,
            parent: resource.parent ?? null,
            dependencies: resource.dependencies,
            // What `pulumi up` would send: the inputs as the provider checked them, and as remediations left them.
            inputs: presentable(analyzed.get(resource.urn)?.inputs ?? resource.inputs) as Record<string, unknown>,
            options: {
                protect: resource.options.protect,
                retainOnDelete: resource.options.retainOnDelete,
                ignoreChanges: resource.options.ignoreChanges,
                deleteBeforeReplace: resource.options.deleteBeforeReplace,
            },
        }));
        const byType: Record<string, number> = {};
        for (const resource of resources) {
            byType[resource.type] = (byType[resource.type] ?? 0) + 1;
        }
        return {
            stack: options.stack,
            project: settings.project.name,
            resources,
            notes: ignored.map((name) => `policy config: "${name}" names no policy of the pack; pulumi passes it on and the pack ignores it`),
            outputs: presentable((stack && recording.outputs.get(stack.urn)) ?? {}) as Record<string, unknown>,
            violations: analysis.violations.map((violation) => ({
                policyName: violation.policyName,
                enforcementLevel: violation.enforcementLevel,
                urn: violation.urn ?? null,
                message: violation.message,
            })),
            summary: {
                resources: resources.length,
                components: recording.resources.filter((resource) => !resource.custom).length,
                protected: resources.filter((resource) => resource.options.protect).length,
                byType,
                mandatoryViolations: analysis.violations.filter((violation) => violation.enforcementLevel === "mandatory").length,
                advisoryViolations: analysis.violations.filter((violation) => violation.enforcementLevel === "advisory").length,
                remediations: analysis.remediations,
            },
        };
    } finally {
        process.chdir(previous);
    }
}
