import { describe, expect, it } from 'vitest';
import { evaluate, evaluateBatch, type Success } from '../../rules/index.ts';
import { expectError, expectOk } from './helpers.ts';

const date = '2024-06-30';
const codes = (r: Success) => r.failedConditions.map((c) => c.code);

describe('rural-training-subsidy (m6.3)', () => {
  it('5 days and 40 class hours are enough (不少于 includes them); 1500 per person, half each', () => {
    const r = expectOk(evaluate('rural-training-subsidy', { trainees: 3, classHours: 40, days: 5, date }));
    expect(r.result).toEqual({ amount: '4500.00', cityShare: '2250.00', districtShare: '2250.00' });
    expect(r.eligible).toBe(true);
    expect(r.failedConditions).toEqual([]);
  });

  it('39 class hours or 4 days is not eligible, each condition named', () => {
    const r = expectOk(evaluate('rural-training-subsidy', { trainees: 3, classHours: 39, days: 4, date }));
    expect(r.result.amount).toBe('0.00');
    expect(codes(r)).toEqual(['too-few-days', 'too-few-class-hours']);
  });

  it('needs the trainees', () => {
    expectError(evaluate('rural-training-subsidy', { classHours: 40, days: 5, date }), 'missing-input', 'trainees');
  });
});

describe('skills-training-subsidy (m10.2)', () => {
  it('one person-session by default', () => {
    expect(expectOk(evaluate('skills-training-subsidy', { classHours: 40, days: 5, date })).result.amount).toBe('1500.00');
  });

  it('in a batch, flags the 4th session of a person in a calendar year and a repeat within 12 months', () => {
    const session = (personId: string, d: string, project: string, level = '初级') => ({
      personId,
      project,
      level,
      date: d,
      classHours: 40,
      days: 5,
      claimed: 1500,
    });
    const outcome = evaluateBatch('skills-training-subsidy', [
      session('A', '2024-01-10', '电商'),
      session('A', '2024-03-10', '按摩'),
      session('A', '2024-05-10', '烹饪'),
      session('A', '2024-07-10', '手工'), // 4th in 2024
      session('B', '2023-06-01', '电商'),
      session('B', '2024-05-31', '电商'), // same project and level within a year
      session('B', '2024-06-01', '电商', '中级'), // another level: fine
      session('C', '2023-06-01', '电商'),
      session('C', '2024-06-01', '电商'), // exactly a year later: fine
    ]);
    expect(outcome.rows.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'mismatch', 'ok', 'mismatch', 'ok', 'ok', 'ok']);
    expect(outcome.rows[3].failedConditions).toMatchObject([{ code: 'sessions-per-year' }]);
    expect(outcome.rows[3].difference).toBe('1500.00');
    expect(outcome.rows[5].failedConditions).toMatchObject([{ code: 'repeat-within-year' }]);
    expect(outcome.summary).toEqual({ rows: 9, ok: 7, mismatch: 2, invalid: 0, skipped: 0 });
  });

  it('"within a year" of 29 February ends on 28 February (民法典 第二百零二条)', () => {
    const session = (personId: string, d: string) => ({
      personId,
      project: '电商',
      level: '初级',
      date: d,
      classHours: 40,
      days: 5,
      applyOutsideValidity: true,
    });
    const outcome = evaluateBatch('skills-training-subsidy', [
      session('D', '2024-02-29'),
      session('D', '2025-02-28'), // the last day of the year from 2024-02-29: a repeat
      session('E', '2024-02-29'),
      session('E', '2025-03-01'), // the day after: fine
    ]);
    expect(outcome.rows.map((r) => r.result !== undefined && r.eligible !== false)).toEqual([true, false, true, true]);
    expect(outcome.rows[1].failedConditions).toMatchObject([{ code: 'repeat-within-year' }]);
    const relied = evaluateBatch('skills-training-subsidy', [session('F', '2024-03-01'), session('F', '2024-09-01')]);
    expect(relied.rows[1].result).toBeDefined();
    expect(relied.rows[1].eligible).toBe(false);
  });
});

describe('rent-subsidy (m9.2)', () => {
  const base = { monthlyRent: 1200, months: 12, monthsOperating: 12, monthsSinceStart: 36, date };

  it('caps the rent at 1000 a month; 满一年 and 三年内 include the boundaries', () => {
    const r = expectOk(evaluate('rent-subsidy', base));
    expect(r.result).toMatchObject({ amount: '12000.00', monthsGranted: 12, monthlySubsidy: '1000.00', cityShare: '6000.00', districtShare: '6000.00' });
  });

  it('pays the actual rent when it is lower', () => {
    expect(expectOk(evaluate('rent-subsidy', { ...base, monthlyRent: '999.99' })).result.amount).toBe('11999.88');
  });

  it('refuses 11 months of operation and an application after 36 months', () => {
    expect(codes(expectOk(evaluate('rent-subsidy', { ...base, monthsOperating: 11 })))).toEqual(['operating-less-than-a-year']);
    expect(codes(expectOk(evaluate('rent-subsidy', { ...base, monthsSinceStart: 37 })))).toEqual(['applied-after-three-years']);
  });

  it('stops at 36 months in total', () => {
    const r = expectOk(evaluate('rent-subsidy', { ...base, monthsAlreadySubsidised: 30 }));
    expect(r.result).toMatchObject({ monthsGranted: 6, amount: '6000.00' });
    expect(codes(expectOk(evaluate('rent-subsidy', { ...base, monthsAlreadySubsidised: 36 })))).toEqual(['subsidy-months-used']);
  });

  it('excludes blind-massage shops (interpretation rent-blind-massage)', () => {
    const r = expectOk(evaluate('rent-subsidy', { ...base, blindMassageShop: true }));
    expect(r.result.amount).toBe('0.00');
    expect(r.interpretations.map((i) => i.id)).toContain('rent-blind-massage');
  });

  it('splits odd cents so the shares add up to the amount', () => {
    const r = expectOk(evaluate('rent-subsidy', { ...base, monthlyRent: '333.33', months: 3 }));
    expect(r.result).toMatchObject({ amount: '999.99', cityShare: '500.00', districtShare: '499.99' });
    expect(r.interpretations.map((i) => i.id)).toContain('share-rounding');
  });
});

describe('graduate-hire-subsidy (m3.2)', () => {
  const base = { persons: 2, monthlyMinWage: 1980, contractMonths: 12, socialInsurance: true, date };

  it('5 × the minimum wage per person; a 12-month contract is "一年以上"', () => {
    const r = expectOk(evaluate('graduate-hire-subsidy', base));
    expect(r.result).toMatchObject({ amount: '19800.00' });
    expect(r.eligible).toBe(true);
  });

  it('names every failed condition', () => {
    const r = expectOk(evaluate('graduate-hire-subsidy', { ...base, contractMonths: 11, socialInsurance: false, publicWelfarePost: true, subsidyYear: 4 }));
    expect(r.result.amount).toBe('0.00');
    expect(codes(r)).toEqual(['contract-too-short', 'no-social-insurance', 'public-welfare-post', 'subsidy-years-used']);
  });

  it('exclusions first: a contract under a year is 0 with the reason, never a refusal for a wage it does not need', () => {
    for (const wage of [{}, { district: '稀土高新区' }, { district: '昆区', date: undefined }]) {
      const r = expectOk(evaluate('graduate-hire-subsidy', { persons: 1, contractMonths: 11, socialInsurance: true, date, ...wage }));
      expect(r.result, JSON.stringify(wage)).toEqual({ amount: '0.00' });
      expect(r.eligible, JSON.stringify(wage)).toBe(false);
      expect(r.failedConditions, JSON.stringify(wage)).toEqual([expect.objectContaining({ code: 'contract-too-short' })]);
      expect(r.steps.some((s) => s.zh.includes('包府办发〔2023〕43号 m3.2') && s.zh.includes('一年以上劳动合同'))).toBe(true);
    }
    // 12 months is 一年以上: then the wage is needed, and its absence is refused
    expectError(evaluate('graduate-hire-subsidy', { persons: 1, contractMonths: 12, socialInsurance: true, date }), 'missing-input', 'monthlyMinWage');
    expectError(
      evaluate('graduate-hire-subsidy', { persons: 1, contractMonths: 12, socialInsurance: true, district: '稀土高新区', date }),
      'no-wage-table',
      'district',
    );
    // every other failed condition likewise
    expect(
      expectOk(evaluate('graduate-hire-subsidy', { persons: 1, contractMonths: 24, socialInsurance: true, publicWelfarePost: true, date })).result.amount,
    ).toBe('0.00');
  });

  it('year 3 is the last subsidised year', () => {
    expect(expectOk(evaluate('graduate-hire-subsidy', { ...base, subsidyYear: 3 })).eligible).toBe(true);
  });

  it('looks up the wage of a class-2 district', () => {
    expect(
      expectOk(evaluate('graduate-hire-subsidy', { persons: 1, district: '固阳县', contractMonths: 24, socialInsurance: true, date: '2024-12-01' })).result
        .amount,
    ).toBe('11000.00');
  });
});

describe('dispatch-referral-reward (m3.2)', () => {
  it('500 per person employed 12 months or more (一年以上 includes 12)', () => {
    const r = expectOk(evaluate('dispatch-referral-reward', { employedMonths: '12,11,30', date }));
    expect(r.result).toEqual({ amount: '1000.00', qualifyingPersons: 2 });
    expect(r.hints[0].en).toContain('in 1 months');
    expect(expectOk(evaluate('dispatch-referral-reward', { employedMonths: [12, 13], persons: 2, date })).result.amount).toBe('1000.00');
    expect(expectOk(evaluate('dispatch-referral-reward', { personsStable12Months: 4, persons: 5, date })).result.amount).toBe('2000.00');
  });

  it('refuses inconsistent or missing counts', () => {
    expectError(evaluate('dispatch-referral-reward', { employedMonths: '12,13', persons: 3, date }), 'inconsistent-input', 'employedMonths');
    expectError(evaluate('dispatch-referral-reward', { personsStable12Months: 6, persons: 5, date }), 'inconsistent-input', 'personsStable12Months');
    expectError(evaluate('dispatch-referral-reward', { persons: 5, date }), 'missing-input', 'employedMonths');
    expectError(evaluate('dispatch-referral-reward', { employedMonths: '12,x', date }), 'invalid-number', 'employedMonths[1]');
  });
});

describe('blind-massage-insurance-subsidy (m8.2)', () => {
  it('half of last year’s insurance, rounded once, half up', () => {
    const r = expectOk(evaluate('blind-massage-insurance-subsidy', { insurancePaidLastYear: '1234.57', date }));
    expect(r.result).toEqual({ amount: '617.29', yearsRemaining: 14 });
    expect(r.steps[0].en).toContain('617.285');
  });

  it('year 15 is the last (不超过15年 includes it); after 15 years nothing', () => {
    expect(expectOk(evaluate('blind-massage-insurance-subsidy', { insurancePaidLastYear: 1000, yearsAlreadySubsidised: 14, date })).result).toEqual({
      amount: '500.00',
      yearsRemaining: 0,
    });
    const done = expectOk(evaluate('blind-massage-insurance-subsidy', { insurancePaidLastYear: 1000, yearsAlreadySubsidised: 15, date }));
    expect(done.result.amount).toBe('0.00');
  });
});

describe('min-wage (helper for m3.2)', () => {
  it.each([
    ['昆区', '2021-12-01', '1980.00', 1],
    ['石拐区', '2024-11-30', '1980.00', 1],
    ['Bayan Obo', '2024-12-01', '2270.00', 1],
    ['土右旗', '2024-12-01', '2200.00', 2],
    ['达茂旗', '2022-01-01', '1910.00', 2],
    ['固阳', '2026-06-30', '2200.00', 2],
  ])('%s on %s → %s (class %i)', (district, date, wage, wageClass) => {
    const r = expectOk(evaluate('min-wage', { district, date }));
    expect(r.result.monthlyMinWage).toBe(wage);
    expect(r.result.class).toBe(wageClass);
  });

  it('is a helper: not bound to the plan’s window, but to its tables’ dates', () => {
    expect(evaluate('min-wage', { district: '昆区', date: '2026-01-01' }).ok).toBe(true);
    expectError(evaluate('min-wage', { district: '昆区', date: '2021-11-30' }), 'no-wage-table', 'date');
  });

  it('has no table for 稀土高新区 (interpretation hi-tech-zone-wage)', () => {
    expectError(evaluate('min-wage', { district: 'Rare Earth Hi-Tech Zone', date: '2024-01-01' }), 'no-wage-table', 'district');
  });
});
