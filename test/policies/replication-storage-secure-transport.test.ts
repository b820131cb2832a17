import { describe, expect, it } from "vitest";
import { UNKNOWN, account, analyze, violations } from "./support/fixtures";

const policy = "replication-storage-secure-transport";

describe(policy, () => {
    it("passes TLS 1.2, HTTPS only, no public blob access", async () => {
        expect(await violations([account("st")], { policy })).toEqual([]);
    });

    it("lists every shortfall in one violation", async () => {
        const weak = account("st", { minimumTlsVersion: "TLS1_0", enableHttpsTrafficOnly: false, allowBlobPublicAccess: true });
        const [found] = await violations([weak], { policy });
        expect(found?.message).toMatch(/minimumTlsVersion is TLS1_0.*enableHttpsTrafficOnly is false.*allowBlobPublicAccess is true/);
    });

    it("judges the known settings when another is unknown", async () => {
        const partly = account("st", { minimumTlsVersion: UNKNOWN, allowBlobPublicAccess: true });
        const [found] = await violations([partly], { policy });
        expect(found?.message).not.toMatch(/minimumTlsVersion/);
        expect(found?.message).toMatch(/allowBlobPublicAccess/);
    });

    it("fixes the account when run at enforcement level remediate, keeping unknown values", async () => {
        const weak = account("st", { minimumTlsVersion: "TLS1_0", allowBlobPublicAccess: true, resourceGroupName: UNKNOWN });
        const analysis = await analyze([weak], { config: { [policy]: "remediate" } });
        expect(analysis.remediations).toEqual([{ policyName: policy, urn: weak.urn, changed: ["minimumTlsVersion", "allowBlobPublicAccess"] }]);
        expect(analysis.resources[0]?.inputs).toMatchObject({ minimumTlsVersion: "TLS1_2", allowBlobPublicAccess: false, resourceGroupName: UNKNOWN });
        expect(analysis.violations.filter((v) => v.policyName === policy)).toEqual([]);
    });

    it("leaves a compliant account alone when remediating", async () => {
        const analysis = await analyze([account("st")], { config: { [policy]: "remediate" } });
        expect(analysis.remediations).toEqual([]);
    });
});
