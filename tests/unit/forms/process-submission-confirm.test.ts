/**
 * The confirmation step of `processSubmission` (issue 10: a token handed back
 * with a « confirm » answer still respects the fill time): a missing or expired
 * token gets a fresh one and the whole wait; a token sent too soon comes back
 * as it is, with the wait left, which shrinks at each try. Nothing reaches the
 * database on this path (the stand-in throws if it is called).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_TOKEN_TIMING, issueFormToken, verifyFormToken } from '../../../src/lib/forms/form-token.ts';
import { processSubmission, TOKEN_FIELD, type FormDefinition, type SubmissionDependencies, type SubmissionOutcome } from '../../../src/lib/forms/process-submission.ts';
import { readFormsConfig } from '../../../src/lib/forms/read-forms-config.ts';
import type { Queryable } from '../../../src/lib/forms/store/database.ts';

const FORM = 'candidature';
const SHOWN_AT = Date.UTC(2026, 11, 3, 9, 0, 0);
const config = readFormsConfig({}, 'dev', process.cwd());
const definition: FormDefinition<{ nom: string }> = {
  name: FORM,
  schema: z.object({ nom: z.string().min(1) }),
  recipients: () => [],
  submitterEmail: () => 'jeanne@exemple.fr',
};

function dependenciesAt(now: number): SubmissionDependencies {
  const refuse = () => Promise.reject(new Error('the confirmation step must not reach the database'));
  return {
    database: { query: refuse } as unknown as Queryable,
    config,
    deliver: refuse,
    clientKey: 'client',
    verifyTurnstile: refuse,
    now: () => new Date(now),
    log: () => undefined,
  };
}

function submitAt(now: number, token?: string): Promise<SubmissionOutcome> {
  return processSubmission(definition, { nom: 'Jeanne', ...(token === undefined ? {} : { [TOKEN_FIELD]: token }) }, dependenciesAt(now));
}

describe('processSubmission: the confirmation step', () => {
  it('without a token: a fresh token, issued now, and the whole fill time to wait', async () => {
    const outcome = await submitAt(SHOWN_AT);
    expect(outcome).toMatchObject({ kind: 'confirm', step: 'first', waitSeconds: DEFAULT_TOKEN_TIMING.minFillMs / 1_000 });
    const token = outcome.kind === 'confirm' ? outcome.token : '';
    expect(await verifyFormToken(token, config.signingSecret, FORM, SHOWN_AT + DEFAULT_TOKEN_TIMING.minFillMs - 1)).toEqual({ ok: false, reason: 'too-fast' });
    expect((await verifyFormToken(token, config.signingSecret, FORM, SHOWN_AT + DEFAULT_TOKEN_TIMING.minFillMs)).ok).toBe(true);
  });

  it('an expired token: a fresh one and the whole wait', async () => {
    const old = await issueFormToken(config.signingSecret, FORM, SHOWN_AT - DEFAULT_TOKEN_TIMING.maxAgeMs - 1);
    const outcome = await submitAt(SHOWN_AT, old);
    expect(outcome).toMatchObject({ kind: 'confirm', step: 'first', waitSeconds: 3 });
    expect(outcome.kind === 'confirm' && outcome.token).not.toBe(old);
  });

  it('confirmed too soon, again and again: the same token back, the wait left shrinking (3, 2, 1 s), then accepted past the fill time', async () => {
    const first = await submitAt(SHOWN_AT);
    const token = first.kind === 'confirm' ? first.token : '';
    const tries = await Promise.all([1, 1_200, 2_500].map((elapsed) => submitAt(SHOWN_AT + elapsed, token)));
    expect(tries).toEqual([
      { kind: 'confirm', step: 'too-soon', token, waitSeconds: 3 },
      { kind: 'confirm', step: 'too-soon', token, waitSeconds: 2 },
      { kind: 'confirm', step: 'too-soon', token, waitSeconds: 1 },
    ]);
    // Past the fill time the token passes the check and the submission goes on to the store (here, the refusing stand-in).
    expect(await submitAt(SHOWN_AT + DEFAULT_TOKEN_TIMING.minFillMs, token)).toEqual({ kind: 'unavailable' });
  });
});
