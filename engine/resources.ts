import type { ResourceUnderAnalysis } from "./analyze";
import { azureResourceName } from "./azure-mocks";
import { deployedOutputs } from "./deployed-outputs";
import { checkedInputs, previewOutputs } from "./preview-outputs";
import type { RecordedResource } from "./recorder";

export interface AnalysisOptions {
    /** A preview of resources being created (default), or resources Azure has created. */
    preview?: boolean;
    /** The stack's config of the azure-native provider, such as `azure-native:location`. */
    providerConfig?: Readonly<Record<string, string>>;
}

/**
 * Registrations as one engine operation shows them to a policy pack: each azure-native
 * resource's inputs as the provider's Check leaves them, and its outputs as azure-native
 * answers a preview (or, deployed, as Azure answers); a component's outputs are what it
 * registered. A type whose response shape is not known shows its inputs as outputs.
 */
export function analysisOf(
    resources: readonly RecordedResource[],
    outputs: ReadonlyMap<string, Record<string, unknown>> = new Map(),
    options: AnalysisOptions = {},
): ResourceUnderAnalysis[] {
    const preview = options.preview ?? true;
    return resources.map((resource) => {
        const inputs = resource.custom ? checkedInputs(resource.type, resource.inputs, options.providerConfig ?? {}) : resource.inputs;
        const answered = !resource.custom
            ? outputs.get(resource.urn)
            : preview
              ? previewOutputs(resource.type, inputs)
              : deployedOutputs(resource.type, inputs, azureResourceName(resource.type, resource.name, inputs));
        return {
            urn: resource.urn,
            type: resource.type,
            name: resource.name,
            inputs,
            outputs: answered ?? inputs,
            parent: resource.parent,
            dependencies: resource.dependencies,
            propertyDependencies: resource.propertyDependencies,
            options: {
                protect: resource.options.protect,
                ignoreChanges: resource.options.ignoreChanges,
                deleteBeforeReplace: resource.options.deleteBeforeReplace,
            },
        };
    });
}
