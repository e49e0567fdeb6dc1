import { describe, expect, it } from 'vitest';
import { REFERENCE_PATTERN } from '../../../src/lib/forms/reference-number.ts';

describe('REFERENCE_PATTERN', () => {
  it.each(['PBC-2026-00001', 'PBC-2027-99999', 'PBC-2027-100000'])('%j is a reference', (text) => {
    expect(REFERENCE_PATTERN.test(text)).toBe(true);
  });

  it.each(['PBC-2026-1', 'PBC-26-00001', 'pbc-2026-00001', 'PBC-2026-00001/../x', ' PBC-2026-00001', 'PBC-2026-0000A'])('%j is not a reference', (text) => {
    expect(REFERENCE_PATTERN.test(text)).toBe(false);
  });
});
