/**
 * `npm run audit`: `npm audit --audit-level=high` for CI, with justified
 * exceptions read from `audit-exceptions.json` (rules in
 * `src/lib/audit/check-audit.ts`). Prints each advisory and how long the audit
 * took. Exit codes: 0 clean, 1 a blocking advisory, an expired exception, or
 * no audit (the audit service did not answer). With `--allow-unavailable`, no
 * audit is a loud warning and exit 0: CI uses it because the registry mirror of
 * its machine answers 405 to the audit endpoint; advisories, when the service
 * answers, still fail.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { toParisCalendarDate } from '../src/lib/format/calendar-date.ts';
import { checkAudit, type AuditException, type AuditReport } from '../src/lib/audit/check-audit.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Run npm audit; it exits non-zero when it finds anything, so its output is read whatever the code. */
function runNpmAudit(): Promise<string> {
  return new Promise((done) => {
    execFile('npm', ['audit', '--json', '--audit-level=high'], { cwd: PROJECT_ROOT, maxBuffer: 64 * 1024 * 1024 }, (_error, stdout) => done(stdout));
  });
}

const started = performance.now();
const output = await runNpmAudit();
const seconds = ((performance.now() - started) / 1_000).toFixed(1);
const exceptions = JSON.parse(await readFile(new URL('../audit-exceptions.json', import.meta.url), 'utf8')) as AuditException[];
let report: AuditReport;
try {
  report = JSON.parse(output) as AuditReport;
} catch {
  report = { message: `npm audit printed no JSON: ${output.slice(0, 200)}` };
}
const verdict = checkAudit(report, exceptions, toParisCalendarDate(new Date()));
if (verdict.kind === 'unavailable') {
  const allowed = process.argv.includes('--allow-unavailable');
  process.stderr.write(`${allowed ? 'WARNING: ' : ''}npm audit could not run (${seconds} s): ${verdict.message}\n`);
  process.exitCode = allowed ? 0 : 1;
} else {
  for (const line of verdict.accepted) process.stdout.write(`accepted: ${line}\n`);
  for (const line of [...verdict.failures, ...verdict.expired]) process.stderr.write(`blocking: ${line}\n`);
  const blocking = verdict.failures.length + verdict.expired.length;
  process.stdout.write(`npm audit: ${blocking} blocking, ${verdict.accepted.length} accepted, in ${seconds} s\n`);
  process.exitCode = blocking > 0 ? 1 : 0;
}
