import { policies } from "../policies/pack";
import { readinessTable } from "../readiness/table";
import type { PlanDocument, PlannedResource } from "./document";
import { UNKNOWN_TEXT, hasUnknown } from "../engine/values";

/** The fact ids a policy enforces ("A1", "R2"), its name, then its severity. */
function labelsOf(policyName: string): string[] {
    const policy = policies.find((candidate) => candidate.name === policyName);
    return [...(policy?.facts ?? []), policyName, ...(policy?.severity ? [policy.severity] : [])];
}

function tree(document: PlanDocument): string[] {
    const children = new Map<string | null, PlannedResource[]>();
    for (const resource of document.resources) {
        const siblings = children.get(resource.parent) ?? [];
        siblings.push(resource);
        children.set(resource.parent, siblings);
    }
    const rows: [string, string, string][] = [];
    const walk = (resource: PlannedResource, prefix: string, last: boolean, root: boolean) => {
        const branch = root ? "" : `${prefix}${last ? "└─ " : "├─ "}`;
        rows.push([`${branch}${resource.type}`, resource.name, resource.options.protect ? "protected" : ""]);
        const kids = children.get(resource.urn) ?? [];
        kids.forEach((kid, index) => walk(kid, root ? "" : `${prefix}${last ? "   " : "│  "}`, index === kids.length - 1, false));
    };
    for (const root of children.get(null) ?? []) {
        walk(root, "", true, true);
    }
    const typeWidth = Math.max(4, ...rows.map(([type]) => type.length));
    const nameWidth = Math.max(4, ...rows.map(([, name]) => name.length));
    return [
        `     ${"Type".padEnd(typeWidth)}  ${"Name".padEnd(nameWidth)}  Plan`,
        ...rows.map(([type, name, flag]) => ` +   ${type.padEnd(typeWidth)}  ${name.padEnd(nameWidth)}  create${flag ? ` (${flag})` : ""}`),
    ];
}

function output(value: unknown): string {
    if (value === UNKNOWN_TEXT) {
        return "(known after deployment)";
    }
    const text = JSON.stringify(value);
    return hasUnknown(value) ? `${text} (parts known after deployment)` : text;
}

function replicationLines(view: NonNullable<PlanDocument["replication"]>): string[] {
    const lines = [`Replication (phase ${view.phase}): replicas on ${view.replicas === "ManagedDisks" ? "managed disks, the standard account holding the logs" : "the storage account"}`];
    for (const policy of view.policies) {
        lines.push(`  policy ${policy.name}: copy every ${policy.copyFrequencySeconds} s, keep ${policy.recoveryPointRetentionHours} h, app-consistent every ${policy.appConsistentFrequencyHours} h`);
    }
    for (const cloud of view.clouds) {
        lines.push(`  cloud ${cloud.name}: policy ${cloud.policy}, recovery plan ${cloud.recoveryPlan ?? "none"}`);
        for (const vm of cloud.vms) {
            const disks = vm.dataDisks === null ? "every disk Site Recovery reports" : `OS disk and ${vm.dataDisks.length} data disk(s)`;
            lines.push(`    ${vm.name} -> ${vm.targetVmName} in ${vm.targetSubnet ?? "(Site Recovery's choice)"}, ${vm.diskType}, ${disks}, boot group ${vm.bootGroup}`);
        }
    }
    if (view.nextSteps.length > 0) {
        lines.push("  Before phase 2:", ...view.nextSteps.map((step, index) => `    ${index + 1}. ${step}`));
    }
    return lines;
}

/** The plan for people: like `pulumi preview`, then the policy findings, the outputs and what to do next. */
export function renderText(document: PlanDocument): string {
    const { summary } = document;
    const lines = [`Plan for ${document.project}/${document.stack} (offline preview: no Azure, no Pulumi CLI)`, "", ...tree(document), ""];
    lines.push(
        `Resources: ${summary.azureResources} Azure resources to create (${summary.protected} protected), with ${summary.components} components including the stack`,
        "",
    );
    lines.push("Policies (asr-hyperv-prerequisites):");
    for (const level of ["mandatory", "advisory"] as const) {
        const found = document.violations.filter((violation) => violation.enforcementLevel === level);
        lines.push(`  ${level}: ${found.length === 0 ? "none" : found.length}`);
        for (const violation of found) {
            const resource = document.resources.find((r) => r.urn === violation.urn);
            lines.push(`    [${labelsOf(violation.policyName).join(" ")}]${resource ? ` ${resource.type} ${resource.name}` : " stack"}`);
            lines.push(`      ${violation.message}`);
        }
    }
    for (const remediation of summary.remediations) {
        lines.push(`  remediated: ${remediation.policyName} set ${remediation.changed.join(", ")} on ${remediation.urn}`);
    }
    if (document.replication !== null) {
        lines.push("", ...replicationLines(document.replication));
    }
    if (document.removals.length > 0) {
        lines.push("", "Purged by pulumi up (in the deployed stack, no longer configured):", ...document.removals.map((removal) => `  ${removal.message}`));
    }
    if (document.readiness.length > 0) {
        lines.push("", readinessTable(document.readiness));
    }
    if (document.notes.length > 0) {
        lines.push("", "Notes:", ...document.notes.map((note) => `  ${note}`));
    }
    lines.push("", "Outputs:");
    const outputs = Object.entries(document.outputs);
    lines.push(...(outputs.length === 0 ? ["  (none)"] : outputs.map(([key, value]) => `  ${key}: ${output(value)}`)));
    lines.push("", "Next:");
    if (summary.mandatoryViolations > 0) {
        lines.push(
            "  Fix the mandatory violations above: each names its resource and the fact that requires it",
            `  (policies/rules/facts.ts gives each fact's source). Then plan again: \`pulumi up --policy-pack ${document.policyPack}\``,
            "  would refuse this stack.",
        );
    } else {
        lines.push(
            "  az login && pulumi login",
            `  pulumi stack select ${document.stack} --create`,
            `  pulumi preview --policy-pack ${document.policyPack}`,
            `  pulumi up --policy-pack ${document.policyPack}`,
            ...(document.replication?.phase === 1
                ? ["  Then follow \"Before phase 2\" above; README.md, \"Deploying to Azure\", gives each step."]
                : ["  Protection then runs as Site Recovery jobs: initial replication, then a test failover of each recovery plan (README.md)."]),
        );
    }
    return `${lines.join("\n")}\n`;
}
