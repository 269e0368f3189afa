import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/index.ts';
import { addDays } from '../../rules/core/dates.ts';
import { retirementOf } from '../../rules/helpers/retirement-date/rule.ts';
import { expectError, expectOk } from './helpers.ts';

const rule = 'public-post-end-date';
const end = (startDate: string, birthDate: string, retirementCategory = 'male', extra: Record<string, unknown> = {}) =>
  expectOk(evaluate(rule, { startDate, birthDate, retirementCategory, ...extra }));

// Men born 1968-01 retire at 60 years 10 months: born 1968-01-15 → 2028-11-15.
const BORN_1968 = '1968-01-15';

describe('public-post-end-date (m1.2)', () => {
  it('ends three years less a day after the start for someone far from retirement', () => {
    const r = end('2024-03-01', '1990-05-05');
    expect(r.result).toEqual({ endDate: '2027-02-28', extendedToRetirement: false, retirementDate: '2053-05-05' });
    expect(r.clause.id).toBe('m1.2');
    expect(r.steps[0].en).toBe(
      'At most 3 years: 3 years from 2024-03-01 end on 2027-02-28 (Civil Code, 民法典 第二百零二条: the corresponding day of the last month, or its last day where there is none)',
    );
    expect(r.steps[0].zh).toContain('《民法典》第二百零二条');
    expect(r.steps.at(-1)!.en).toContain('no extension, the subsidy ends 2027-02-28');
    expect(r.warnings).toEqual([]);
  });

  it('exactly three years: 2024-01-01 to 2026-12-31', () => {
    expect(end('2024-01-01', '1990-05-05').result.endDate).toBe('2026-12-31');
  });

  it('exactly 5 years to retirement is not "less than 5 years": no extension', () => {
    const r = end('2023-11-15', BORN_1968);
    expect(r.result).toEqual({ endDate: '2026-11-14', extendedToRetirement: false, retirementDate: '2028-11-15' });
    expect(r.interpretations.map((i) => i.id)).not.toContain('retirement-last-day');
  });

  it('one day less than 5 years: extended to the day before retirement', () => {
    const r = end('2023-11-16', BORN_1968);
    expect(r.result).toEqual({ endDate: '2028-11-14', extendedToRetirement: true, retirementDate: '2028-11-15' });
    expect(r.interpretations.map((i) => i.id)).toContain('retirement-last-day');
    expect(r.steps.some((s) => s.en.includes('less than 5 years away'))).toBe(true);
    // the retirement steps are part of the explanation
    expect(r.steps.some((s) => s.en.startsWith('Retirement age 60 years 10 months'))).toBe(true);
  });

  it('retirement exactly at the end of the 3 years: the same last day, not an extension', () => {
    // Men born 1966-05 retire at 60 years 5 months: 1966-05-20 → 2026-10-20.
    const r = end('2023-10-20', '1966-05-20');
    expect(r.result).toEqual({ endDate: '2026-10-19', extendedToRetirement: false, retirementDate: '2026-10-20' });
    expect(r.steps.some((s) => s.en.includes('nothing to extend'))).toBe(true);
  });

  it('someone who retires within the 3 years stops the day before retirement', () => {
    // Men born 1964-06 are not delayed: 1964-06-10 → 2024-06-10.
    const r = end('2023-06-01', '1964-06-10');
    expect(r.result).toEqual({ endDate: '2024-06-09', extendedToRetirement: false, retirementDate: '2024-06-10' });
    expect(r.steps.some((s) => s.en.includes('the subsidy stops the day before, 2024-06-09 (not an extension)'))).toBe(true);
    expect(r.interpretations.map((i) => i.id)).toContain('retirement-last-day');
  });

  it('uses the female categories', () => {
    // Women formerly 50, born 1975-06: k = 5, delay 3 → 50 years 3 months: 2025-09-01.
    const r = end('2023-05-01', '1975-06-01', 'female-50');
    expect(r.result).toEqual({ endDate: '2025-08-31', extendedToRetirement: false, retirementDate: '2025-09-01' });
    const f55 = end('2024-01-01', '1972-01-01', 'female-55');
    // k = 24, delay 7 → 55 years 7 months: 2027-08-01; less than 5 years from 2024-01-01 → extended
    expect(f55.result).toEqual({ endDate: '2027-07-31', extendedToRetirement: true, retirementDate: '2027-08-01' });
  });

  it('a start on 29 February ends on 28 February three years on, the month’s last day (民法典 第二百零二条)', () => {
    const r = end('2024-02-29', '1990-05-05');
    expect(r.result.endDate).toBe('2027-02-28');
    expect(r.interpretations.map((i) => i.id)).toContain('period-end');
    const basis = r.interpretations.find((i) => i.id === 'period-end')!.basis?.zh;
    expect(basis).toContain('第二百零二条');
    // the days around it: the 28th and 1 March start give the ordinary day before the anniversary
    expect(end('2024-02-28', '1990-05-05').result.endDate).toBe('2027-02-27');
    expect(end('2024-03-01', '1990-05-05').result.endDate).toBe('2027-02-28');
  });

  it('a start on the 31st ends on the 30th of the corresponding month (its corresponding day exists)', () => {
    expect(end('2023-05-31', '1990-05-05').result.endDate).toBe('2026-05-30');
  });

  it('the 5-year mark is counted the same way: from 2024-02-29, 5 years end on 2029-02-28', () => {
    // Birth dates whose statutory retirement falls on the period's last day and on the day after.
    const bornFor = (retirement: string) => {
      for (const category of ['male', 'female-55', 'female-50'] as const) {
        for (let day = 0; day < 366 * 70; day++) {
          const birth = addDays('1960-01-01', day);
          if (retirementOf(birth, category).retirementDate === retirement) return { birth, category };
        }
      }
      throw new Error(`no birth date retires on ${retirement}`);
    };
    const last = bornFor('2029-02-28');
    const after = bornFor('2029-03-01');
    const within = end('2024-02-29', last.birth, last.category);
    expect(within.result).toMatchObject({ endDate: '2029-02-27', extendedToRetirement: true });
    expect(within.steps.some((s) => s.en.includes('5 years from 2024-02-29 end on 2029-02-28'))).toBe(true);
    const exactly = end('2024-02-29', after.birth, after.category);
    expect(exactly.result).toMatchObject({ endDate: '2027-02-28', extendedToRetirement: false });
  });

  it('is bound to the plan validity through the start date', () => {
    expectError(evaluate(rule, { startDate: '2025-03-01', birthDate: '1990-05-05', retirementCategory: 'male' }), 'policy-not-in-force', 'date');
    const anyway = end('2025-03-01', '1990-05-05', 'male', { applyOutsideValidity: true });
    expect(anyway.result.endDate).toBe('2028-02-29');
    expect(anyway.warnings[0].en).toContain('outside the validity');
    const dated = end('2022-01-01', '1990-05-05', 'male', { date: '2024-06-30' });
    expect(dated.result.endDate).toBe('2024-12-31');
  });

  it('refuses bad input with a code and the field', () => {
    expectError(evaluate(rule, { birthDate: '1990-05-05', retirementCategory: 'male' }), 'missing-input', 'startDate');
    expectError(evaluate(rule, { startDate: '2024-01-01', retirementCategory: 'male' }), 'missing-input', 'birthDate');
    expectError(evaluate(rule, { startDate: '2024-01-01', birthDate: '1990-05-05' }), 'missing-input', 'retirementCategory');
    expectError(evaluate(rule, { startDate: '2024-13-01', birthDate: '1990-05-05', retirementCategory: 'male' }), 'invalid-date', 'startDate');
    expectError(evaluate(rule, { startDate: '2024-01-01', birthDate: '2024-01-01', retirementCategory: 'male' }), 'inconsistent-input', 'birthDate');
    // Men born 1963-01-01 retired on 2023-01-01, before the start.
    expectError(evaluate(rule, { startDate: '2023-05-01', birthDate: '1963-01-01', retirementCategory: 'male' }), 'inconsistent-input', 'startDate');
    expectError(evaluate(rule, { startDate: '2024-01-01', birthDate: '1990-05-05', retirementCategory: 'x' }), 'invalid-choice', 'retirementCategory');
  });
});
