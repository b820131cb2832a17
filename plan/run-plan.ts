import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { StackFileError, readStack } from "../config/stack-file";
import { policies } from "../policies/pack";
import { analyzeStack, resolvePackConfig, PolicyConfigError, type PackConfig } from "./analyze";
import type { PlanDocument } from "./document";
import { recordProgram } from "./recorder";
import { resourcesForAnalysis } from "./resources";
import { presentable } from "./values";

export interface PlanOptions {
    /** Project folder (holds Pulumi.yaml). */
    cwd: string;
    stack: string;
    /** A `--policy-pack-config` JSON file. */
    policyPackConfig?: string | undefined;
}

function readPackConfig(path: string | undefined): PackConfig {
    if (path === undefined) {
        return {};
    }
    if (!existsSync(path)) {
        throw new PolicyConfigError(`${path}: file not found`);
    }
    try {
        const config = JSON.parse(readFileSync(path, "utf8")) as unknown;
        if (config === null || typeof config !== "object" || Array.isArray(config)) {
            throw new PolicyConfigError(`${path}: expected a JSON object of policy names`);
        }
        return config as PackConfig;
    } catch (error) {
        throw error instanceof PolicyConfigError ? error : new PolicyConfigError(`${path}: not valid JSON: ${(error as Error).message}`);
    }
}

/** The file Pulumi's Node.js host would load: `main` of Pulumi.yaml, else of package.json, else index.ts or index.js. */
function entryPoint(projectDir: string, main: string): string {
    const packageJson = join(projectDir, "package.json");
    const packageMain = existsSync(packageJson) ? (JSON.parse(readFileSync(packageJson, "utf8")) as { main?: string }).main : undefined;
    const base = resolve(projectDir, main);
    const candidates = main !== "." ? [base, join(base, "index.ts"), join(base, "index.js")] : [];
    candidates.push(...(packageMain ? [resolve(projectDir, packageMain)] : []), join(projectDir, "index.ts"), join(projectDir, "index.js"));
    const found = candidates.find((candidate) => existsSync(candidate) && !candidate.endsWith("/"));
    if (found === undefined) {
        throw new StackFileError(`${projectDir}: no program found (looked for ${candidates.join(", ")})`);
    }
    return found;
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
    resolvePackConfig(policies, packConfig);
    const entry = entryPoint(projectDir, settings.project.main);

    // Programs read files relative to their folder, as under the language host.
    const previous = process.cwd();
    process.chdir(projectDir);
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
        const analysis = await analyzeStack(policies, resourcesForAnalysis(recording), { config: packConfig });
        const stack = recording.resources.find((resource) => resource.type === "pulumi:pulumi:Stack");
        const resources = recording.resources.map((resource) => ({
            urn: resource.urn,
            type: resource.type,
            name: resource.name,
            parent: resource.parent ?? null,
            dependencies: resource.dependencies,
            // What `pulumi up` would send: the inputs, or what a remediation made of them.
            inputs: presentable(
                analysis.remediations.some((remediation) => remediation.urn === resource.urn)
                    ? analysis.resources.find((analyzed) => analyzed.urn === resource.urn)?.props
                    : resource.inputs,
            ) as Record<string, unknown>,
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
