/**
 * Figures a rule keeps from row to row of an untraced batch (rules/helpers/training/training.ts: a training amount and
 * its shares per standard, city share and number of trainees; rules/clauses/dpf-cadre-ratio/rule.ts: the share of disabled
 * cadres and the fewest needed per minimum share, total and disabled cadres; rules/helpers/min-wage/rule.ts: the wage table's figure
 * per parameter set, district and date), checked for what they must still give: every row of a batch equals the same
 * row's lone `evaluate()`, figures and warnings, before and past the bound on what is kept (MAX_KEPT_KEYS), and a row
 * given its own figures never gets another row's.
 */
import { describe, expect, it } from 'vitest';
import { KeptFigures, MAX_KEPT_KEYS } from '../../rules/core/kept-figures.ts';
import { evaluate, evaluateBatch } from '../../rules/index.ts';

/** Each row's batch answer against the same row's lone evaluation: result and warnings. */
function expectBatchEqualsLone(ruleId: string, rows: Record<string, unknown>[]) {
  const batch = evaluateBatch(ruleId, rows);
  expect(batch.rows).toHaveLength(rows.length);
  batch.rows.forEach((row, i) => {
    const lone = evaluate(ruleId, rows[i]);
    if (!lone.ok) throw new Error(`row ${i} refused: ${lone.error.code}`);
    expect(row.status, `row ${i}`).toBe('ok');
    expect(row.result, `row ${i}`).toEqual(lone.result);
    expect(row.warnings ?? [], `row ${i}`).toEqual(lone.warnings);
  });
  return batch;
}

describe('figures kept across a batch’s rows', () => {
  it('skills-training: every number of trainees, past the bound and again, gives its own amount and shares', () => {
    const counts = [...Array.from({ length: MAX_KEPT_KEYS + 20 }, (_, i) => i), 1, 2, 0, MAX_KEPT_KEYS + 5, 3];
    const rows = counts.map((trainees) => ({ trainees, classHours: 80, days: 10, date: '2024-06-30' }));
    const batch = expectBatchEqualsLone('skills-training-subsidy', rows);
    const amounts = batch.rows.map((r) => Number(r.result!.amount));
    const perPerson = amounts[1];
    expect(perPerson).toBeGreaterThan(0);
    counts.forEach((n, i) => expect(amounts[i], `trainees ${n}`).toBe(n * perPerson));
  });

  it('dpf-cadre-ratio: every pair of total and disabled cadres, past the bound and again, gives its own share and minimum', () => {
    const totals = [...Array.from({ length: MAX_KEPT_KEYS + 20 }, (_, i) => i + 1), 1, 3, MAX_KEPT_KEYS + 5, 7];
    const rows = totals.flatMap((totalCadres) =>
      [0, 1, 2, 3].filter((d) => d <= totalCadres).map((disabledCadres) => ({ totalCadres, disabledCadres, date: '2024-06-30' })),
    );
    const batch = expectBatchEqualsLone('dpf-cadre-ratio', rows);
    // the share in ten-thousandths, rounded half up, in whole numbers: (2 · d · 10^4 + t) div (2 · t)
    const tenThousandths = (row: { totalCadres: number; disabledCadres: number }) =>
      Math.floor((2 * row.disabledCadres * 10_000 + row.totalCadres) / (2 * row.totalCadres));
    rows.forEach((row, i) => expect(Number((batch.rows[i].result!.ratio as string).replace('.', '')), `row ${i}`).toBe(tenThousandths(row)));
  });

  it('graduate-hire: a given wage checked against the table on more dates than are kept, either side of a new table, warns as a lone evaluation does', () => {
    // the region's table changes on 2024-12-01 (1980 → 2270 yuan in class 1): a wage of 1980 is the table's before, not after
    const days = Array.from({ length: 30 }, (_, i) => String(i + 1).padStart(2, '0'));
    const dates = days.flatMap((d) => [`2024-10-${d}`, `2024-12-${d}`, `2024-11-${d}`]);
    expect(dates.length).toBeGreaterThan(MAX_KEPT_KEYS);
    const rows = dates.map((date) => ({ persons: 1, monthlyMinWage: 1980, district: '昆都仑区', contractMonths: 12, socialInsurance: true, date }));
    const batch = expectBatchEqualsLone('graduate-hire-subsidy', rows);
    const warned = dates.filter((_, i) => (batch.rows[i].warnings ?? []).length > 0);
    expect(warned).toEqual(dates.filter((d) => d >= '2024-12-01'));
  });
});

describe('KeptFigures', () => {
  it('finds a figure only by all three of its keys, keeps null as a figure, and gives back what it keeps', () => {
    const kept = new KeptFigures<object, string, number, string | null>();
    const root = {};
    expect(kept.keep(root, 'a', 1, 'a1')).toBe('a1');
    expect(kept.keep(root, 'a', 2, null)).toBeNull();
    expect(kept.find(root, 'a', 1)).toBe('a1');
    expect(kept.find(root, 'a', 2)).toBeNull();
    expect(kept.find(root, 'a', 3)).toBeUndefined();
    expect(kept.find(root, 'b', 1)).toBeUndefined();
    expect(kept.find({}, 'a', 1)).toBeUndefined();
  });

  it('keeps at most MAX_KEPT_KEYS keys at each level, and past that still gives back the figure it was handed', () => {
    const kept = new KeptFigures<object, number, number, number>();
    const root = {};
    for (let b = 0; b < MAX_KEPT_KEYS + 10; b++) expect(kept.keep(root, 0, b, b)).toBe(b);
    expect(kept.find(root, 0, MAX_KEPT_KEYS - 1)).toBe(MAX_KEPT_KEYS - 1);
    expect(kept.find(root, 0, MAX_KEPT_KEYS)).toBeUndefined();
    for (let a = 1; a < MAX_KEPT_KEYS + 10; a++) expect(kept.keep(root, a, 0, a)).toBe(a);
    expect(kept.find(root, MAX_KEPT_KEYS - 1, 0)).toBe(MAX_KEPT_KEYS - 1);
    expect(kept.find(root, MAX_KEPT_KEYS, 0)).toBeUndefined();
  });
});
