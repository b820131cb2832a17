import type { Finding, ReadinessLevel, SubjectKind } from "./check";
import { MATRIX_CHECKED } from "./support-matrix";

/** One finding as the plan's JSON document carries it (`readiness: [...]`). */
export interface ReadinessRow {
    kind: SubjectKind;
    name: string;
    /** The subject's config key. */
    path: string;
    /** The config key to change, for a warning or error; the subject's for a pass. */
    key: string;
    level: ReadinessLevel;
    /** The fact id (P1, V3, ...). */
    fact: string;
    message: string;
}

export function readinessRows(findings: readonly Finding[]): ReadinessRow[] {
    return findings.map((f) => ({ kind: f.subject.kind, name: f.subject.name, path: f.subject.path, key: f.key, level: f.level, fact: f.fact, message: f.message }));
}

/** How many subjects are at each level, a subject counting at its worst finding's. */
export interface ReadinessSummary {
    subjects: number;
    pass: number;
    warning: number;
    error: number;
}

const RANK: Record<ReadinessLevel, number> = { pass: 0, warning: 1, error: 2 };

interface Subject {
    kind: SubjectKind;
    name: string;
    findings: ReadinessRow[];
    worst: ReadinessLevel;
}

/** Rows by subject, in the order the check made them (server, then its clouds, hosts and VMs). */
function bySubject(rows: readonly ReadinessRow[]): Subject[] {
    const subjects = new Map<string, Subject>();
    for (const finding of rows) {
        let subject = subjects.get(finding.path);
        if (subject === undefined) {
            subject = { kind: finding.kind, name: finding.name, findings: [], worst: "pass" };
            subjects.set(finding.path, subject);
        }
        subject.findings.push(finding);
        if (RANK[finding.level] > RANK[subject.worst]) {
            subject.worst = finding.level;
        }
    }
    return [...subjects.values()];
}

export function readinessSummary(rows: readonly ReadinessRow[]): ReadinessSummary {
    const summary: ReadinessSummary = { subjects: 0, pass: 0, warning: 0, error: 0 };
    for (const subject of bySubject(rows)) {
        summary.subjects += 1;
        summary[subject.worst] += 1;
    }
    return summary;
}

const KIND_LABEL: Record<SubjectKind, string> = { server: "server", cloud: "cloud", host: "host", vm: "VM" };
const MAX_NAME = 40;

function cut(text: string, width: number): string {
    return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

/**
 * The readiness table for the plan: one line per subject that meets every fact it was
 * checked against (with those facts), else a line per warning or error with the key to
 * change beneath it, then a line with the facts it does meet.
 */
export function readinessTable(rows: readonly ReadinessRow[]): string {
    const subjects = bySubject(rows);
    const nameWidth = Math.min(MAX_NAME, Math.max(4, ...subjects.map((s) => s.name.length)));
    const kindWidth = 6;
    const levelWidth = 7;
    const indent = " ".repeat(2 + kindWidth + 2 + nameWidth + 2 + levelWidth + 2);
    const line = (kind: string, name: string, level: string, rest: string) =>
        `  ${kind.padEnd(kindWidth)}  ${cut(name, nameWidth).padEnd(nameWidth)}  ${level.padEnd(levelWidth)}  ${rest}`.trimEnd();
    const lines = [`Readiness (on-premises, against the support matrix of ${MATRIX_CHECKED}):`, line("kind", "name", "result", "facts")];
    for (const subject of subjects) {
        const passed = [...new Set(subject.findings.filter((f) => f.level === "pass").map((f) => f.fact))];
        const problems = subject.findings.filter((f) => f.level !== "pass").sort((a, b) => RANK[b.level] - RANK[a.level]);
        let kind = KIND_LABEL[subject.kind];
        let name = subject.name;
        for (const problem of problems) {
            lines.push(line(kind, name, problem.level, `${problem.fact}  ${problem.message}`));
            lines.push(`${indent}${" ".repeat(problem.fact.length + 2)}at ${problem.key}`);
            kind = "";
            name = "";
        }
        if (passed.length > 0) {
            lines.push(line(kind, name, "pass", passed.join(" ")));
        }
    }
    const summary = readinessSummary(rows);
    lines.push(
        `Readiness: ${summary.subjects} subjects: ${summary.pass} pass, ${summary.warning} with warnings (fail later, as each says), ${summary.error} with errors (refused before anything is created)`,
    );
    return lines.join("\n");
}
