import { siteRecoveryAccount, unproxied } from "./lib/applies";
import { definePolicy } from "./lib/define";
import { known, knownString } from "./lib/known";
import { firewallAllowsTrustedServices } from "./rules/storage-firewall";

function networkRules(props: Record<string, unknown>) {
    const rules = known(() => props.networkRuleSet as Record<string, unknown> | undefined);
    return rules === undefined
        ? undefined
        : { defaultAction: knownString(() => rules.defaultAction), bypass: knownString(() => rules.bypass) };
}

export const replicationStorageFirewall = definePolicy(["A11"], {
    name: "replication-storage-firewall",
    summary:
        "A firewall on a Site Recovery storage account lets trusted Microsoft services through. The 2018 support matrix did not support a firewall on these accounts at all; the 2020 matrix does, with this exception, and this project follows it.",
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps:
        "In networkRuleSet, add AzureServices to bypass (e.g. bypass: AzureServices), or set defaultAction: Allow. Run the pack with this policy at enforcementLevel remediate to have it add AzureServices.",
    validateResource: (args, reportViolation) => {
        const problem = firewallAllowsTrustedServices(networkRules(siteRecoveryAccount(args)));
        if (problem !== undefined) {
            reportViolation(`${args.name}: ${problem}`);
        }
    },
    remediateResource: (args) => {
        const rules = networkRules(siteRecoveryAccount(args));
        if (firewallAllowsTrustedServices(rules) === undefined) {
            return undefined;
        }
        const props = unproxied(args.props);
        const bypass = [rules?.bypass, "AzureServices"].filter((entry) => entry && entry !== "None").join(", ");
        return { ...props, networkRuleSet: { ...(props.networkRuleSet as Record<string, unknown>), bypass } };
    },
});
