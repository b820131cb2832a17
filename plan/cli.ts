import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { StackFileError } from "../engine/project";
import { PolicyConfigError } from "../engine/pack-config";
import { renderDiagram } from "./diagram";
import { renderText } from "./render-text";
import { createPlan } from "./run-plan";

const USAGE = `usage: npm run plan -- [--stack dev] [--cwd <project dir>] [--policy-pack-config <file>] [--json] [--diagram <file>] [--stack-traces]

Shows what \`pulumi up\` would create for a stack and what the asr-hyperv-prerequisites
policy pack says about it, with no Azure credentials and no Pulumi CLI.

Exit codes: 0 no mandatory violation; 1 mandatory violations; 2 invalid config or usage;
3 the program failed for another reason.`;

const EXIT = { ok: 0, mandatory: 1, invalid: 2, programFailed: 3 } as const;

class UsageError extends Error {}

/** Errors that mean the plan can't be made from what the user gave: exit 2, message only. */
function isInputError(error: unknown): error is Error {
    return (
        error instanceof UsageError ||
        error instanceof StackFileError ||
        error instanceof PolicyConfigError ||
        // The program's own copy of ConfigError may come from another module instance.
        (error instanceof Error && error.name === "ConfigError")
    );
}

function options(argv: string[]) {
    try {
        return parseArgs({
            args: argv,
            options: {
                stack: { type: "string", default: "dev" },
                cwd: { type: "string", default: "." },
                "policy-pack-config": { type: "string" },
                json: { type: "boolean", default: false },
                diagram: { type: "string" },
                "stack-traces": { type: "boolean", default: false },
                help: { type: "boolean", default: false },
            },
            strict: true,
            allowPositionals: false,
        }).values;
    } catch (error) {
        throw new UsageError((error as Error).message);
    }
}

/** Runs the plan; resolves to the process exit code. */
export async function main(argv: string[], out: (text: string) => void = (text) => process.stdout.write(text), err: (text: string) => void = (text) => process.stderr.write(text)): Promise<number> {
    try {
        const values = options(argv);
        if (values.help) {
            out(`${USAGE}\n`);
            return EXIT.ok;
        }
        const document = await createPlan({
            cwd: resolve(values.cwd),
            stack: values.stack,
            policyPackConfig: values["policy-pack-config"] === undefined ? undefined : resolve(values["policy-pack-config"]),
        });
        if (values.diagram !== undefined) {
            try {
                writeFileSync(values.diagram, renderDiagram(document));
            } catch (error) {
                throw new UsageError(`--diagram: can't write ${values.diagram}: ${(error as Error).message}`);
            }
        }
        for (const note of document.notes) {
            err(`warning: ${note}\n`);
        }
        out(values.json ? `${JSON.stringify(document, null, 2)}\n` : renderText(document));
        return document.summary.mandatoryViolations > 0 ? EXIT.mandatory : EXIT.ok;
    } catch (error) {
        if (isInputError(error)) {
            err(`error: ${error.message}\n${error instanceof UsageError ? `\n${USAGE}\n` : ""}`);
            return EXIT.invalid;
        }
        const hint = argv.includes("--stack-traces") ? "" : "\n(run with --stack-traces for the whole trace, in TypeScript lines)";
        err(`error: the program failed before a plan could be made:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}${hint}\n`);
        return EXIT.programFailed;
    }
}
