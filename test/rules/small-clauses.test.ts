import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/index.ts';
import { expectError, expectOk } from './helpers.ts';

const date = '2024-06-30';

describe('stall-reserve (m4)', () => {
  it('不低于10% rounds up, and an exact 10 % stays exact', () => {
    expect(expectOk(evaluate('stall-reserve', { totalStalls: 45, date })).result.minimumReserved).toBe(5);
    expect(expectOk(evaluate('stall-reserve', { totalStalls: 40, date })).result.minimumReserved).toBe(4);
    expect(expectOk(evaluate('stall-reserve', { totalStalls: 41, date })).result.minimumReserved).toBe(5);
    expect(expectOk(evaluate('stall-reserve', { totalStalls: 0, date })).result.minimumReserved).toBe(0);
  });

  it('checks what is reserved when given', () => {
    expect(expectOk(evaluate('stall-reserve', { totalStalls: 40, reservedStalls: 4, date })).result.ok).toBe(true);
    const short = expectOk(evaluate('stall-reserve', { totalStalls: 40, reservedStalls: 3, date }));
    expect(short.result.ok).toBe(false);
    expect(short.hints[0].en).toBe('1 more to reserve');
    expectError(evaluate('stall-reserve', { totalStalls: 40, reservedStalls: 41, date }), 'inconsistent-input', 'reservedStalls');
  });
});

describe('labour-coefficient-zero (m5)', () => {
  it.each([
    [5, 4, true],
    [6, 3, true],
    [4, 1, true],
    [1, 2, true],
    [4, 3, false],
    [7, 4, false],
  ])('category %i grade %i → %s', (category, grade, zero) => {
    expect(expectOk(evaluate('labour-coefficient-zero', { category, grade, date })).result.zero).toBe(zero);
  });

  it('refuses a category or grade outside its range', () => {
    expectError(evaluate('labour-coefficient-zero', { category: 8, grade: 1, date }), 'out-of-range', 'category');
    expectError(evaluate('labour-coefficient-zero', { category: 1, grade: 0, date }), 'out-of-range', 'grade');
  });
});

describe('rural-startup-loan-cap (m6.2)', () => {
  it('最高不超过20万元 includes 200,000 exactly', () => {
    expect(expectOk(evaluate('rural-startup-loan-cap', { requestedAmount: 200000, date })).result).toEqual({ ok: true, cap: '200000.00', allowedAmount: '200000.00' });
    const over = expectOk(evaluate('rural-startup-loan-cap', { requestedAmount: '200000.01', date }));
    expect(over.result.ok).toBe(false);
    expect(over.hints[0].en).toBe('Reduce by 0.01 yuan');
    expect(expectOk(evaluate('rural-startup-loan-cap', { requestedAmount: '200,000.00', date })).result.ok).toBe(true);
  });

  it('refuses a negative or non-numeric amount', () => {
    expectError(evaluate('rural-startup-loan-cap', { requestedAmount: -5, date }), 'out-of-range', 'requestedAmount');
    expectError(evaluate('rural-startup-loan-cap', { requestedAmount: '20万', date }), 'invalid-number', 'requestedAmount');
  });
});

describe('hospital-blind-massage (m8.1)', () => {
  it('needs two at county level and above; does not apply below', () => {
    expect(expectOk(evaluate('hospital-blind-massage', { countyLevelOrAbove: true, qualifiedBlindMasseurs: 2, date })).result).toEqual({ ok: true, applicable: true, shortfall: 0 });
    expect(expectOk(evaluate('hospital-blind-massage', { countyLevelOrAbove: true, qualifiedBlindMasseurs: 0, date })).result).toEqual({ ok: false, applicable: true, shortfall: 2 });
    expect(expectOk(evaluate('hospital-blind-massage', { countyLevelOrAbove: false, qualifiedBlindMasseurs: 0, date })).result).toEqual({ ok: true, applicable: false, shortfall: 0 });
  });
});

describe('report-deadline (g6)', () => {
  it('is the end of November of the year', () => {
    expect(expectOk(evaluate('report-deadline', { year: 2024 })).result.deadline).toBe('2024-11-30');
    expect(expectOk(evaluate('report-deadline', { year: 2023 })).result.deadline).toBe('2023-11-30');
  });

  it('refuses a year whose deadline is outside the plan, naming the year, unless asked to apply it', () => {
    expectError(evaluate('report-deadline', { year: 2025 }), 'policy-not-in-force', 'year');
    const r = expectOk(evaluate('report-deadline', { year: 2025, applyOutsideValidity: true }));
    expect(r.result.deadline).toBe('2025-11-30');
    expect(r.warnings[0].en).toContain('outside the validity');
  });
});

describe('policy-in-force (四)', () => {
  it.each([
    ['2023-04-21', false],
    ['2023-04-22', true],
    ['2024-12-31', true],
    ['2025-01-01', false],
  ])('%s → %s', (date, inForce) => {
    const r = expectOk(evaluate('policy-in-force', { date }));
    expect(r.result).toEqual({ inForce, validFrom: '2023-04-22', validTo: '2024-12-31' });
    expect(r.interpretations.map((i) => i.id)).toEqual(['effective-date']);
  });

  it('needs a real date', () => {
    expectError(evaluate('policy-in-force', { date: '2023-02-29' }), 'invalid-date', 'date');
    expectError(evaluate('policy-in-force', {}), 'missing-input', 'date');
  });
});

describe('the validity window, for every clause rule', () => {
  const inputs = { totalStalls: 10 };
  it('applies on both edges and refuses a day outside, naming the window', () => {
    expect(evaluate('stall-reserve', { ...inputs, date: '2023-04-22' }).ok).toBe(true);
    expect(evaluate('stall-reserve', { ...inputs, date: '2024-12-31' }).ok).toBe(true);
    const before = expectError(evaluate('stall-reserve', { ...inputs, date: '2023-04-21' }), 'policy-not-in-force', 'date');
    expect(before.message.en).toContain('2023-04-22 – 2024-12-31');
    expectError(evaluate('stall-reserve', { ...inputs, date: '2025-01-01' }), 'policy-not-in-force', 'date');
  });

  it('applies outside the window only when asked, with a warning', () => {
    const r = expectOk(evaluate('stall-reserve', { ...inputs, date: '2025-01-01', applyOutsideValidity: 'TRUE' }));
    expect(r.warnings.map((w) => w.en).join()).toContain('applied anyway');
    expect(r.interpretations.map((i) => i.id)).toContain('effective-date');
  });

  it('warns, naming the version, when no date is given', () => {
    const r = expectOk(evaluate('stall-reserve', inputs));
    expect(r.warnings[0].zh).toContain('包府办发〔2023〕43号');
  });
});
