import { describe, expect, it } from "vitest";
import { SECURE_TRANSPORT, secureTransport } from "../../../policies/rules";

describe("secure transport", () => {
    it("passes the baseline the components apply", () => {
        expect(secureTransport(SECURE_TRANSPORT)).toEqual([]);
        expect(secureTransport({ ...SECURE_TRANSPORT, minimumTlsVersion: "TLS1_3" })).toEqual([]);
    });

    it("lists each shortfall, counting Azure's older defaults for unset settings", () => {
        expect(secureTransport({})).toEqual(["minimumTlsVersion is unset; set TLS1_2 or later", "allowBlobPublicAccess is unset; set false"]);
        expect(secureTransport({ minimumTlsVersion: "TLS1_0", enableHttpsTrafficOnly: false, allowBlobPublicAccess: true })).toHaveLength(3);
    });
});
