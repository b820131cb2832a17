import { describe, expect, it } from "vitest";
import { UNKNOWN, account, violations } from "./support/fixtures";

const policy = "replication-storage-kind";

describe(policy, () => {
    it("passes general-purpose accounts", async () => {
        expect(await violations([account("a", { kind: "StorageV2" }), account("b", { kind: "Storage", isHnsEnabled: false })], { policy })).toEqual([]);
    });

    it.each(["BlobStorage", "BlockBlobStorage", "FileStorage"])("fails kind %s (A7)", async (kind) => {
        expect((await violations([account("st", { kind })], { policy }))[0]?.message).toMatch(/can't hold page blobs.*A7/);
    });

    it("fails a hierarchical namespace (A7)", async () => {
        expect((await violations([account("st", { isHnsEnabled: true })], { policy }))[0]?.message).toMatch(/hierarchical namespace/);
    });

    it("does not judge unknown values", async () => {
        expect(await violations([account("st", { kind: UNKNOWN, isHnsEnabled: UNKNOWN })], { policy })).toEqual([]);
    });
});
