/**
 * What evaluating a row no longer does every time, checked for what it must still give: readings kept per date
 * and parameter set (a batch's, and the memo lone evaluations share), refusals made without a stack trace,
 * a condition's words rendered only when it fails, and a traced answer's lists made for it alone.
 */
import { describe, expect, it } from 'vitest';
import { Context } from '../../rules/core/context.ts';
import { fail, RuleError } from '../../rules/core/errors.ts';
import { evaluate, evaluateBatch, evaluateRule, findRule, servedParameters, type ParameterSet } from '../../rules/index.ts';
import { quota } from '../../rules/parameters/inner-mongolia.ts';
import { expectOk } from './helpers.ts';

/** The served parameters with the quota ratio given another value from the served set's first day (a set of the test's own). */
function withQuotaRatio(value: string): ParameterSet {
  const served = servedParameters.byId[quota.ratio.id];
  const changed = { ...served, history: served.history.map((h) => ({ ...h, value })) };
  return {
    ...servedParameters,
    parameters: servedParameters.parameters.map((p) => (p.id === quota.ratio.id ? changed : p)),
    byId: { ...servedParameters.byId, [quota.ratio.id]: changed },
  };
}

describe('readings kept across evaluations', () => {
  const rule = findRule('overquota-reward')!;
  const row = { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, date: '2024-06-30' };

  it('lone evaluations on the same date read each parameter set’s own numbers, in any order', () => {
    const other = withQuotaRatio('0.02');
    const served1 = expectOk(evaluateRule(rule, row));
    const changed1 = expectOk(evaluateRule(rule, row, { parameters: other }));
    const served2 = expectOk(evaluateRule(rule, row));
    const changed2 = expectOk(evaluateRule(rule, row, { parameters: other }));
    expect(served1.result.quotaPersons).toBe('6');
    expect(changed1.result.quotaPersons).toBe('8');
    expect(served2).toEqual(served1);
    expect(changed2).toEqual(changed1);
  });

  it('a batch’s rows read its own parameter set, row after row, as lone evaluations do', () => {
    const other = withQuotaRatio('0.02');
    const rows = [row, { ...row, disabledCounted: 12 }, { ...row, date: undefined }];
    const batched = evaluateBatch(rule.id, rows, { parameters: other }).rows.map((r) => r.result);
    expect(batched).toEqual(rows.map((r) => expectOk(evaluateRule(rule, r, { parameters: other })).result));
  });

  it('a batch’s entries of parameters (ctx.entry), kept by date, are each date’s own: its rows answer as lone evaluations do', () => {
    const levy = findRule('levy-due')!;
    // data years across the levy rules' changes (formula, wage cap, exemptions, reduced rates), each year twice, some dated
    const rows = [2014, 2016, 2017, 2018, 2019, 2020, 2023, 2024, 2027].flatMap((year, i) => [
      { totalStaff: 20 + 40 * i, disabledCounted: i / 4, averageWage: 60000 + 1000 * i, socialAverageWage: 30000, year },
      { totalStaff: 35 + 40 * i, disabledCounted: 0.5, averageWage: 90000, year, date: `${year + 1}-0${1 + (i % 9)}-15` },
    ]);
    const answers = rows.map((r) => evaluateRule(levy, r));
    const batched = evaluateBatch(levy.id, [...rows, ...rows]).rows;
    expect(batched.map((r) => r.result ?? r.error)).toEqual([...answers, ...answers].map((a) => (a.ok ? a.result : a.error)));
    expect(answers.filter((a) => a.ok).length).toBeGreaterThan(rows.length / 2);
  });
});

describe('refusals', () => {
  it('are RuleErrors with their body, made without a stack trace (and the limit is restored)', () => {
    const limit = Error.stackTraceLimit;
    let caught: unknown;
    try {
      fail('inconsistent-input', '不成立', 'impossible', 'disabledCounted');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RuleError);
    expect(caught).toBeInstanceOf(Error);
    const error = caught as RuleError;
    expect(error.body).toEqual({ code: 'inconsistent-input', field: 'disabledCounted', message: { zh: '不成立', en: 'impossible' } });
    expect(error.message).toBe('inconsistent-input (disabledCounted): impossible');
    expect(error.stack ?? '').not.toMatch(/\n\s+at /);
    expect(Error.stackTraceLimit).toBe(limit);
  });
});

describe('conditions', () => {
  it('render their words only when they fail, and record them as before', () => {
    const ctx = new Context('2024-06-30');
    expect(
      ctx.condition(true, 'never', () => {
        throw new Error('rendered a condition that holds');
      }),
    ).toBe(true);
    expect(ctx.condition(false, 'too-short', () => ['短', 'short'])).toBe(false);
    expect(ctx.condition(false, 'fixed', '固定', 'fixed words')).toBe(false);
    expect(ctx.failed).toEqual([
      { code: 'too-short', message: { zh: '短', en: 'short' } },
      { code: 'fixed', message: { zh: '固定', en: 'fixed words' } },
    ]);
    expect(ctx.steps).toEqual([
      { zh: '不符合：短', en: 'Not met: short' },
      { zh: '不符合：固定', en: 'Not met: fixed words' },
    ]);
  });
});

describe('untraced evaluations', () => {
  const rule = findRule('overquota-reward')!;
  const row = { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, date: '2024-06-30' };

  it('make no steps, hints or interpretations, and give the traced answer’s figures, verdict and warnings', () => {
    const traced = expectOk(evaluateRule(rule, row));
    const untraced = expectOk(evaluateRule(rule, row, { explain: false }));
    expect(traced.steps.length).toBeGreaterThan(0);
    expect(traced.interpretations.length).toBeGreaterThan(0);
    expect([untraced.steps, untraced.hints, untraced.interpretations]).toEqual([[], [], []]);
    expect([untraced.result, untraced.eligible, untraced.failedConditions, untraced.warnings]).toEqual([
      traced.result,
      traced.eligible,
      traced.failedConditions,
      traced.warnings,
    ]);
  });

  it('a context makes its lists when first written, and gives none written as empty', () => {
    const ctx = new Context('2024-06-30', undefined, false);
    expect([ctx.warningsGiven, ctx.failedGiven]).toEqual([[], []]);
    ctx.rely('effective-date');
    ctx.warn('警告', 'warning');
    ctx.condition(false, 'fixed', '固定', 'fixed words');
    expect(ctx.relied).toEqual([]);
    expect(ctx.warningsGiven).toBe(ctx.warnings);
    expect(ctx.warnings).toEqual([{ zh: '警告', en: 'warning' }]);
    expect(ctx.failedGiven).toBe(ctx.failed);
    expect(ctx.failed.map((f) => f.code)).toEqual(['fixed']);
  });
});

describe('traced answers', () => {
  // an answer's lists are made per evaluation (each with its first item), its interpretations kept by the context itself
  const cases = [
    { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980 }, // above the quota, undated: a warning, steps, a hint
    { totalStaff: 400, disabledCounted: 5, monthlyMinWage: 1980, date: '2024-06-30' }, // not above it
    { totalStaff: 400, disabledCounted: 9, unitKind: 'fiscal-funded', date: '2024-06-30' }, // a failed condition
  ];

  it('are each their own: a caller changing one answer’s lists or figures changes no later answer', () => {
    for (const input of cases) {
      const first = expectOk(evaluate('overquota-reward', input));
      const shown = JSON.stringify(first);
      expect(first.steps.length + first.hints.length + first.interpretations.length + first.warnings.length).toBeGreaterThan(1);
      for (const list of [first.steps, first.hints, first.warnings, first.interpretations, first.failedConditions] as unknown[][]) list.push('changed');
      first.result.amount = 'changed';
      const second = expectOk(evaluate('overquota-reward', input));
      expect(JSON.stringify(second)).toBe(shown);
      for (const part of ['steps', 'hints', 'warnings', 'interpretations', 'failedConditions', 'result'] as const) expect(second[part]).not.toBe(first[part]);
    }
  });

  it('word overquota-reward’s steps as its templates did: the staff count, and a case not above the quota under each quota share', () => {
    const input = { totalStaff: 1234, disabledCounted: 5, monthlyMinWage: 1980, date: '2024-06-30' };
    const steps = (parameters?: ParameterSet) => expectOk(evaluateRule(findRule('overquota-reward')!, input, { parameters })).steps.slice(0, 2);
    expect(steps()).toEqual([
      { zh: '1.5% × 1234 = 18.51', en: '1.5% × 1234 = 18.51' },
      { zh: '5 未超过 18.51（须“超过”1.5%）：0 人超比例', en: '5 does not exceed 18.51 (must be strictly above 1.5%): 0 persons above the quota' },
    ]);
    // the step's end is made once per share: another share has its own
    expect(steps(withQuotaRatio('0.02'))).toEqual([
      { zh: '2% × 1234 = 24.68', en: '2% × 1234 = 24.68' },
      { zh: '5 未超过 24.68（须“超过”2%）：0 人超比例', en: '5 does not exceed 24.68 (must be strictly above 2%): 0 persons above the quota' },
    ]);
    expect(steps()[1].zh).toBe('5 未超过 18.51（须“超过”1.5%）：0 人超比例');
  });

  it('give the same steps and hints whether a rule renders its words or gives them in an explaining block', () => {
    const ctx = new Context('2024-06-30');
    ctx.step(() => ['步骤', 'step']);
    ctx.step('步骤', 'step');
    ctx.hint(() => ['提示', 'hint']);
    ctx.hint('提示', 'hint');
    ctx.rely('effective-date');
    ctx.rely('effective-date');
    expect([ctx.steps, ctx.hints, ctx.relied.map((i) => i.id)]).toEqual([
      [
        { zh: '步骤', en: 'step' },
        { zh: '步骤', en: 'step' },
      ],
      [
        { zh: '提示', en: 'hint' },
        { zh: '提示', en: 'hint' },
      ],
      ['effective-date'],
    ]);
    const untraced = new Context('2024-06-30', undefined, false);
    untraced.step('步骤', 'step');
    untraced.hint('提示', 'hint');
    expect([untraced.steps, untraced.hints]).toEqual([[], []]);
  });
});

describe('a row’s names, read in one pass', () => {
  const rule = findRule('overquota-reward')!;
  const refusalOf = (raw: unknown) => {
    const e = evaluateRule(rule, raw);
    return e.ok ? undefined : e.error;
  };

  it('refuses the first name that is no input, before any bad value, and passes over only what a batch row names besides', () => {
    expect(refusalOf({ totalStaff: 'many', extra: 1, other: 2 })).toMatchObject({ code: 'unknown-input', field: 'extra' });
    expect(refusalOf({ rowId: 1, totalStaff: 400, disabledCounted: 9 })).toMatchObject({ code: 'unknown-input', field: 'rowId' });
    const batch = evaluateBatch(rule.id, [{ rowId: 'a', claimed: '0', totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, date: '2024-06-30' }]);
    expect(batch.rows[0]).toMatchObject({ rowId: 'a', status: 'mismatch', claimed: '0.00' });
  });

  it('reads rows whose keys come in another order, or differ, as each alone', () => {
    const rows: Record<string, unknown>[] = [
      { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, date: '2024-06-30' },
      { date: '2024-06-30', monthlyMinWage: 2270, disabledCounted: 30, totalStaff: 1000 },
      { totalStaff: 400, extra: 9, monthlyMinWage: 1980, date: '2024-06-30' },
      { totalStaff: 400, disabledCounted: 12, monthlyMinWage: 1980, date: '2024-06-30' },
      { totalStaff: 400, monthlyMinWage: 1980 },
    ];
    const batch = evaluateBatch(rule.id, rows);
    const alone = rows.map((row) => evaluateRule(rule, row));
    expect(batch.rows.map((r) => r.result ?? r.error)).toEqual(alone.map((e) => (e.ok ? e.result : e.error)));
    expect(batch.rows[2].error).toMatchObject({ code: 'unknown-input', field: 'extra' });
    expect(batch.rows[4].error).toMatchObject({ code: 'missing-input', field: 'disabledCounted' });
  });

  it('reads an inherited name as a value, and refuses no inherited name that is no input', () => {
    const row = Object.create({ monthlyMinWage: 1980, inherited: 'not an input' }) as Record<string, unknown>;
    Object.assign(row, { totalStaff: 400, disabledCounted: 9, date: '2024-06-30' });
    const e = expectOk(evaluateRule(rule, row));
    expect(e.result.monthlyMinWage).toBe('1980.00');
  });
});

describe('decimals a spec read lately', () => {
  const rule = findRule('overquota-reward')!;
  const wageOf = (monthlyMinWage: unknown) => {
    const e = evaluateRule(rule, { totalStaff: 400, disabledCounted: 9, monthlyMinWage, date: '2024-06-30' });
    return e.ok ? e.result.monthlyMinWage : e.error.code;
  };

  it('read again, give what they gave, whatever was read between (values that share a slot, numbers and texts alike)', () => {
    // 1 and 2.44 (100 and 244 hundredths) share a slot of the 128, as do the texts "1980.00" and "1519.00"
    // (as coerce.ts hashes them today); "1980" and 1980 are a text and a number
    const values: unknown[] = [1, 2.44, 1, '1980', 1980, '1980.5', 2.44, '1980', '１９８０', 1980.5, '1980.00', '1519.00', '1980.00'];
    expect(values.map(wageOf)).toEqual([
      '1.00',
      '2.44',
      '1.00',
      '1980.00',
      '1980.00',
      '1980.50',
      '2.44',
      '1980.00',
      '1980.00',
      '1980.50',
      '1980.00',
      '1519.00',
      '1980.00',
    ]);
  });

  it('refuse a value out of bounds every time, and a refused value is never kept', () => {
    expect([0, 0, '0', -0, '-0', 1980, 0].map(wageOf)).toEqual([
      'out-of-range',
      'out-of-range',
      'out-of-range',
      'out-of-range',
      'out-of-range',
      '1980.00',
      'out-of-range',
    ]);
  });

  it('are the same decimals a row reads alone: a batch of repeated values answers as each row alone', () => {
    const rows = [1980, '2270.00', 1980, 2270, '1980', 1910].map((monthlyMinWage, i) => ({ totalStaff: 400 + i, disabledCounted: 9 + i, monthlyMinWage }));
    const batch = evaluateBatch(rule.id, rows);
    expect(batch.rows.map((r) => r.result)).toEqual(rows.map((row) => expectOk(evaluateRule(rule, row)).result));
  });
});
