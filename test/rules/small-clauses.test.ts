import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/index.ts';
import { expectError, expectOk } from './helpers.ts';

const date = '2024-06-30';

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
