import { azureMockResource, withoutId } from "./azure-mocks";
import type { ResourceUnderAnalysis } from "./analyze";
import type { RecordedResource, Recording } from "./recorder";

/**
 * The recorded registrations as the engine would show them to a policy pack during a
 * preview: custom resources with their inputs plus what follows from them (the Azure
 * name); ids not yet assigned stay unknown. Components and the stack are included, as
 * the engine includes them.
 */
export function resourcesForAnalysis(recording: Recording): ResourceUnderAnalysis[] {
    return recording.resources.map((resource: RecordedResource) => {
        const props = resource.custom
            ? withoutId(azureMockResource({ type: resource.type, name: resource.name, inputs: resource.inputs, custom: true }).state)
            : resource.inputs;
        return {
            urn: resource.urn,
            type: resource.type,
            name: resource.name,
            props,
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
