/**
 * An answer without a date gives figures by date exactly when evaluating the same case on the first day of
 * each period of the plan's window (cut at every parameter change) gives different figures: checked for every
 * clause rule on random inputs against those dated evaluations themselves, whatever shortcut evaluate() takes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  currentPolicyRef,
  evaluate,
  evaluateBatch,
  evaluateRule,
  findRule,
  listRules,
  parameterChangeDates,
  servedParameters,
  type Evaluation,
  type ParameterSet,
} from '../../rules/index.ts';
import { quota } from '../../rules/parameters/inner-mongolia.ts';
import { baotouPlan } from '../../rules/parameters/plan.ts';
import { validInputsFor } from '../support/arbitraries.ts';

const dayBefore = (iso: string) => new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10) - 1)).toISOString().slice(0, 10);

const plan = currentPolicyRef();
const starts = [plan.validFrom, ...parameterChangeDates().filter((d) => d > plan.validFrom && d <= plan.validTo)];
const periods = starts.map((from, i) => ({ from, to: i + 1 < starts.length ? dayBefore(starts[i + 1]) : plan.validTo }));

/** Clause rules whose answer can lack a date (not the validity check itself, nor rules that date a claim from their own inputs). */
const undatable = listRules().filter((meta) => {
  const rule = findRule(meta.id)!;
  return rule.kind === 'clause' && !rule.answersValidity && !rule.claimDate && rule.inputs.every((i) => i.name !== 'date' || !i.required);
});

/** The served parameters with one parameter given a new value from `from` on (a set of the test's own; the served one is untouched). */
function changedOn(id: string, from: string, value: string): ParameterSet {
  const served = servedParameters.byId[id];
  const last = served.history[served.history.length - 1];
  expect(last.from < from).toBe(true);
  const changed = { ...served, history: [...served.history, { ...last, from, value }] };
  return {
    ...servedParameters,
    parameters: servedParameters.parameters.map((p) => (p.id === id ? changed : p)),
    byId: { ...servedParameters.byId, [id]: changed },
    changeDates: [...new Set([...servedParameters.changeDates, from])].sort(),
  };
}

describe('figures by date, for answers without a date', () => {
  it('the window has more than one period (else there is nothing to check)', () => {
    expect(periods.length).toBeGreaterThan(1);
    expect(undatable.length).toBeGreaterThan(5);
  });

  describe.each(undatable.map((meta) => [meta.id, meta] as const))('%s', (id, meta) => {
    it('byDate is there exactly when the dated answers differ, and is them', () => {
      fc.assert(
        fc.property(validInputsFor(meta), (generated) => {
          const { date: _ignored, ...inputs } = generated;
          const answer = evaluate(id, inputs);
          const dated = periods.map((p) => evaluate(id, { ...inputs, date: p.from }));
          const figures = (e: Evaluation) => (e.ok ? JSON.stringify([e.eligible, e.result[findRule(id)!.primary]]) : '');
          const differ = (answer.ok || answer.error.field === 'date') && dated.every((d) => d.ok) && new Set(dated.map(figures)).size > 1;
          if (!differ) {
            expect(answer.byDate).toBeUndefined();
            return;
          }
          expect(answer.byDate).toEqual(
            dated.map((d, i) => ({ from: periods[i].from, to: periods[i].to, eligible: d.ok && d.eligible, result: d.ok ? d.result : undefined })),
          );
        }),
        { numRuns: 60 },
      );
    });
  });

  it('a parameter changing inside the window gives figures by date, though the rule never reads the date itself', () => {
    // the quota ratio, as if it changed on 2024-01-01 (a parameter set of the test's own; the served one is untouched)
    const parameters = changedOn(quota.ratio.id, '2024-01-01', '0.02');
    const rule = findRule('overquota-reward')!;
    const e = evaluateRule(rule, { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980 }, { parameters });
    // 1.5 % of 400 is 6 (3 whole persons above), 2 % is 8 (1 above)
    expect(e.byDate?.map((d) => [d.from, d.result.amount])).toEqual([
      [plan.validFrom, '29700.00'],
      ['2024-01-01', '9900.00'],
      ['2024-12-01', '9900.00'],
    ]);
    // and with the served parameters the same case does not depend on the date
    expect(evaluateRule(rule, { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980 }).byDate).toBeUndefined();
  });

  it('a batch answers each undated row as evaluate() does when a plan number read in a group changes inside the window', () => {
    // the rent cap, as if the plan raised it on 2024-01-01: rent-subsidy reads it in a group, which a batch reads once per date
    const parameters = changedOn(baotouPlan.rentSubsidy.monthlyCap.id, '2024-01-01', '1500');
    const input = { monthlyRent: 1200, months: 12, monthsOperating: 12, monthsSinceStart: 12 };
    const alone = evaluateRule(findRule('rent-subsidy')!, input, { parameters });
    // 1,000 a month before, the whole 1,200 after: the answer depends on the date, and says so
    if (!alone.ok) throw new Error('the undated case should compute');
    expect(alone.byDate?.map((d) => d.result.amount)).toEqual(['12000.00', '14400.00', '14400.00']);
    const batch = evaluateBatch('rent-subsidy', [input, input, input], { parameters });
    for (const row of batch.rows) expect([row.status, row.result, row.warnings]).toEqual(['ok', alone.result, alone.warnings]);
  });

  it('the case the tests know by heart has figures by date: 400 staff, 9 counted, 昆都仑区', () => {
    const e = evaluate('overquota-reward', { totalStaff: 400, disabledCounted: 9, district: '昆都仑区' });
    expect(e.byDate?.length).toBe(periods.length);
  });
});
