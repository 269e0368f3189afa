import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/index.ts';
import { expectError, expectOk } from './helpers.ts';

const rule = 'retirement-date';
const retire = (birthDate: string, retirementCategory: string) => expectOk(evaluate(rule, { birthDate, retirementCategory }));
const age = (birthDate: string, retirementCategory: string) => {
  const r = retire(birthDate, retirementCategory).result;
  return [r.ageYears, r.ageMonths, r.delayMonths];
};

describe('retirement-date (helper for m1.2)', () => {
  it('men born 1965-01 retire at 60 years 1 month', () => {
    const r = retire('1965-01-15', 'male');
    expect(r.result).toEqual({ retirementDate: '2025-02-15', ageYears: 60, ageMonths: 1, delayMonths: 1 });
    expect(r.clause.id).toBe('m1.2');
    expect(r.sources[0]).toContain('渐进式延迟法定退休年龄');
    expect(r.steps.map((s) => s.en)).toEqual([
      'male: born 1965-01, 0 months after the first month 1965-01; delay = min(36, floor(0 ÷ 4) + 1) = 1 month',
      'Retirement age 60 years 1 month: 1965-01-15 + 60 years 1 month = 2025-02-15',
    ]);
    expect(r.interpretations).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('men born 1964-12 are not delayed, and the step says the reform does not change the date', () => {
    const r = retire('1964-12-31', 'male');
    expect(r.result).toEqual({ retirementDate: '2024-12-31', ageYears: 60, ageMonths: 0, delayMonths: 0 });
    expect(r.steps[0].en).toContain('before the reform');
    expect(r.steps.at(-1)!.en).toContain('the reform does not change it');
  });

  it('men: one month more every 4 months, capped at 3 years from 1976-09', () => {
    expect(age('1965-04-30', 'male')).toEqual([60, 1, 1]);
    expect(age('1965-05-01', 'male')).toEqual([60, 2, 2]);
    expect(age('1966-01-10', 'male')).toEqual([60, 4, 4]);
    expect(age('1970-01-10', 'male')).toEqual([61, 4, 16]);
    expect(age('1976-08-31', 'male')).toEqual([62, 11, 35]);
    expect(age('1976-09-01', 'male')).toEqual([63, 0, 36]);
    expect(age('1990-06-01', 'male')).toEqual([63, 0, 36]);
    expect(retire('1976-09-10', 'male').result.retirementDate).toBe('2039-09-10');
    expect(retire('1976-08-10', 'male').result.retirementDate).toBe('2039-07-10');
    expect(retire('1976-09-10', 'male').steps[0].en).toContain('(the cap)');
  });

  it('women formerly 55: same steps from 1970-01, capped at 58 from 1981-09', () => {
    expect(age('1969-12-31', 'female-55')).toEqual([55, 0, 0]);
    expect(age('1970-01-01', 'female-55')).toEqual([55, 1, 1]);
    expect(age('1981-08-31', 'female-55')).toEqual([57, 11, 35]);
    expect(age('1981-09-01', 'female-55')).toEqual([58, 0, 36]);
    expect(retire('1970-01-01', '女（原55岁）').result.retirementDate).toBe('2025-02-01');
  });

  it('women formerly 50: one month every 2 months from 1975-01, capped at 55 from 1984-11', () => {
    expect(age('1974-12-31', 'female-50')).toEqual([50, 0, 0]);
    expect(age('1975-01-01', 'female-50')).toEqual([50, 1, 1]);
    expect(age('1975-02-28', 'female-50')).toEqual([50, 1, 1]);
    expect(age('1975-03-01', 'female-50')).toEqual([50, 2, 2]);
    expect(age('1984-10-31', 'female-50')).toEqual([54, 11, 59]);
    expect(age('1984-11-01', 'female-50')).toEqual([55, 0, 60]);
    expect(age('1995-01-01', 'female-50')).toEqual([55, 0, 60]);
    expect(retire('1984-11-15', '女（原50岁）').result.retirementDate).toBe('2039-11-15');
  });

  it("takes the month's last day when the birth day does not exist, and says so", () => {
    const r = retire('1975-01-31', 'female-50');
    expect(r.result.retirementDate).toBe('2025-02-28');
    expect(r.interpretations.map((i) => i.id)).toEqual(['month-end-dates']);
    expect(r.steps.some((s) => s.en.includes('no day 31'))).toBe(true);
    const leap = retire('1964-02-29', 'male');
    expect(leap.result.retirementDate).toBe('2024-02-29');
    expect(leap.interpretations).toEqual([]);
    expect(retire('1967-02-28', 'male').result.retirementDate).toBe('2027-09-28');
  });

  it('accepts the Chinese labels of the categories', () => {
    const r = retire('1970-01-01', '男').result;
    expect([r.ageYears, r.ageMonths]).toEqual([61, 4]);
  });

  it('refuses bad input with a code and the field', () => {
    expectError(evaluate(rule, { retirementCategory: 'male' }), 'missing-input', 'birthDate');
    expectError(evaluate(rule, { birthDate: '1965-01-01' }), 'missing-input', 'retirementCategory');
    expectError(evaluate(rule, { birthDate: '1965-02-30', retirementCategory: 'male' }), 'invalid-date', 'birthDate');
    expectError(evaluate(rule, { birthDate: '1965/02/01', retirementCategory: 'male' }), 'invalid-date', 'birthDate');
    expectError(evaluate(rule, { birthDate: '1965-02-01', retirementCategory: 'female' }), 'invalid-choice', 'retirementCategory');
    expectError(evaluate(rule, { birthDate: '2190-02-01', retirementCategory: 'male' }), 'out-of-range', 'birthDate');
  });
});
