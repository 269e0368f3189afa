/**
 * Plans as data: the served plan's own data holds together, and a made-up successor plan, added in a
 * test fixture only, is applied on its dates with its numbers, clause text and name — no rule changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../rules/core/dates.ts';
import { evaluate, listPlans, parametersOn, registerPlan } from '../../rules/index.ts';
import { baotou2023 } from '../../rules/plans/baotou-2023-43.ts';
import { madeUpSuccessor } from './fixtures/successor-plan.ts';
import { expectError, expectOk } from './helpers.ts';

const reward = { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980 };

describe('the served plans', () => {
  it('are 包府办发〔2023〕43号 only, in force 2023-04-22 … 2024-12-31', () => {
    expect(listPlans().map((p) => [p.id, p.validFrom, p.validTo])).toEqual([['包府办发〔2023〕43号', '2023-04-22', '2024-12-31']]);
  });

  it('start 30 days after publication, as each plan states (interpretation effective-date)', () => {
    for (const plan of listPlans()) {
      const days = plan.values.validity?.effectiveAfterDays?.[0];
      expect(days, plan.id).toBeTypeOf('number');
      expect(addDays(plan.publishedOn, days!), plan.id).toBe(plan.validFrom);
    }
  });

  it('give every parameter a dated history: one entry per plan, with the clause that states it', () => {
    const multiplier = parametersOn('2024-06-30').find((p) => p.id === 'plan.overquotaReward.minimumWageMultiplier')!;
    expect(multiplier).toMatchObject({ value: 5, from: '2023-04-22', source: { document: '包府办发〔2023〕43号', clause: 'm3.2' } });
    expect(multiplier.history).toEqual([{ from: '2023-04-22', value: 5, source: { document: '包府办发〔2023〕43号', clause: 'm3.2' } }]);
    expect(parametersOn('2023-01-01').find((p) => p.id === multiplier.id)!.value).toBeNull();
  });
});

describe('a made-up successor plan, added as data in a test fixture', () => {
  it('is refused before it is added (the date is outside every plan)', () => {
    expectError(evaluate('overquota-reward', { ...reward, date: '2025-08-01' }), 'policy-not-in-force', 'date');
  });

  describe('once added', () => {
    let remove: () => void;
    beforeAll(() => {
      remove = registerPlan(madeUpSuccessor);
    });
    afterAll(() => remove());

    it('applies its numbers, its clause text and its name on a date in its window', () => {
      const r = expectOk(evaluate('overquota-reward', { ...reward, date: '2025-08-01' }));
      expect(r.result.amount).toBe('35640.00'); // 3 whole persons × 6 × 1980
      expect(r.policy).toEqual({ id: madeUpSuccessor.id, title: madeUpSuccessor.title, validFrom: '2025-07-01', validTo: '2027-12-31' });
      expect(r.clause.id).toBe('m3.1');
      expect(r.clause.text).toContain('当地月最低工资标准的6倍');
      expect(r.steps.map((s) => s.en)).toContain('3 × 6 × 1980.00 = 35640.00');
      expect(r.warnings).toEqual([]);
    });

    it('leaves the earlier plan in force on its own dates', () => {
      const r = expectOk(evaluate('overquota-reward', { ...reward, date: '2024-06-30' }));
      expect(r.result.amount).toBe('29700.00');
      expect(r.policy.id).toBe('包府办发〔2023〕43号');
      expect(r.clause.id).toBe('m3.2');
    });

    it('applies the latest plan when no date is given, and says so', () => {
      const r = expectOk(evaluate('overquota-reward', reward));
      expect(r.result.amount).toBe('35640.00');
      expect(r.warnings.map((w) => w.en)).toEqual([`No date given: applied ${madeUpSuccessor.id} (valid 2025-07-01 – 2027-12-31)`]);
    });

    it('refuses a date between the plans, naming both windows; applied anyway, the earlier plan answers', () => {
      const gap = evaluate('overquota-reward', { ...reward, date: '2025-03-01' });
      expectError(gap, 'policy-not-in-force', 'date');
      if (!gap.ok) expect(gap.error.message.en).toContain(`包府办发〔2023〕43号 (2023-04-22 – 2024-12-31), ${madeUpSuccessor.id} (2025-07-01 – 2027-12-31)`);
      const applied = expectOk(evaluate('overquota-reward', { ...reward, date: '2025-03-01', applyOutsideValidity: true }));
      expect(applied.result.amount).toBe('29700.00');
      expect(applied.policy.id).toBe('包府办发〔2023〕43号');
    });

    it('carries no number over silently: what it does not state has no value in its window', () => {
      const r = evaluate('dispatch-referral-reward', { persons: 2, personsStable12Months: 2, date: '2025-08-01' });
      expectError(r, 'no-parameter-value', 'date');
      expect(expectOk(evaluate('dispatch-referral-reward', { persons: 2, personsStable12Months: 2, date: '2024-08-01' })).result.amount).toBe('1000.00');
    });

    it('answers policy-in-force from its own dates', () => {
      const r = expectOk(evaluate('policy-in-force', { date: '2025-07-01' }));
      expect(r.result).toEqual({ inForce: true, validFrom: '2025-07-01', validTo: '2027-12-31' });
      expect(expectOk(evaluate('policy-in-force', { date: '2025-06-30' })).result.inForce).toBe(false);
    });

    it('shows in the parameters on its dates, with the dated history of both plans', () => {
      const multiplier = parametersOn('2025-08-01').find((p) => p.id === 'plan.overquotaReward.minimumWageMultiplier')!;
      expect(multiplier).toMatchObject({ value: 6, from: '2025-07-01', source: { document: madeUpSuccessor.id, clause: 'm3.1' } });
      expect(multiplier.history).toEqual([
        { from: '2023-04-22', to: '2025-06-30', value: 5, source: { document: '包府办发〔2023〕43号', clause: 'm3.2' } },
        { from: '2025-07-01', value: 6, source: { document: madeUpSuccessor.id, clause: 'm3.1' } },
      ]);
      expect(listPlans().map((p) => p.id)).toEqual(['包府办发〔2023〕43号', madeUpSuccessor.id]);
    });

    it('may not overlap another plan, nor state a number the catalogue lacks', () => {
      expect(() => registerPlan({ ...madeUpSuccessor, id: 'overlap', validFrom: '2024-12-01', validTo: '2025-01-31' })).toThrow(/overlaps/);
      const typo = { ...madeUpSuccessor, id: 'typo', validFrom: '2030-01-01', validTo: '2030-12-31', values: { overquotaReward: { minimumWageMultiplyer: [6, 'm3.1'] } } };
      expect(() => registerPlan(typo as unknown as typeof madeUpSuccessor)).toThrow(/no parameter overquotaReward.minimumWageMultiplyer/);
      expect(listPlans().map((p) => p.id)).not.toContain('typo');
    });
  });

  it('is gone again once taken out: the served rules never hold it', () => {
    expect(listPlans()).toEqual([baotou2023]);
    expectError(evaluate('overquota-reward', { ...reward, date: '2025-08-01' }), 'policy-not-in-force', 'date');
  });
});
