import { describe, expect, it } from 'vitest';
import { describeCommitment } from '../../../src/lib/site/describe-commitment.ts';

describe('describeCommitment', () => {
  it.each([
    [{ commitment_kind: 'engagement-moral', commitment_source: 'Article' }, { kind: 'Engagement moral', date: 'Non connue : la source ne la précise pas', source: 'Article', sourceUrl: undefined }],
    [
      { commitment_kind: 'charte-signee', committed_on: '2025-06-02', commitment_source: 'Charte', commitment_source_url: 'https://example.org/charte.pdf' },
      { kind: 'Charte signée', date: '2 juin 2025', source: 'Charte', sourceUrl: 'https://example.org/charte.pdf' },
    ],
  ] as const)('%j → %j', (buyer, expected) => {
    expect(describeCommitment(buyer)).toEqual(expected);
  });
});
