import { describe, expect, it } from 'vitest';
import { isoDayOf, isoMonthIndexOf, isoYearMonthIndexOf, isoYearOf, parseIsoDate, YEAR_MAX, YEAR_MIN } from '../../rules/core/dates.ts';

/** The parts of a date read as numbers (a batch row compares and moves dates without making text or objects). */
describe('date parts read as numbers', () => {
  it('agree with parseIsoDate on every day of the package’s years, and on texts that are no date', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    // every disagreement is collected and asserted once: some 600,000 dates, each compared, without an expect() apiece
    const disagreements: string[] = [];
    const same = (a: readonly number[], b: readonly number[]) => a.every((x, i) => Object.is(x, b[i]));
    for (let y = YEAR_MIN - 1; y <= YEAR_MAX + 1; y++) {
      for (let m = 0; m <= 13; m++) {
        const month = `${y}-${two(m)}`;
        if (!same([isoYearMonthIndexOf(month)], [m >= 1 && m <= 12 ? y * 12 + m - 1 : NaN])) disagreements.push(month);
        for (let d = 0; d <= 32; d++) {
          const date = `${month}-${two(d)}`;
          const parts = parseIsoDate(date);
          const expected = parts ? [parts.y, parts.y * 12 + parts.m - 1, parts.d] : [NaN, NaN, NaN];
          if (!same([isoYearOf(date), isoMonthIndexOf(date), isoDayOf(date)], expected)) disagreements.push(date);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('refuse a text of another shape', () => {
    for (const text of ['', '2024-1-01', '2024-01-1', '2024/01/01', '２０２４-01-01', '2024-01-01 ', '2024-01']) {
      expect([isoYearOf(text), isoMonthIndexOf(text), isoDayOf(text)]).toEqual([NaN, NaN, NaN]);
    }
    for (const text of ['', '2024-1', '2024/01', '2024-013', '202a-01', '2024-00', '2024-13']) expect(isoYearMonthIndexOf(text)).toBeNaN();
  });
});
