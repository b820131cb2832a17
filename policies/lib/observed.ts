import { unknownCheckingProxy, type PolicyResource } from "@pulumi/policy";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { plain, revealed, setOwn, unproxied } from "./known";
import { isRecord } from "../rules/records";

// Stack policies get each resource's outputs (AnalyzeStack), and during a preview
// azure-native's outputs drop what is input-only (a vault child's `resourceName`, a
// replication policy's `providerSpecificInput`) and leave what Azure assigns unknown.
// The engine runs one analyzer process per operation and calls Analyze with every
// resource's inputs before it calls AnalyzeStack once (pulumi/pulumi
// pkg/resource/deploy/step_generator.go, AnalyzeResources; pkg/engine/update.go): so
// resource policies record the inputs they are shown, and stack policies read each
// resource as its inputs joined with its outputs. A record belongs to one round of
// Analyze calls and the AnalyzeStack after them; the next Analyze starts a new round.

let inputs = new Map<string, Record<string, unknown>>();
let views = new Map<string, Record<string, unknown>>();
let round = 0;
let stackRead = false;

/** Forgets every record, as a new analyzer process starts without any. */
export function startRound(): void {
    inputs = new Map();
    views = new Map();
    round++;
    stackRead = false;
}

/** Records a resource's inputs as Analyze shows them. */
export function observeInputs(urn: string, props: Record<string, unknown>): void {
    if (stackRead) {
        startRound();
    }
    inputs.set(urn, unproxied(props));
}

/**
 * A known output wins; where it is unknown or absent the input stands; objects are joined
 * key by key. Inputs are read as policies see them, secrets by their values.
 */
function join(output: unknown, input: unknown): unknown {
    if (output === undefined || output === unknownValue) {
        return input === undefined ? output : revealed(input);
    }
    const own = plain(input);
    if (isRecord(output) && isRecord(own)) {
        // Input keys first, as a spread of the input and then the output would order them.
        const joined: Record<string, unknown> = {};
        for (const key of Object.keys(own)) {
            setOwn(joined, key, Object.hasOwn(output, key) ? join(output[key], own[key]) : revealed(own[key]));
        }
        for (const key of Object.keys(output)) {
            if (!Object.hasOwn(own, key)) {
                setOwn(joined, key, output[key]);
            }
        }
        return joined;
    }
    return output;
}

/**
 * The resource as the stack policies judge it: its outputs joined with the inputs Analyze
 * showed, read through the engine's unknown-checking proxy. Without a record (every
 * resource policy disabled) it is the outputs alone.
 */
export function joinedProps(resource: PolicyResource): Record<string, unknown> {
    stackRead = true;
    const seen = views.get(resource.urn);
    if (seen !== undefined) {
        return seen;
    }
    const input = inputs.get(resource.urn);
    const view = input === undefined ? resource.props : unknownCheckingProxy(join(unproxied(resource.props), input) as Record<string, unknown>);
    views.set(resource.urn, view);
    return view;
}

/**
 * The resource's inputs as Analyze showed them, through the unknown-checking proxy, for
 * what only inputs can tell (whether a setting was given at all); undefined without a record.
 */
export function observedInputs(resource: PolicyResource): Record<string, unknown> | undefined {
    stackRead = true;
    const input = inputs.get(resource.urn);
    return input === undefined ? undefined : unknownCheckingProxy(input);
}

/** Identifies the current round, for what is worth computing once per AnalyzeStack. */
export function currentRound(): number {
    stackRead = true;
    return round;
}
