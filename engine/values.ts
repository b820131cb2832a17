import { isRecord } from "../policies/rules/records";
import { specialResourceSig, specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";

/** How a plan shows a value only known after deployment. */
export const UNKNOWN_TEXT = "[unknown]";

/** How a secret reads where it can't be decrypted or shown. */
export const SECRET_TEXT = "[secret]";

/** The value with Pulumi's markers made readable: unknowns and secrets as text, resource references as their URN. */
export function presentable(value: unknown): unknown {
    if (value === unknownValue) {
        return UNKNOWN_TEXT;
    }
    if (Array.isArray(value)) {
        return value.map(presentable);
    }
    if (isRecord(value)) {
        if (value[specialSigKey] === specialSecretSig) {
            return SECRET_TEXT;
        }
        if (value[specialSigKey] === specialResourceSig) {
            return value.urn;
        }
        return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, presentable(inner)]));
    }
    return value;
}

/** True when the value, or anything in it, is only known after deployment. */
export function hasUnknown(value: unknown): boolean {
    if (value === UNKNOWN_TEXT) {
        return true;
    }
    if (Array.isArray(value)) {
        return value.some(hasUnknown);
    }
    return isRecord(value) && Object.values(value).some(hasUnknown);
}
