// TableBatch's JSON rows (addObject) and the batch totals, in Node: a row's answer is its own whatever rows came before
// (the columns of its keys are remembered per shape of keys), and the totals and each district's line are the exact sums.
import { describe, expect, it } from 'vitest';
import { findRule, metadataOf } from '../../rules/index.ts';
import { TableBatch } from '../../rules/tables/index.ts';
import { NO_DISTRICT } from '../../rules/tables/totals.ts';
import { Dec, money } from '../../rules/core/decimal.ts';
import type { BatchRow } from '../../rules/batch.ts';

const rule = findRule('overquota-reward')!;
const meta = metadataOf(rule);

const base = (i: number) => ({ rowId: String(i), totalStaff: 100 + i, disabledCounted: (i % 7) + 1, monthlyMinWage: '1980.00' });

/** JSON rows of many shapes: the same keys in other orders, keys left out or added, two keys naming one input, skips. */
function oddRow(i: number): unknown {
  const r = base(i);
  switch (i % 16) {
    case 0:
      return r;
    case 1:
      return { monthlyMinWage: r.monthlyMinWage, disabledCounted: r.disabledCounted, totalStaff: r.totalStaff, rowId: r.rowId };
    case 2:
      return { ...r, district: ['昆都仑', '青山区', '东河', '不是旗县区'][Math.floor(i / 16) % 4] };
    case 3:
      return { ...r, 备注: `x${i}` };
    case 4:
      return { ...r, 在职职工总数: r.totalStaff };
    case 5:
      return { ...r, rowId: '合计' };
    case 6:
      return {};
    case 7:
      return { rowId: r.rowId, totalStaff: null, disabledCounted: '', monthlyMinWage: ' ' };
    case 8:
      return JSON.parse(`{"__proto__":{"totalStaff":1},"rowId":"${i}","totalStaff":${r.totalStaff},"disabledCounted":2}`);
    case 9:
      return { ...r, rowId: { id: i } };
    case 10:
      return { ...r, claimed: `${1000 + i}.50` };
    case 11:
      return { rowId: r.rowId, totalStaff: r.totalStaff };
    case 12:
      return { ...r, rowId: '说明：填写要求' };
    case 13:
      return [r];
    case 14:
      return { ...r, 行号: 'A', district: '昆都仑区', claimed: '12.3' };
    default:
      return { ...r, totalStaff: '示例' };
  }
}

/** A row's answer without its place in the batch. */
const answerOf = (row: BatchRow) => {
  const { index: _index, ...rest } = row as BatchRow & { index?: number };
  return rest;
};

describe('JSON rows (TableBatch.addObject)', () => {
  it('answers each row as a batch of that row alone does, whatever shapes of keys came before', () => {
    const batch = new TableBatch(rule, meta);
    // shapes in turn, and more shapes than are remembered at once, then back to the first ones
    const order = [...Array.from({ length: 64 }, (_, i) => i), ...Array.from({ length: 64 }, (_, i) => (i * 5) % 48), 0, 0, 1, 1, 0];
    order.forEach((i, n) => {
      const row = oddRow(i);
      // the row alone, at the same place (a refusal names its row)
      const alone = new TableBatch(rule, meta);
      for (let k = 0; k < n; k++) alone.refuse({ code: 'malformed-json', message: { zh: '', en: '' } });
      expect(answerOf(batch.addObject(row)), JSON.stringify(row)).toEqual(answerOf(alone.addObject(row)));
    });
    expect(batch.summary().rows).toBe(order.length);
  });

  it('refuses two keys naming one input after the skip tests, naming both keys', () => {
    const batch = new TableBatch(rule, meta);
    const twice = batch.addObject({ rowId: '1', totalStaff: 10, disabledCounted: 1, 在职职工总数: 10 });
    expect(twice.status).toBe('invalid');
    expect(twice.error?.message.en).toBe('"totalStaff" and "在职职工总数" both name the input totalStaff');
    expect(twice.rowId).toBe('1');
    // the same keys on a total row: skipped, not refused
    expect(batch.addObject({ rowId: '合计', totalStaff: 10, disabledCounted: 1, 在职职工总数: 10 }).status).toBe('skipped');
    // and a row of the first shape without the second key is computed
    expect(batch.addObject({ rowId: '3', totalStaff: 10, disabledCounted: 1 }).status).toBe('ok');
  });

  it('reads keys again after a mapping is set', () => {
    const batch = new TableBatch(rule, meta);
    const row = { a: '1', b: 500, c: 9, d: 1980 };
    expect(batch.addObject(row).status).not.toBe('ok');
    batch.useMapping({ a: 'rowId', b: 'totalStaff', c: 'disabledCounted', d: 'monthlyMinWage' });
    const mapped = batch.addObject(row);
    expect(mapped.status).toBe('ok');
    expect(mapped.rowId).toBe('1');
  });
});

describe('batch totals', () => {
  it('are the exact sums of the computed rows, and the district lines add up to them', () => {
    const batch = new TableBatch(rule, meta);
    const rows: BatchRow[] = [];
    for (let i = 0; i < 400; i++) rows.push(batch.addObject(oddRow(i)));
    const computed = rows.filter((r) => r.status === 'ok' || r.status === 'mismatch');
    const sum = (values: unknown[]) => money(values.reduce<Dec>((s, v) => s.plus(v as string), new Dec(0)));
    const totals = batch.summary().totals!;
    expect(totals.rows).toBe(computed.length);
    expect(totals.computed).toBe(sum(computed.map((r) => r.result![meta.primary])));
    const claimed = computed.filter((r) => r.claimed !== undefined);
    expect(claimed.length).toBeGreaterThan(0);
    expect(totals.claimedRows).toBe(claimed.length);
    expect(totals.claimed).toBe(sum(claimed.map((r) => r.claimed)));
    expect(totals.difference).toBe(sum(claimed.map((r) => r.difference)));
    const lines = Object.values(totals.byDistrict!);
    expect(Object.keys(totals.byDistrict!)).toContain(NO_DISTRICT);
    expect(Object.keys(totals.byDistrict!).length).toBeGreaterThan(2);
    for (const field of ['computed', 'claimed', 'computedClaimed', 'difference'] as const) expect(sum(lines.map((l) => l[field]))).toBe(totals[field]);
    expect(lines.reduce((n, l) => n + l.rows, 0)).toBe(totals.rows);
    expect(lines.reduce((n, l) => n + l.claimedRows, 0)).toBe(totals.claimedRows);
  });
});
