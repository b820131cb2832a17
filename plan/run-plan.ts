import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { esmEntry, programInfo, programPath, readProject, readStack, selectedStack } from "../engine/project";
import { policies, startOperation } from "../policies/pack";
import { analyzeStack } from "../engine/analyze";
import { PolicyConfigError, reconcilePackConfig, type PackConfigFile } from "../engine/pack-config";
import { normalizeRegion } from "../policies/rules/regions";
import { checkReadiness, type Finding } from "../readiness/check";
import { ONPREMISES_KEY, inventorySchema } from "../readiness/inventory";
import { readinessRows } from "../readiness/table";
import type { PlanDocument } from "./document";
import { forgetProgram, maskDerived, otherPlaceholders } from "./secrets";
import { recordProgram, type Recording } from "../engine/recorder";
import { analysisOf } from "../engine/resources";
import { presentable } from "../engine/values";
import { NAMESPACE } from "../config/schema";
import { OFFLINE_SITE_NAMES } from "../stack/site-names";
import { replicationRemovals } from "./removals";
import { replicationView } from "./replication-view";

/** The pack that judges the plan, for the commands a user runs next. */
const PACK_DIR = join(__dirname, "..", "policies");

export interface PlanOptions {
    /** Project folder (holds Pulumi.yaml). */
    cwd: string;
    /** The stack to plan; default: the one pulumi would use, else dev. */
    stack?: string;
    /** A `--policy-pack-config` JSON file. */
    policyPackConfig?: string | undefined;
    /** A `pulumi stack export` file of the deployed stack, to warn of what `pulumi up` would purge. */
    state?: string | undefined;
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

/** The readiness findings of the stack's `asr-hyperv:onPremises` inventory; none without one, or where config reports it invalid. */
function readinessOf(config: Readonly<Record<string, string>>): Finding[] {
    const text = config[ONPREMISES_KEY];
    const location = config["azure-native:location"];
    if (text === undefined || location === undefined) {
        return [];
    }
    try {
        const inventory = inventorySchema.safeParse(JSON.parse(text));
        return inventory.success ? checkReadiness(inventory.data, { region: normalizeRegion(location) }) : [];
    } catch {
        return [];
    }
}

/** The program's exports: `require` for CommonJS; for an ES module, its default export, else its named ones (as cmd/run). */
async function loadProgram(entry: string, esm: string | undefined): Promise<unknown> {
    if (esm === undefined) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return require(entry) as unknown;
    }
    const namespace = (await import(pathToFileURL(esm).href)) as Record<string, unknown>;
    return Object.getOwnPropertyDescriptor(namespace, "default") === undefined ? namespace : namespace.default;
}

/** The program's exports, as the stack resource registered them. */
function stackOutputs(recording: Recording): unknown {
    const stack = recording.resources.find((resource) => resource.type === "pulumi:pulumi:Stack");
    return presentable((stack && recording.outputs.get(stack.urn)) ?? {});
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
export async function createPlan(options: PlanOptions, notes: string[] = []): Promise<PlanDocument> {
    const projectDir = resolve(options.cwd);
    const selected = options.stack ?? selectedStack(readProject(projectDir));
    const settings = readStack(projectDir, selected ?? "dev");
    if (selected === undefined) {
        notes.push("no stack selected (pulumi would ask for one): planned dev; choose with --stack");
    }
    notes.push(...settings.notes);
    const packConfig = readPackConfig(options.policyPackConfig);
    const { ignored } = withFile(options.policyPackConfig, () => reconcilePackConfig(policies, packConfig));
    notes.push(...ignored.map((name) => `policy config: "${name}" names no policy of the pack; pulumi passes it on and the pack ignores it`));
    const program = programInfo(settings.project);
    const entry = programPath(program);
    const esm = esmEntry(program, entry);

    const replication = replicationView(settings.config, settings.project.name, settings.stack);
    if (replication?.namesFrom === "vault") {
        notes.push(
            `phase 2: pulumi preview looks up the ARM names VMM registration created in the vault; offline, the plan shows placeholders such as "<container of ${replication.clouds[0]?.name ?? "cloud"}>" and can't tell whether a cloud, VM or disk exists (set ${NAMESPACE}:site.names to plan with the real ones)`,
        );
    }

    // Programs read files relative to their folder, as under the language host. Phase 2
    // resolves against placeholders: there is no vault to ask.
    const previous = process.cwd();
    const offline = globalThis as Record<symbol, unknown>;
    process.chdir(program.programDirectory);
    offline[OFFLINE_SITE_NAMES] = true;
    try {
        const record = (config: Record<string, string>) =>
            recordProgram({
                projectDir,
                project: settings.project.name,
                stack: settings.stack,
                config,
                secretKeys: settings.secretKeys,
                preview: true,
                // As Pulumi's Node.js host does: require or import the program, and run it when it exports a function.
                load: async () => {
                    const exported = await loadProgram(entry, esm);
                    return typeof exported === "function" ? await (exported as () => unknown)() : exported;
                },
            });
        const recording = await record(settings.config);
        let again: Recording | undefined;
        if (settings.secretKeys.length > 0) {
            forgetProgram(projectDir);
            again = await record(otherPlaceholders(settings.config, settings.secretKeys));
        }
        const providerConfig = Object.fromEntries(Object.entries(settings.config).filter(([key]) => key.startsWith("azure-native:")));
        const analysis = await analyzeStack(policies, analysisOf(recording.resources, recording.outputs, { preview: true, providerConfig }), {
            config: packConfig,
            startOperation,
        });
        const analyzed = new Map(analysis.resources.map((resource) => [resource.urn, resource]));
        const inputsAgain = new Map(again && analysisOf(again.resources, again.outputs, { preview: true, providerConfig }).map((resource) => [resource.urn, resource.inputs]));
        // Only what both runs agree on is shown; the rest derives from a secret.
        const revealed = (urn: string, inputs: unknown) => (again === undefined ? inputs : maskDerived(inputs, presentable(inputsAgain.get(urn))));
        const resources = recording.resources.map((resource) => ({
            urn: resource.urn,
            type: resource.type,
            name: resource.name,
            parent: resource.parent ?? null,
            dependencies: resource.dependencies,
            // What `pulumi up` would send: the inputs as the provider checked them, and as remediations left them.
            inputs: revealed(resource.urn, presentable(analyzed.get(resource.urn)?.inputs ?? resource.inputs)) as Record<string, unknown>,
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
            stack: settings.stack,
            project: settings.project.name,
            resources,
            notes,
            policyPack: relative(projectDir, PACK_DIR) || ".",
            readiness: readinessRows(readinessOf(settings.config)),
            replication,
            removals: options.state === undefined ? [] : replicationRemovals(options.state, new Set(resources.map((resource) => resource.urn))),
            outputs: (again === undefined ? stackOutputs(recording) : maskDerived(stackOutputs(recording), stackOutputs(again))) as Record<string, unknown>,
            violations: analysis.violations.map((violation) => ({
                policyName: violation.policyName,
                enforcementLevel: violation.enforcementLevel,
                urn: violation.urn ?? null,
                message: violation.message,
            })),
            summary: {
                resources: resources.length,
                azureResources: recording.resources.filter((resource) => resource.custom).length,
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
        delete offline[OFFLINE_SITE_NAMES];
    }
}
