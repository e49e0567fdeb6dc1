import { describe, expect, it } from 'vitest';
import { formatReference, REFERENCE_PATTERN } from '../../../src/lib/forms/reference-number.ts';

describe('formatReference', () => {
  it.each([
    [2026, 1, 'PBC-2026-00001'],
    [2026, 42, 'PBC-2026-00042'],
    [2027, 99_999, 'PBC-2027-99999'],
    [2027, 100_000, 'PBC-2027-100000'],
  ])('%d, %d → %s', (year, sequence, reference) => {
    expect(formatReference(year, sequence)).toBe(reference);
    expect(REFERENCE_PATTERN.test(reference)).toBe(true);
  });

  it.each(['PBC-2026-1', 'PBC-26-00001', 'pbc-2026-00001', 'PBC-2026-00001/../x', ' PBC-2026-00001', 'PBC-2026-0000A'])('%j is not a reference', (text) => {
    expect(REFERENCE_PATTERN.test(text)).toBe(false);
  });
});
