import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/index.ts';
import { expectError, expectOk } from './helpers.ts';

const rule = 'levy-due';
const base = { totalStaff: 400, disabledCounted: 4, averageWage: 80000, socialAverageWage: 90000, year: 2024 };
const levy = (inputs: Record<string, unknown>) => expectOk(evaluate(rule, { ...base, ...inputs }));

describe('levy-due (helper for m2-levy)', () => {
  it('a unit at exactly 1 % pays 50 % of the shortfall times the average wage', () => {
    const r = levy({});
    expect(r.result).toEqual({ amount: '80000.00', shortfallPersons: '2', wageBase: '80000.00', reductionRate: '0.5', exempt: false });
    expect(r.steps.map((s) => s.en)).toEqual([
      '1.5% × 400 = 6',
      '6 − 4 = 2 persons (not rounded)',
      'The average wage 80000.00 is within 2 × the social average (180000.00): used as it is',
      '2 × 80000.00 = 160000.00',
      '4 ≥ 1% × 400 = 4: in 2024 50% of the levy is payable',
      '160000.00 × 0.5 = 80000.00 (rounded to 0.01)',
    ]);
    expect(r.hints.map((h) => h.en)).toEqual(['2 more counted disabled employees would remove the levy']);
    expect(r.clause.id).toBe('m2');
    expect(r.clause.text).toContain('残疾人就业保障金');
    expect(r.sources).toContain('财税〔2015〕72号');
    expect(r.warnings).toEqual([]);
  });

  it('just below 1 % pays 90 %, with a hint how many more reach 1 %', () => {
    const r = levy({ disabledCounted: '3.99' });
    expect(r.result.reductionRate).toBe('0.9');
    expect(r.result.shortfallPersons).toBe('2.01');
    expect(r.result.amount).toBe('144720.00'); // 2.01 × 80000 × 0.9
    expect(r.hints.map((h) => h.en)).toEqual([
      '0.01 more counted disabled employees (reaching 1%) would cut the share payable to 50%',
      '2.01 more counted disabled employees would remove the levy',
    ]);
  });

  it('exactly 1.5 % owes nothing', () => {
    const r = levy({ disabledCounted: 6 });
    expect(r.result).toEqual({ amount: '0.00', shortfallPersons: '0', wageBase: '80000.00', reductionRate: '1', exempt: false });
    expect(r.hints).toEqual([]);
    expect(levy({ disabledCounted: '5.99' }).result.amount).toBe('400.00'); // 0.01 × 80000 × 0.5
  });

  it('keeps the shortfall exact: 1.5 % of 1100 is 16.5, not 16.499999…', () => {
    const r = levy({ totalStaff: 1100, disabledCounted: 10, averageWage: 60000 });
    expect(r.result.shortfallPersons).toBe('6.5');
    expect(r.result.amount).toBe('351000.00'); // 6.5 × 60000 × 0.9
  });

  it('rounds once, at the end', () => {
    // 200 staff, 1.5 counted: shortfall 1.5, below 1 % → 90 %; 1.5 × 666.67 = 1000.005; × 0.9 = 900.0045 → 900.00
    // (rounding the base first would give 1000.01 × 0.9 = 900.009 → 900.01)
    const r = levy({ totalStaff: 200, disabledCounted: '1.5', averageWage: '666.67' });
    expect(r.result.amount).toBe('900.00');
    expect(r.steps.map((s) => s.en)).toContain('1.5 × 666.67 = 1000.005 (kept exact; rounded only at the end)');
    expect(r.steps.at(-1)!.en).toBe('1000.005 × 0.9 = 900.00 (rounded to 0.01)');
  });

  it('caps the wage at 2 × the social average from 2018, not before; warns when it cannot check', () => {
    const capped = levy({ averageWage: 200000 });
    expect(capped.result.wageBase).toBe('180000.00');
    expect(capped.result.amount).toBe('180000.00'); // 2 × 180000 × 0.5
    expect(levy({ averageWage: 180000 }).result.wageBase).toBe('180000.00');
    expect(levy({ averageWage: 200000, year: 2018 }).result.wageBase).toBe('180000.00');
    const before = levy({ averageWage: 200000, year: 2017 });
    expect(before.result.wageBase).toBe('200000.00');
    expect(before.result.amount).toBe('400000.00'); // no reduction before 2020
    const unchecked = expectOk(evaluate(rule, { ...base, socialAverageWage: undefined, averageWage: 200000 }));
    expect(unchecked.result.wageBase).toBe('200000.00');
    expect(unchecked.warnings.map((w) => w.en)).toEqual(['No socialAverageWage given: the 2 × social-average-wage cap was not checked']);
  });

  it('exempts enterprises of 30 staff or fewer in 2020–2027, not 31, not other units', () => {
    const thirty = levy({ totalStaff: 30, disabledCounted: 0, averageWage: 60000 });
    expect(thirty.result).toEqual({ amount: '0.00', shortfallPersons: '0.45', wageBase: '60000.00', reductionRate: '0', exempt: true });
    const thirtyOne = levy({ totalStaff: 31, disabledCounted: 0, averageWage: 60000 });
    expect(thirtyOne.result).toEqual({ amount: '25110.00', shortfallPersons: '0.465', wageBase: '60000.00', reductionRate: '0.9', exempt: false });
    const agency = levy({ totalStaff: 30, disabledCounted: 0, averageWage: 60000, unitKind: '事业单位' });
    expect(agency.result.exempt).toBe(false);
    expect(agency.result.amount).toBe('24300.00'); // 0.45 × 60000 × 0.9
    expect(agency.steps.some((s) => s.en.includes('the exemption is for enterprises only'))).toBe(true);
  });

  it('2019 has no reduction and no exemption; 2020 has both', () => {
    const y2019 = levy({ year: 2019 });
    expect(y2019.result.reductionRate).toBe('1');
    expect(y2019.result.amount).toBe('160000.00');
    expect(levy({ year: 2019, totalStaff: 30, disabledCounted: 0, averageWage: 60000 }).result.amount).toBe('27000.00');
    expect(levy({ year: 2020 }).result.reductionRate).toBe('0.5');
    expect(levy({ year: 2020, totalStaff: 30, disabledCounted: 0 }).result.exempt).toBe(true);
  });

  it('2027 still has the reductions; 2028 uses the base formula with a warning', () => {
    expect(levy({ year: 2027 }).result.amount).toBe('80000.00');
    expect(levy({ year: 2027 }).warnings).toEqual([]);
    const y2028 = levy({ year: 2028 });
    expect(y2028.result.reductionRate).toBe('1');
    expect(y2028.result.amount).toBe('160000.00');
    expect(y2028.warnings[0].en).toContain('end 2027-12-31');
    expect(levy({ year: 2028, totalStaff: 30, disabledCounted: 0 }).result.exempt).toBe(false);
  });

  it('has no rule before 2016', () => {
    expectError(evaluate(rule, { ...base, year: 2015 }), 'no-levy-rule-for-year', 'year');
    expect(levy({ year: 2016 }).result.amount).toBe('160000.00');
  });

  it('refuses bad input with a code and the field', () => {
    expectError(evaluate(rule, { ...base, totalStaff: 0 }), 'out-of-range', 'totalStaff');
    expectError(evaluate(rule, { ...base, totalStaff: 12.5 }), 'not-an-integer', 'totalStaff');
    expectError(evaluate(rule, { ...base, disabledCounted: -1 }), 'out-of-range', 'disabledCounted');
    expectError(evaluate(rule, { ...base, disabledCounted: 801 }), 'inconsistent-input', 'disabledCounted');
    expectError(evaluate(rule, { ...base, averageWage: 0 }), 'out-of-range', 'averageWage');
    expectError(evaluate(rule, { ...base, socialAverageWage: 'abc' }), 'invalid-number', 'socialAverageWage');
    expectError(evaluate(rule, { ...base, year: undefined }), 'missing-input', 'year');
    expectError(evaluate(rule, { ...base, year: 2024.5 }), 'not-an-integer', 'year');
    expectError(evaluate(rule, { ...base, unitKind: 'company' }), 'invalid-choice', 'unitKind');
  });
});
