import { quoted } from "./display";

/**
 * Azure's limits on tags (learn.microsoft.com azure-resource-manager/management/tag-resources,
 * "Limitations"): at most 50 per resource; names 1-512 characters (128 on storage accounts)
 * without < > % & \ ? /; values up to 256 characters. Names ignore case, so two names that
 * differ only in case are one tag, and the last value wins without a word.
 */
export const MAX_TAGS = 50;
const MAX_NAME = 512;
const MAX_STORAGE_ACCOUNT_NAME = 128;
const MAX_VALUE = 256;
const FORBIDDEN = /[<>%&\\?/]/u;

export interface TagTarget {
    /** Tags for a storage account, whose names are shorter. */
    storageAccount?: boolean;
    /** Names the caller adds to these tags (role tags): they count towards the limit, and a tag of the same name would be overwritten. */
    added?: readonly string[];
}

/** A problem with one tag (`tag` is its name), or with the whole set (`tag` undefined). */
export interface TagProblem {
    tag: string | undefined;
    message: string;
}

/** Why Azure would refuse these tags on a resource, or overwrite one of them: none when it takes them all. */
export function azureTags(tags: ReadonlyMap<string, string> | Readonly<Record<string, string>>, target: TagTarget = {}): TagProblem[] {
    const entries = tags instanceof Map ? [...tags.entries()] : Object.entries(tags);
    const added = target.added ?? [];
    const maxName = target.storageAccount === true ? MAX_STORAGE_ACCOUNT_NAME : MAX_NAME;
    const problems: TagProblem[] = [];
    const total = entries.length + added.length;
    if (total > MAX_TAGS) {
        const ours = added.length > 0 ? ` with the ${added.length} this project adds` : "";
        problems.push({ tag: undefined, message: `${entries.length} tags${ours} is more than Azure's ${MAX_TAGS} per resource` });
    }
    const addedByKey = new Map(added.map((name) => [name.toLowerCase(), name]));
    const firstOfKey = new Map<string, string>();
    for (const [tag, value] of entries) {
        const name = tag;
        if (name.length === 0) {
            problems.push({ tag, message: "a tag name is empty; Azure needs 1 or more characters" });
        } else if (name.length > maxName) {
            const where = target.storageAccount === true ? " on a storage account" : "";
            problems.push({ tag, message: `tag name ${quoted(name)} has ${name.length} characters; Azure allows ${maxName}${where}` });
        }
        const forbidden = FORBIDDEN.exec(name);
        if (forbidden !== null) {
            problems.push({ tag, message: `tag name ${quoted(name)} holds ${quoted(forbidden[0])}; Azure tag names can't hold < > % & \\ ? /` });
        }
        if (typeof value !== "string") {
            problems.push({ tag, message: `tag ${quoted(name)} has a value that is not text` });
        } else if (value.length > MAX_VALUE) {
            problems.push({ tag, message: `tag ${quoted(name)} has a value of ${value.length} characters; Azure allows ${MAX_VALUE}` });
        }
        const key = name.toLowerCase();
        const ours = addedByKey.get(key);
        if (ours !== undefined) {
            problems.push({ tag, message: `tag name ${quoted(name)} is the tag ${ours} this project sets itself (names ignore case)` });
        }
        const first = firstOfKey.get(key);
        if (first !== undefined) {
            problems.push({ tag, message: `tag name ${quoted(name)} is ${quoted(first)} too: Azure tag names ignore case` });
        } else {
            firstOfKey.set(key, name);
        }
    }
    return problems;
}
