import { afterEach, describe, expect, it } from 'vitest';
import { formatFrenchDate, toParisCalendarDate, yearOf } from '../../../src/lib/format/calendar-date.ts';

const originalTimeZone = process.env['TZ'];
afterEach(() => {
  process.env['TZ'] = originalTimeZone;
});

describe('formatFrenchDate', () => {
  it.each([
    ['2025-03-15', '15 mars 2025'],
    ['2025-03-01', '1er mars 2025'],
    ['2024-02-29', '29 février 2024'],
    ['2018-10-03', '3 octobre 2018'],
    ['2026-12-31', '31 décembre 2026'],
  ])('%s → %s', (date, expected) => {
    expect(formatFrenchDate(date)).toBe(expected);
  });

  // Node reads TZ again whenever it changes, so one process can play several build machines.
  it.each(['UTC', 'Pacific/Auckland', 'America/Los_Angeles', 'Europe/Paris'])('does not depend on the machine time zone (%s)', (timeZone) => {
    process.env['TZ'] = timeZone;
    expect(formatFrenchDate('2025-03-15')).toBe('15 mars 2025');
    expect(toParisCalendarDate(new Date('2025-03-14T23:00:00.000Z'))).toBe('2025-03-15');
    expect(yearOf('2025-01-01')).toBe(2025);
  });
});

describe('toParisCalendarDate', () => {
  it.each([
    ['2025-03-14T23:00:00.000Z', '2025-03-15'], // midnight in Paris, winter time (UTC+1)
    ['2025-07-14T22:00:00.000Z', '2025-07-15'], // midnight in Paris, summer time (UTC+2)
    ['2025-03-15T00:00:00.000Z', '2025-03-15'], // an unquoted YAML date
    ['2025-12-31T22:59:59.000Z', '2025-12-31'],
  ])('%s is %s in Paris', (instant, expected) => {
    expect(toParisCalendarDate(new Date(instant))).toBe(expected);
  });
});
