import { describe, expect, it } from "vitest";
import { placeText } from "../../../policies/rules";

describe("placeText", () => {
    it("writes a place as a path", () => {
        expect(placeText(["subnets", 3, "addressPrefix"])).toBe("subnets[3].addressPrefix");
        expect(placeText(["addressSpace"])).toBe("addressSpace");
        expect(placeText([])).toBe("");
    });
});
