import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { StackFileError } from "../engine/project";
import { PolicyConfigError } from "../engine/pack-config";
import { renderDiagram } from "./diagram";
import { renderText } from "./render-text";
import { createPlan } from "./run-plan";

const USAGE = `usage: npm run -s plan -- [-s|--stack <stack>] [-C|--cwd <project dir>] [--policy-pack-config <file>] [--json [<file>]] [--diagram <file>] [--state <file>] [--stack-traces]

Shows what \`pulumi up\` would create for a stack and what the asr-hyperv-prerequisites
policy pack says about it, with no Azure credentials and no Pulumi CLI. Without --stack it
plans the stack pulumi would use (PULUMI_STACK, or the one \`pulumi stack select\` chose),
else dev. --json writes the JSON document to stdout, or to <file>. --state takes the
deployed stack (\`pulumi stack export --file <file>\`) and warns of every protected VM or
cloud mapping that \`pulumi up\` would purge because config no longer has it.

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

/** `--json <file>` as `--json-file <file>`: parseArgs has no option whose value may be left out. */
function withJsonFile(argv: string[]): string[] {
    const index = argv.indexOf("--json");
    const next = argv[index + 1];
    return index >= 0 && next !== undefined && !next.startsWith("-") ? [...argv.slice(0, index), "--json-file", next, ...argv.slice(index + 2)] : argv;
}

function options(argv: string[]) {
    try {
        return parseArgs({
            args: withJsonFile(argv),
            options: {
                stack: { type: "string", short: "s" },
                cwd: { type: "string", short: "C", default: "." },
                "json-file": { type: "string" },
                "policy-pack-config": { type: "string" },
                json: { type: "boolean", default: false },
                diagram: { type: "string" },
                state: { type: "string" },
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
    const notes: string[] = [];
    try {
        const values = options(argv);
        if (values.help) {
            out(`${USAGE}\n`);
            return EXIT.ok;
        }
        const document = await createPlan({
            cwd: resolve(values.cwd),
            ...(values.stack === undefined ? {} : { stack: values.stack }),
            policyPackConfig: values["policy-pack-config"] === undefined ? undefined : resolve(values["policy-pack-config"]),
            state: values.state === undefined ? undefined : resolve(values.state),
        }, notes);
        if (values.diagram !== undefined) {
            try {
                writeFileSync(values.diagram, renderDiagram(document));
            } catch (error) {
                throw new UsageError(`--diagram: can't write ${values.diagram}: ${(error as Error).message}`);
            }
        }
        if (values.json) {
            for (const note of document.notes) {
                err(`warning: ${note}\n`);
            }
        }
        const json = `${JSON.stringify(document, null, 2)}\n`;
        if (values["json-file"] !== undefined) {
            try {
                writeFileSync(values["json-file"], json);
            } catch (error) {
                throw new UsageError(`--json: can't write ${values["json-file"]}: ${(error as Error).message}`);
            }
        }
        out(values.json && values["json-file"] === undefined ? json : renderText(document));
        return document.summary.mandatoryViolations > 0 ? EXIT.mandatory : EXIT.ok;
    } catch (error) {
        for (const note of notes) {
            err(`note: ${note}\n`);
        }
        if (isInputError(error)) {
            err(`error: ${error.message}\n${error instanceof UsageError ? `\n${USAGE}\n` : ""}`);
            return EXIT.invalid;
        }
        reportFailure(error, argv, err);
        return EXIT.programFailed;
    }
}

let failureReported = false;

function reportFailure(error: unknown, argv: string[], err: (text: string) => void): void {
    if (failureReported) {
        return;
    }
    failureReported = true;
    const hint = argv.includes("--stack-traces") ? "" : "\n(run with --stack-traces for the whole trace)";
    err(`error: the program failed, so pulumi preview would too:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}${hint}\n`);
}

/**
 * A rejection no one awaited: the program failed after its first await (a failed lookup, an
 * apply that threw). Pulumi's Node.js host fails the run then; so does the plan, with exit 3.
 */
export function unhandled(error: unknown, argv: string[]): void {
    reportFailure(error, argv, (text) => process.stderr.write(text));
    process.exitCode = EXIT.programFailed;
}
