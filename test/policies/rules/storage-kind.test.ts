import { describe, expect, it } from "vitest";
import { pageBlobCapableAccount } from "../../../policies/rules";

describe("A7: page-blob capable accounts", () => {
    it.each<[string, boolean | undefined, boolean]>([
        ["StorageV2", false, true],
        ["Storage", undefined, true],
        ["BlobStorage", false, false],
        ["BlockBlobStorage", false, false],
        ["FileStorage", false, false],
        ["StorageV2", true, false],
    ])("kind %s with HNS %s allowed is %s", (kind, hns, ok) => expect(pageBlobCapableAccount(kind, hns) === undefined).toBe(ok));
});
