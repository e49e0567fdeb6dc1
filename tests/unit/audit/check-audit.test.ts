import { describe, expect, it } from 'vitest';
import { checkAudit, type AuditReport } from '../../../src/lib/audit/check-audit.ts';

/** The shape `npm audit --json` prints (npm 7+): an advisory on `brace-expansion`, reached through `minimatch`. */
const REPORT: AuditReport = {
  vulnerabilities: {
    'brace-expansion': {
      severity: 'high',
      via: [{ name: 'brace-expansion', url: 'https://github.com/advisories/GHSA-aaaa', title: 'ReDoS', severity: 'high' }],
    },
    minimatch: { severity: 'high', via: ['brace-expansion'] },
    cookie: { severity: 'low', via: [{ name: 'cookie', url: 'https://github.com/advisories/GHSA-bbbb', title: 'Out of bounds characters', severity: 'low' }] },
    tar: { severity: 'critical', via: [{ name: 'tar', url: 'https://github.com/advisories/GHSA-cccc', title: 'Path traversal', severity: 'critical' }] },
  },
};

const EXCEPTION = { package: 'brace-expansion', advisory: 'https://github.com/advisories/GHSA-aaaa', reason: 'only reached by build tools on trusted input', reviewBy: '2027-01-31' };

describe('checkAudit', () => {
  it('fails on each high or critical advisory, once, at the package that carries it; low ones pass', () => {
    expect(checkAudit(REPORT, [], '2026-12-01')).toEqual({
      kind: 'checked',
      failures: ['brace-expansion: high — ReDoS (https://github.com/advisories/GHSA-aaaa)', 'tar: critical — Path traversal (https://github.com/advisories/GHSA-cccc)'],
      accepted: [],
      expired: [],
    });
  });

  it('an exception with its reason accepts that advisory until its review date, then counts as blocking', () => {
    expect(checkAudit(REPORT, [EXCEPTION], '2027-01-31')).toMatchObject({
      failures: ['tar: critical — Path traversal (https://github.com/advisories/GHSA-cccc)'],
      accepted: ['brace-expansion: high — ReDoS (https://github.com/advisories/GHSA-aaaa): only reached by build tools on trusted input'],
      expired: [],
    });
    expect(checkAudit(REPORT, [EXCEPTION], '2027-02-01')).toMatchObject({
      accepted: [],
      expired: ['brace-expansion: high — ReDoS (https://github.com/advisories/GHSA-aaaa): exception to review since 2027-01-31'],
    });
  });

  it('an exception for another advisory of the same package does not apply', () => {
    expect(checkAudit(REPORT, [{ ...EXCEPTION, advisory: 'https://github.com/advisories/GHSA-zzzz' }], '2026-12-01')).toMatchObject({ accepted: [] });
  });

  it('a clean tree passes', () => {
    expect(checkAudit({ vulnerabilities: {} }, [], '2026-12-01')).toEqual({ kind: 'checked', failures: [], accepted: [], expired: [] });
  });

  it('no report (the audit service did not answer) is not a pass', () => {
    const report = { message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', error: { summary: '', detail: '' } };
    expect(checkAudit(report, [], '2026-12-01')).toEqual({ kind: 'unavailable', message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk' });
  });
});
