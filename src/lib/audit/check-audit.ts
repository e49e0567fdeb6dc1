/**
 * Decides whether `npm audit --json` passes CI: no high or critical advisory
 * unless it is listed in `audit-exceptions.json` with a reason and a date by
 * which it must be reviewed again. Pure: the caller runs npm and reads the file.
 * Report format: npm 7+ `npm audit --json` (`vulnerabilities` keyed by package,
 * each with `severity` and `via`, https://docs.npmjs.com/cli/commands/npm-audit).
 */

/** Severities that fail CI (`npm audit --audit-level=high`). */
const BLOCKING = new Set(['high', 'critical']);

/** One accepted advisory. */
export interface AuditException {
  /** Package name as npm audit reports it. */
  readonly package: string;
  /** Advisory URL (`https://github.com/advisories/GHSA-…`). */
  readonly advisory: string;
  /** Why it does not affect this project, or why it cannot be fixed yet. */
  readonly reason: string;
  /** Calendar date `YYYY-MM-DD` after which the exception no longer counts. */
  readonly reviewBy: string;
}

interface AuditAdvisory {
  readonly name?: string;
  readonly url?: string;
  readonly title?: string;
  readonly severity?: string;
}

/** The part of `npm audit --json` read here. */
export interface AuditReport {
  readonly vulnerabilities?: Readonly<Record<string, { readonly severity: string; readonly via: readonly (string | AuditAdvisory)[] }>>;
  /** Set when npm could not reach the audit service. */
  readonly error?: { readonly summary?: string; readonly detail?: string };
  readonly message?: string;
}

/** The verdict. */
export type AuditVerdict =
  | { readonly kind: 'unavailable'; readonly message: string }
  | { readonly kind: 'checked'; readonly failures: readonly string[]; readonly accepted: readonly string[]; readonly expired: readonly string[] };

/**
 * Check a report against the exceptions.
 * @param today `YYYY-MM-DD` (Europe/Paris calendar date of the run)
 * @returns `unavailable` when npm produced no audit (the audit service did not
 * answer: CI fails, a check that cannot run is not a pass); otherwise one line
 * per blocking advisory not excepted (`failures`), per excepted one (`accepted`),
 * and per exception past its review date (`expired`, counted as failures too)
 */
export function checkAudit(report: AuditReport, exceptions: readonly AuditException[], today: string): AuditVerdict {
  if (report.vulnerabilities === undefined) {
    return { kind: 'unavailable', message: report.error?.summary || report.message || 'npm audit returned no report.' };
  }
  const failures: string[] = [];
  const accepted: string[] = [];
  const expired: string[] = [];
  for (const [name, vulnerability] of Object.entries(report.vulnerabilities)) {
    // Only the package that carries the advisory counts: its dependants list it by name in `via`.
    for (const advisory of vulnerability.via.filter((via): via is AuditAdvisory => typeof via === 'object')) {
      if (!BLOCKING.has(advisory.severity ?? vulnerability.severity)) continue;
      const line = `${name}: ${advisory.severity} — ${advisory.title ?? 'advisory'} (${advisory.url ?? 'no URL'})`;
      const exception = exceptions.find((entry) => entry.package === name && entry.advisory === advisory.url);
      if (!exception) failures.push(line);
      else if (exception.reviewBy < today) expired.push(`${line}: exception to review since ${exception.reviewBy}`);
      else accepted.push(`${line}: ${exception.reason}`);
    }
  }
  return { kind: 'checked', failures, accepted, expired };
}
