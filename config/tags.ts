import { z } from "zod";
import { azureTags, quoted, shown } from "../policies/rules";
import { ROLE_TAG, VAULT_TAG } from "../policies/rules/role-tags";

// Names every JavaScript object has. The Pulumi SDK for Node.js copies tags through plain
// objects and prints them: a tag named __proto__ is lost on the way, one named toString
// makes it throw a TypeError, so none of them can reach Azure from this program.
const OBJECT_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * `asr-hyperv:tags`: tag names to text, for every resource the stack creates, storage
 * accounts and the role tags the components add included, so Azure's rules for those apply.
 * Read from the decoded JSON's own keys only, so no name is taken for an inherited one.
 */
export const tagsSchema = z.unknown().transform((value, ctx): Record<string, string> => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
        ctx.addIssue({ code: "custom", message: `${shown(value)} is not a map of tag names to text values, e.g. { costCenter: dr }` });
        return z.NEVER;
    }
    const tags = new Map<string, string>();
    for (const [name, tagValue] of Object.entries(value)) {
        if (typeof tagValue !== "string") {
            ctx.addIssue({ code: "custom", path: [name], message: `${shown(tagValue)} is not text; tag values are text (quote numbers and true/false)` });
        } else if (OBJECT_NAMES.has(name)) {
            ctx.addIssue({
                code: "custom",
                path: [name],
                message: `${quoted(name)} is a name every JavaScript object has, which the Pulumi SDK for Node.js loses or trips over; rename the tag`,
            });
        } else {
            tags.set(name, tagValue);
        }
    }
    for (const problem of azureTags(tags, { storageAccount: true, added: [ROLE_TAG, VAULT_TAG] })) {
        ctx.addIssue({ code: "custom", path: problem.tag === undefined ? [] : [problem.tag], message: problem.message });
    }
    return Object.fromEntries(tags);
});
