/** What public-post-placement's table of cases cannot say: the clause it names, the words of a step, a warning when no date is given. */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/index.ts';
import { expectOk } from './helpers.ts';

const rule = 'public-post-placement';

describe('public-post-placement (m1.2)', () => {
  it('names its clause, and relies on no reading for a first placement', () => {
    const r = expectOk(evaluate(rule, { date: '2024-06-30', placementNumber: 1, receivesFlexibleEmploymentInsuranceSubsidy: false }));
    expect(r.clause.id).toBe('m1.2');
    expect(r.interpretations).toEqual([]);
  });

  it('says a re-placement restarts the subsidy periods', () => {
    const r = expectOk(evaluate(rule, { date: '2024-06-30', placementNumber: 2, severe: true, receivesFlexibleEmploymentInsuranceSubsidy: false }));
    expect(r.interpretations.map((i) => i.id)).toEqual(['placements-total']);
    expect(r.steps.some((s) => s.zh.includes('期限重新计算'))).toBe(true);
  });

  it('warns when no date is given (clause rules follow the plan window)', () => {
    const r = expectOk(evaluate(rule, { placementNumber: 1, receivesFlexibleEmploymentInsuranceSubsidy: false }));
    expect(r.warnings[0].en).toMatch(/^No date given/);
  });
});
