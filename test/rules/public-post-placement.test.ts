import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/index.ts';
import { expectError, expectOk } from './helpers.ts';

const rule = 'public-post-placement';
const place = (inputs: Record<string, unknown>) => expectOk(evaluate(rule, { date: '2024-06-30', ...inputs }));
const codes = (result: Record<string, unknown>) => (result.failedConditions as { code: string }[]).map((c) => c.code);

describe('public-post-placement (m1.2)', () => {
  it('allows a first placement', () => {
    const r = place({ placementNumber: 1, receivesFlexibleEmploymentInsuranceSubsidy: false });
    expect(r.result).toEqual({ allowed: true, failedConditions: [] });
    expect(r.clause.id).toBe('m1.2');
    expect(r.steps.at(-1)!.en).toBe('Conclusion: the placement is allowed');
    expect(r.interpretations).toEqual([]);
  });

  it('refuses anyone who also receives the flexible-employment insurance subsidy', () => {
    const r = place({ placementNumber: 1, severe: true, receivesFlexibleEmploymentInsuranceSubsidy: true });
    expect(r.result.allowed).toBe(false);
    expect(codes(r.result)).toEqual(['receives-flexible-employment-insurance-subsidy']);
  });

  it('allows a second placement only for severe disability or similar hardship', () => {
    const severe = place({ placementNumber: 2, severe: true, receivesFlexibleEmploymentInsuranceSubsidy: false });
    expect(severe.result).toEqual({ allowed: true, failedConditions: [] });
    expect(severe.interpretations.map((i) => i.id)).toEqual(['placements-total']);
    expect(severe.steps.some((s) => s.zh.includes('期限重新计算'))).toBe(true);
    const not = place({ placementNumber: 2, severe: false, receivesFlexibleEmploymentInsuranceSubsidy: false });
    expect(not.result.allowed).toBe(false);
    expect(codes(not.result)).toEqual(['not-special-hardship']);
  });

  it('refuses a third placement, "in principle", with a warning', () => {
    const r = place({ placementNumber: 3, severe: true, receivesFlexibleEmploymentInsuranceSubsidy: false });
    expect(r.result.allowed).toBe(false);
    expect(codes(r.result)).toEqual(['placements-exceeded']);
    expect(r.warnings.map((w) => w.en)).toEqual([expect.stringContaining('"In principle" at most 2')]);
    expect(r.interpretations.map((i) => i.id)).toEqual(['placements-total']);
    const many = place({ placementNumber: 7, receivesFlexibleEmploymentInsuranceSubsidy: true });
    expect(codes(many.result)).toEqual(['receives-flexible-employment-insurance-subsidy', 'placements-exceeded']);
  });

  it('warns when no date is given (clause rules follow the plan window)', () => {
    const r = expectOk(evaluate(rule, { placementNumber: 1, receivesFlexibleEmploymentInsuranceSubsidy: false }));
    expect(r.warnings[0].en).toMatch(/^No date given/);
    expectError(evaluate(rule, { placementNumber: 1, receivesFlexibleEmploymentInsuranceSubsidy: false, date: '2025-01-01' }), 'policy-not-in-force', 'date');
  });

  it('refuses bad input with a code and the field', () => {
    expectError(evaluate(rule, { placementNumber: 2, receivesFlexibleEmploymentInsuranceSubsidy: false }), 'missing-input', 'severe');
    expectError(evaluate(rule, { placementNumber: 0, receivesFlexibleEmploymentInsuranceSubsidy: false }), 'out-of-range', 'placementNumber');
    expectError(evaluate(rule, { placementNumber: 1.5, receivesFlexibleEmploymentInsuranceSubsidy: false }), 'not-an-integer', 'placementNumber');
    expectError(evaluate(rule, { receivesFlexibleEmploymentInsuranceSubsidy: false }), 'missing-input', 'placementNumber');
    expectError(evaluate(rule, { placementNumber: 1 }), 'missing-input', 'receivesFlexibleEmploymentInsuranceSubsidy');
    expectError(evaluate(rule, { placementNumber: 2, severe: 'maybe', receivesFlexibleEmploymentInsuranceSubsidy: false }), 'invalid-boolean', 'severe');
  });
});
