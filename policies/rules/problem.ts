/** Where in its input a problem lies: object keys and list indexes, e.g. ["subnets", 3, "addressPrefix"]. */
export type Place = readonly (string | number)[];

/** A problem with one part of a rule's input, so config can name the full key (`asr-hyperv:network.subnets[3].addressPrefix`). */
export interface Problem {
    at: Place;
    message: string;
}

/** `subnets[3].addressPrefix`: a place as a path. */
export function placeText(at: Place): string {
    return at.reduce<string>((path, part) => (typeof part === "number" ? `${path}[${part}]` : path === "" ? part : `${path}.${part}`), "");
}
