/**
 * 测算: overrides checked against each parameter's kind and unit; a quick check answers the baseline and
 * the reform with the same rule; every parameter a rule reads can be set, and the steps say so.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluate, findRule, listParameters, listRules, metadataOf, rules } from '../../rules/index.ts';
import { validInputsFor } from '../support/arbitraries.ts';
import { whatIfCheck } from '../../rules/whatif/check.ts';
import { WhatIfTableBatch } from '../../rules/whatif/table-batch.ts';
import { kindOf, overridableParameters, readOverrides, type OverrideInput, type Overrides } from '../../rules/whatif/overrides.ts';
import { Dec } from '../../rules/core/decimal.ts';
import { SINCE_ALWAYS, valueOn, type Parameter } from '../../rules/parameters/types.ts';
import type { RuleCases } from '../../rules/core/cases.ts';

const MULTIPLIER = 'plan.overquotaReward.minimumWageMultiplier';

const read = (...inputs: OverrideInput[]): Overrides => {
  const r = readOverrides(inputs);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.overrides;
};

const refusal = (...inputs: OverrideInput[]) => {
  const r = readOverrides(inputs);
  expect(r.ok).toBe(false);
  return r.ok ? undefined : r.error;
};

describe('overrides are checked against the parameter', () => {
  it('an unknown id is refused, naming it', () => {
    expect(refusal({ parameter: 'plan.nothing.here', value: 4 })).toMatchObject({ code: 'unknown-parameter', field: 'plan.nothing.here' });
  });
  it('a parameter that is not a number, or that no rule reads when computing, is refused as such', () => {
    expect(refusal({ parameter: 'retirementReform.male.startMonth', value: '1966-01' })).toMatchObject({
      code: 'unknown-parameter',
      field: 'retirementReform.male.startMonth',
    });
    expect(refusal({ parameter: 'minimumWage.class1.districts', value: 1 })).toMatchObject({ code: 'unknown-parameter' });
    expect(refusal({ parameter: 'veteranCertificate.minGrade', value: 1 })?.message.en).toContain('no rule reads it');
    expect(refusal({ parameter: 'minimumWage.class3', value: 2400 })?.message.en).toContain('no rule reads it');
  });
  it('a negative multiplier is refused, naming the parameter', () => {
    const e = refusal({ parameter: MULTIPLIER, value: -4 });
    expect(e).toMatchObject({ code: 'invalid-override', field: MULTIPLIER });
    expect(e?.message.zh).toContain('不能为负数');
    expect(e?.message.zh).toContain(MULTIPLIER);
  });
  it('a value of the wrong type is refused', () => {
    for (const value of [true, 'four', { v: 4 }, null, [4], Number.NaN, '4e1', '']) {
      expect(refusal({ parameter: MULTIPLIER, value }), JSON.stringify(value)).toMatchObject({ code: 'invalid-override', field: MULTIPLIER });
    }
  });
  it('a whole-number parameter takes whole numbers; a ratio at most 1; money to the fen', () => {
    expect(refusal({ parameter: MULTIPLIER, value: '4.5' })?.message.en).toContain('whole numbers');
    expect(refusal({ parameter: 'quota.ratio', value: '1.5' })?.message.en).toContain('between 0 and 1');
    expect(refusal({ parameter: 'minimumWage.class1', value: '2400.001' })?.message.en).toContain('at most two decimals');
    expect(refusal({ parameter: MULTIPLIER, value: 4, from: '2025-13-01' })?.message.en).toContain('not a valid date');
    expect(refusal({ parameter: MULTIPLIER, value: 4 }, { parameter: MULTIPLIER, value: 3 })?.message.en).toContain('twice');
  });
  it('values are held as the parameter holds them', () => {
    const o = read(
      { parameter: MULTIPLIER, value: '4' },
      { parameter: 'quota.ratio', value: 0.02 },
      { parameter: 'minimumWage.class1', value: '2400', from: '2025-01-01' },
    );
    expect(o.list).toEqual([
      { parameter: MULTIPLIER, value: 4 },
      { parameter: 'quota.ratio', value: '0.02' },
      { parameter: 'minimumWage.class1', value: '2400', from: '2025-01-01' },
    ]);
    expect(Object.isFrozen(o)).toBe(true);
    expect(Object.isFrozen(o.list)).toBe(true);
  });
  it('the stored parameters are untouched', () => {
    read({ parameter: MULTIPLIER, value: 4 });
    const stored = listParameters().find((p) => p.id === MULTIPLIER)!;
    expect(valueOn(stored, '2024-06-30')?.value).toBe(5);
  });
});

describe('a quick check with overrides', () => {
  const rule = findRule('overquota-reward')!;
  it('answers the baseline, the reform and the difference; the steps say what changed', () => {
    const inputs = { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, date: '2024-06-30' };
    const r = whatIfCheck(rule, inputs, read({ parameter: MULTIPLIER, value: 4 }));
    expect(r.whatif).toBe(true);
    expect(r.mark.zh).toBe('测算');
    expect(r.overrides).toEqual([{ parameter: MULTIPLIER, value: 4, current: 5 }]);
    expect(r.baseline.ok && r.baseline.result.amount).toBe('29700.00');
    expect(r.reform.ok && r.reform.result.amount).toBe('23760.00');
    expect(r.change).toBe('-5940.00');
    expect(r.reform.ok && r.reform.steps[0].zh).toContain(`测算：每超额安排1名残疾人每年奖励的月最低工资倍数（${MULTIPLIER}）由 5 改为 4`);
    expect(r.baseline.ok && r.baseline.steps.some((s) => s.zh.startsWith('测算'))).toBe(false);
    // the same answer as evaluate(): the baseline is the official answer
    expect(r.baseline).toEqual(evaluate('overquota-reward', inputs));
  });
  it('a minimum-wage class at 2,400 from 2025-01-01: before that day the stored table, from it the override', () => {
    const o = read({ parameter: 'minimumWage.class1', value: 2400, from: '2025-01-01' });
    const before = whatIfCheck(rule, { totalStaff: 400, disabledCounted: 9, district: '昆都仑区', date: '2024-12-31' }, o);
    expect(before.change).toBe('0.00');
    const after = whatIfCheck(rule, { totalStaff: 400, disabledCounted: 9, district: '昆都仑区', date: '2025-06-30', applyOutsideValidity: true }, o);
    expect(after.reform.ok && after.reform.result.monthlyMinWage).toBe('2400.00');
    expect(after.change).toBe(new Dec(2400 - 2270).times(15).toFixed(2));
    expect(after.overrides[0]).toMatchObject({ current: '2270', from: '2025-01-01' });
  });
  it('a case that no longer applies under the override says so in the words of a normal answer', () => {
    // a ratio of 3 % puts 9 counted of 400 staff below the quota
    const r = whatIfCheck(
      rule,
      { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, date: '2024-06-30' },
      read({ parameter: 'quota.ratio', value: '0.03' }),
    );
    expect(r.reform.ok && r.reform.result.amount).toBe('0.00');
    // 6 days from now on: a 5-day course no longer qualifies, in the words a 4-day course gets today
    const training = findRule('rural-training-subsidy')!;
    const longer = whatIfCheck(
      training,
      { trainees: 20, classHours: 40, days: 5, date: '2024-06-30' },
      read({ parameter: 'plan.ruralTraining.minDays', value: 6 }),
    );
    const today = evaluate('rural-training-subsidy', { trainees: 20, classHours: 40, days: 5, date: '2024-06-30' });
    const short = evaluate('rural-training-subsidy', { trainees: 20, classHours: 40, days: 4, date: '2024-06-30' });
    expect(today.ok && today.eligible).toBe(true);
    expect(longer.reform.ok && longer.reform.eligible).toBe(false);
    expect(longer.change).toBe('-30000.00');
    expect(longer.reform.ok && longer.reform.failedConditions.map((c) => c.code)).toEqual(short.ok && short.failedConditions.map((c) => c.code));
    expect(longer.reform.ok && longer.reform.failedConditions[0].message.zh).toBe('培训 5 天，少于 6 天');
    expect(short.ok && short.failedConditions[0].message.zh).toBe('培训 4 天，少于 5 天');
  });
});

/** Every rule's cases (its folder's cases.ts): the inputs a rule is known to answer. */
const rulesRoot = new URL('../../rules/', import.meta.url);
const tables = await Promise.all(
  rules.map(
    async (rule) =>
      ((await import(new URL(`${rule.kind === 'helper' ? 'helpers' : 'clauses'}/${rule.id}/cases.ts`, rulesRoot).href)) as { default: RuleCases }).default,
  ),
);

/** A different valid value for a parameter: one more (a ratio: a hundredth less, or more from 0). */
function another(id: string, current: string | number): string | number {
  const p = overridableParameters().get(id)!;
  if (kindOf(p) === 'integer') return Number(current) + 1;
  const d = new Dec(current);
  return p.unit === 'ratio' ? (d.gte('0.01') ? d.minus('0.01') : d.plus('0.01')).toFixed() : d.plus(1).toFixed();
}

describe('every numeric parameter a rule reads can be set, on a quick check and on a batch', () => {
  const all = [...overridableParameters().values()];
  /** Every parameter that may be set, set to its stored history (each entry from its own day): the stored values on every date. */
  const lapses = (p: Parameter) => p.history.some((h, i) => h.value === null && i > 0);
  const storedHistory = (ps: Parameter[]) =>
    ps.flatMap((p) =>
      p.history.flatMap((h) =>
        h.value === null ? [] : [h.from === SINCE_ALWAYS ? { parameter: p.id, value: h.value } : { parameter: p.id, value: h.value, from: h.from }],
      ),
    );
  // A value that lapsed (the levy's reductions from 2028, the registration-years exemption from 2017) has no stored value to set after it:
  // the equality check leaves those out; finding what a rule reads takes them all.
  const asStored = read(...storedHistory(all.filter((p) => !lapses(p))));
  const everyOne = read(...storedHistory(all));
  const readBy = new Map<string, Set<string>>();

  for (const table of tables) {
    it(`${table.rule}: each parameter it reads, set, is applied and named in the steps`, () => {
      const rule = findRule(table.rule)!;
      const reads = new Set<string>();
      // its cases, and random valid inputs (a fixed seed) for the paths the cases do not take
      const sampled = fc
        .sample(validInputsFor(metadataOf(rule)), { numRuns: 60, seed: 22 })
        .map((input, i) => ({ name: `sample ${i}`, input, error: undefined }));
      for (const c of [...table.cases, ...sampled]) {
        if (c.error) continue;
        // the stored values: the same figure as the official answer, and the steps name what was read
        // (a value that lapsed, as the levy's reductions from 2028, has no stored value to set: those dates are left out)
        const same = whatIfCheck(rule, c.input, asStored);
        expect(same.reform.ok, c.name).toBe(same.baseline.ok);
        if (same.reform.ok && same.baseline.ok) {
          expect(same.reform.result[rule.primary], c.name).toEqual(same.baseline.result[rule.primary]);
          expect(same.reform.eligible, c.name).toBe(same.baseline.eligible);
        }
        const every = whatIfCheck(rule, c.input, everyOne);
        if (!every.reform.ok) continue;
        const named = every.reform.steps.filter((s) => s.en.startsWith('What-if: ')).map((s) => s.en.slice(9).split(' ')[0]);
        for (const id of named) reads.add(id);
        // each parameter read, set to another value: applied, named, never an internal error
        for (const id of named) {
          const stored = every.reform.steps
            .find((s) => s.en.startsWith(`What-if: ${id} `))!
            .en.split(' to ')
            .at(-1)!;
          // read on a day it holds no number (the levy's cap or tiers before they began): there is no value to move from
          if (stored === 'none') continue;
          // the others as in the run that found it (so the path that reads it is taken again)
          const others = storedHistory(all).filter((o) => o.parameter !== id);
          const set = read(...others, { parameter: id, value: another(id, stored) });
          const moved = { ...whatIfCheck(rule, c.input, set), overridesSet: set };
          if (!moved.reform.ok) {
            expect(moved.reform.error.code, `${c.name}: ${id}`).not.toBe('internal-error');
            continue;
          }
          expect(
            moved.reform.steps.some((s) => s.en.startsWith(`What-if: ${id} `)),
            `${c.name}: ${id}`,
          ).toBe(true);
          // the same override on a batch of that one row (the rule's own cases): the reform's figure is the quick check's
          if (c.name.startsWith('sample ')) continue;
          const batch = new WhatIfTableBatch(rule, metadataOf(rule), moved.overridesSet);
          const pair = batch.pair(batch.addObject(c.input));
          expect(pair.status, `${c.name}: ${id} (batch)`).toBe('ok');
          expect(pair.reform, `${c.name}: ${id} (batch)`).toEqual(moved.reform.result[rule.primary]);
        }
      }
      readBy.set(table.rule, reads);
    }, 60_000);
  }

  it('every parameter that may be set is read by some rule through ctx.at (so setting it changes something)', () => {
    const readSomewhere = new Set([...readBy.values()].flatMap((s) => [...s]));
    expect(readBy.size).toBe(listRules().length);
    expect(all.map((p) => p.id).filter((id) => !readSomewhere.has(id))).toEqual([]);
  });
});

describe('exactness (property): an override equal to the stored value changes nothing', () => {
  const all = [...overridableParameters().values()].filter((p) => !p.history.some((h, i) => h.value === null && i > 0));
  const asStored = read(
    ...all.flatMap((p) =>
      p.history.flatMap((h) =>
        h.value === null ? [] : [h.from === SINCE_ALWAYS ? { parameter: p.id, value: h.value } : { parameter: p.id, value: h.value, from: h.from }],
      ),
    ),
  );
  const moneyRules = listRules().filter((m) => m.outputs.some((o) => o.name === m.primary && o.type === 'money'));

  it.each(moneyRules.map((m) => [m.id, m] as const))(
    '%s: every row differs by exactly 0.00; the totals, by district too, are the same on both sides',
    (_id, meta) => {
      const rule = findRule(meta.id)!;
      fc.assert(
        fc.property(fc.array(validInputsFor(meta), { minLength: 1, maxLength: 25 }), (rows) => {
          const batch = new WhatIfTableBatch(rule, meta, asStored);
          for (const row of rows) {
            const pair = batch.pair(batch.addObject(row));
            if (pair.status === 'ok') expect(pair.change).toBe('0.00');
          }
          const { totals } = batch.whatIfSummary();
          if (!totals) return;
          expect(totals.reform).toEqual(totals.baseline);
          expect(totals.change.computed).toBe('0.00');
          for (const d of Object.values(totals.change.byDistrict ?? {})) expect(d.computed).toBe('0.00');
        }),
        { numRuns: 40, seed: 22 },
      );
    },
  );

  it('totals by district add up to the whole on both sides when every row names its district', () => {
    const meta = listRules().find((m) => m.id === 'overquota-reward')!;
    const rule = findRule(meta.id)!;
    const moved = read({ parameter: MULTIPLIER, value: 4 }, { parameter: 'minimumWage.class2', value: '2400.50' });
    const row = fc.record({
      totalStaff: fc.integer({ min: 1, max: 3000 }),
      disabledCounted: fc.integer({ min: 0, max: 200 }).map((n) => (n / 4).toFixed(2)),
      district: fc.constantFrom('昆都仑区', '青山区', '固阳县', '达茂旗', '土右旗', '九原区'),
      date: fc.constantFrom('2024-06-30', '2024-12-01', '2023-05-01'),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
        const same = new WhatIfTableBatch(rule, meta, asStored);
        const batch = new WhatIfTableBatch(rule, meta, moved);
        let change = new Dec(0);
        for (const r of rows) {
          expect(same.pair(same.addObject(r)).change ?? '0.00').toBe('0.00');
          const pair = batch.pair(batch.addObject(r));
          if (pair.change) change = change.plus(pair.change);
        }
        const { totals } = batch.whatIfSummary();
        for (const side of [totals!.baseline, totals!.reform, totals!.change]) {
          const sum = Object.values(side.byDistrict ?? {}).reduce((s, d) => s.plus(d.computed), new Dec(0));
          expect(sum.toFixed(2)).toBe(side.computed);
        }
        expect(new Dec(totals!.reform.computed).minus(totals!.baseline.computed).toFixed(2)).toBe(totals!.change.computed);
        expect(change.toFixed(2)).toBe(totals!.change.computed);
      }),
      { numRuns: 60, seed: 22 },
    );
  });
});
