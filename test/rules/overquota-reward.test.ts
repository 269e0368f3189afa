import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/index.ts';
import { expectError, expectOk } from './helpers.ts';

const rule = 'overquota-reward';

describe('overquota-reward (m3.2)', () => {
  it('gives the worked example: 400 staff, 9 counted, 1980 → 3 persons, 29700.00', () => {
    const r = expectOk(evaluate(rule, { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, date: '2024-06-30' }));
    expect(r.result).toEqual({ amount: '29700.00', excessPersons: 3, quotaPersons: '6', monthlyMinWage: '1980.00' });
    expect(r.steps.map((s) => s.en)).toEqual([
      '1.5% × 400 = 6',
      '9 − 6 = 3; 3 whole persons above the quota',
      'Monthly minimum wage (given): 1980.00 yuan',
      '3 × 5 × 1980.00 = 29700.00',
    ]);
    expect(r.clause.id).toBe('m3.2');
    expect(r.interpretations.map((i) => i.id)).toContain('overquota-whole-persons');
    expect(r.warnings).toEqual([]);
  });

  it('exactly 1.5 % is not "above" the quota: 0 reward', () => {
    const r = expectOk(evaluate(rule, { totalStaff: 400, disabledCounted: 6, monthlyMinWage: 1980, date: '2024-06-30' }));
    expect(r.result.amount).toBe('0.00');
    expect(r.result.excessPersons).toBe(0);
    expect(r.hints[0].en).toMatch(/^1 more counted/);
  });

  it('counts whole persons only: 7.99 counted over a quota of 6 is 1 person', () => {
    const r = expectOk(evaluate(rule, { totalStaff: 400, disabledCounted: '7.99', monthlyMinWage: 1980, date: '2024-06-30' }));
    expect(r.result.excessPersons).toBe(1);
    expect(r.result.amount).toBe('9900.00');
    expect(r.hints[0].en).toMatch(/^0\.01 more counted/);
  });

  it('uses exact decimals where floats fail: 1.5 % of 1100 is exactly 16.5', () => {
    // 1100 * 0.015 in binary floating point is 16.499999999999996
    const r = expectOk(evaluate(rule, { totalStaff: 1100, disabledCounted: '17.5', monthlyMinWage: 1980, date: '2024-06-30' }));
    expect(r.result.quotaPersons).toBe('16.5');
    expect(r.result.excessPersons).toBe(1);
  });

  it('looks the wage up by district and date, across the 2024-12-01 change', () => {
    const before = expectOk(evaluate(rule, { totalStaff: 400, disabledCounted: 9, district: '昆区', date: '2024-11-30' }));
    const after = expectOk(evaluate(rule, { totalStaff: 400, disabledCounted: 9, district: 'Kundulun', date: '2024-12-01' }));
    expect(before.result.amount).toBe('29700.00');
    expect(after.result.amount).toBe('34050.00');
    expect(after.interpretations.map((i) => i.id)).toContain('min-wage-date');
    const banner = expectOk(evaluate(rule, { totalStaff: 400, disabledCounted: 9, district: '达茂旗', date: '2024-06-01' }));
    expect(banner.result.monthlyMinWage).toBe('1910.00');
  });

  it('excludes fiscal-funded units and centralized-employment institutions with the reason', () => {
    const r = expectOk(evaluate(rule, { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, unitKind: '财政拨款的单位', date: '2024-06-30' }));
    expect(r.result.amount).toBe('0.00');
    expect(r.steps.some((s) => s.en.includes('excluded'))).toBe(true);
  });

  it('exclusions first: an excluded unit gets 0 with the reason even with no wage, or a wage no table has', () => {
    for (const unitKind of ['fiscal-funded', 'centralized-employment', '集中安排']) {
      for (const wage of [{}, { district: '稀土高新区', date: '2024-06-30' }, { district: '昆区' }]) {
        const r = expectOk(evaluate(rule, { totalStaff: 400, disabledCounted: 9, unitKind, ...wage }));
        expect(r.result, `${unitKind} ${JSON.stringify(wage)}`).toEqual({ amount: '0.00', excessPersons: 0, quotaPersons: '6' });
        expect(r.steps.some((s) => s.zh.includes('不含财政拨款的单位和集中安排残疾人就业机构') && s.zh.includes('m3.2'))).toBe(true);
      }
    }
    // a wage given is still reported as given
    expect(expectOk(evaluate(rule, { totalStaff: 400, disabledCounted: 9, unitKind: 'fiscal-funded', monthlyMinWage: 1980 })).result.monthlyMinWage).toBe(
      '1980.00',
    );
  });

  it('nobody above the quota: 0 without needing a wage; one whole person above it needs one', () => {
    // 400 × 1.5 % = 6; 6.99 counted → 0 whole persons above; 7 → 1
    const none = expectOk(evaluate(rule, { totalStaff: 400, disabledCounted: '6.99', district: '稀土高新区', date: '2024-06-30' }));
    expect(none.result).toEqual({ amount: '0.00', excessPersons: 0, quotaPersons: '6' });
    expect(expectOk(evaluate(rule, { totalStaff: 400, disabledCounted: 6 })).result.amount).toBe('0.00');
    expectError(evaluate(rule, { totalStaff: 400, disabledCounted: 7, district: '稀土高新区', date: '2024-06-30' }), 'no-wage-table', 'district');
    expectError(evaluate(rule, { totalStaff: 400, disabledCounted: 7 }), 'missing-input', 'monthlyMinWage');
  });

  it('refuses bad input with a code, a field and both languages', () => {
    expectError(evaluate(rule, { totalStaff: 0, disabledCounted: 1, monthlyMinWage: 1980 }), 'out-of-range', 'totalStaff');
    expectError(evaluate(rule, { totalStaff: 10.5, disabledCounted: 1, monthlyMinWage: 1980 }), 'not-an-integer', 'totalStaff');
    expectError(evaluate(rule, { totalStaff: 10, disabledCounted: -1, monthlyMinWage: 1980 }), 'out-of-range', 'disabledCounted');
    expectError(evaluate(rule, { totalStaff: 10, disabledCounted: 21, monthlyMinWage: 1980 }), 'inconsistent-input', 'disabledCounted');
    expectError(evaluate(rule, { totalStaff: 10, disabledCounted: 2 }), 'missing-input', 'monthlyMinWage');
    expectError(evaluate(rule, { totalStaff: 10, disabledCounted: 2, district: '昆区' }), 'missing-input', 'date');
    expectError(evaluate(rule, { totalStaff: 10, disabledCounted: 2, district: '稀土高新区', date: '2024-01-01' }), 'no-wage-table', 'district');
    expectError(evaluate(rule, { totalStaff: 10, disabledCounted: 1, district: 'Atlantis', date: '2024-01-01' }), 'unknown-district', 'district');
    expectError(evaluate(rule, { totalStaff: 10, disabledCounted: 1, monthlyMinWage: 0 }), 'out-of-range', 'monthlyMinWage');
    expectError(evaluate(rule, { totalStaff: 10, disabledCount: 1, monthlyMinWage: 1980 }), 'unknown-input', 'disabledCount');
  });
});
