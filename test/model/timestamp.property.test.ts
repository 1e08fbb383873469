import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRealTimestamp, UTC_TIMESTAMP_PATTERN } from '../../src/model/rules.js';

// Property: the timestamp check reads the date and time from the string without building a Date;
// it must answer as the check it replaced: parse with `new Date(s)` and compare the date back.

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 10_000);

const byDate = (s: string) => {
  const date = new Date(s);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === s.slice(0, 10);
};

const digits = (n: number, max: number) => fc.integer({ min: 0, max }).map((x) => String(x).padStart(n, '0'));

/** Timestamps of the pattern, with every field ranging past its bounds (month 13, day 31 of February, hour 24, …). */
const timestamp = fc
  .tuple(
    fc.oneof(digits(4, 9999), fc.constantFrom('0000', '1900', '2000', '2024', '2100', '2400')),
    digits(2, 13),
    digits(2, 32),
    digits(2, 25),
    digits(2, 61),
    digits(2, 61),
    fc.constantFrom('', '.0', '.5', '.000', '.999'),
  )
  .map(([y, mo, d, h, mi, s, frac]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${frac}Z`);

describe('isRealTimestamp', () => {
  it('answers as new Date(s) compared back, for every string of the pattern', () => {
    fc.assert(
      fc.property(timestamp, (s) => {
        expect(UTC_TIMESTAMP_PATTERN.test(s)).toBe(true);
        expect(isRealTimestamp(s)).toBe(byDate(s));
      }),
      { numRuns: RUNS },
    );
  });

  it('knows leap days and the ends of months', () => {
    const cases = [
      '2024-02-29T00:00:00Z',
      '2023-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2000-02-29T00:00:00Z',
      '2022-04-31T00:00:00Z',
      '2022-12-31T23:59:59.999Z',
      '2022-07-20T24:00:00Z',
      '2022-00-10T10:00:00Z',
      '2022-07-00T10:00:00Z',
    ];
    expect(cases.map(isRealTimestamp)).toEqual([true, false, false, true, false, true, false, false, false]);
    expect(cases.map(isRealTimestamp)).toEqual(cases.map(byDate));
  });
});
