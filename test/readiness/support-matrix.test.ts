import { describe, expect, it } from "vitest";
import { HOST_OSES, HOST_OS_NOISE, VMM_NAME_NOISE, VMM_VERSIONS, matchName, sourceText } from "../../readiness/support-matrix";

const vmm = (given: string) => matchName(given, VMM_VERSIONS.map((v) => v.name), VMM_NAME_NOISE);
const hostOs = (given: string) => matchName(given, HOST_OSES.map((o) => o.name), HOST_OS_NOISE);

describe("matchName", () => {
    it.each([
        ["2019", "2019"],
        ["System Center Virtual Machine Manager 2019", "2019"],
        ["SCVMM 2012 R2 UR14", "2012 R2"],
        ["2012r2", "2012 R2"],
        ["2012 SP1", undefined],
        ["2020", undefined],
    ])("reads VMM %j as %j", (given, name) => expect(vmm(given)).toBe(name));

    it.each([
        ["Windows Server 2019 Datacenter", "Windows Server 2019"],
        ["windows server 2012 r2 standard", "Windows Server 2012 R2"],
        ["Microsoft Hyper-V Server 2012 R2", "Hyper-V Server 2012 R2"],
        ["Windows Server 2012 Datacenter", undefined],
        ["Windows Server 2025", undefined],
    ])("reads host OS %j as %j", (given, name) => expect(hostOs(given)).toBe(name));
});

describe("sourceText", () => {
    it("cites a source with the edition read", () => {
        expect(sourceText("SM26")).toBe("SM26 05/05/2026");
    });
});
