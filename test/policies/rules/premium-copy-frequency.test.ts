import { describe, expect, it } from "vitest";
import { copyFrequencyFitsStorage } from "../../../policies/rules";

describe("R2: no 30-second copies to premium storage", () => {
    it("allows 30 s to standard storage and any other frequency to premium", () => {
        expect(copyFrequencyFitsStorage(30, ["Standard_GRS"])).toBeUndefined();
        expect(copyFrequencyFitsStorage(300, ["Premium_LRS"])).toBeUndefined();
    });

    it("refuses 30 s when any target is premium", () => {
        expect(copyFrequencyFitsStorage(30, ["Premium_LRS", "Standard_LRS"])).toMatch(/R2/);
    });
});
