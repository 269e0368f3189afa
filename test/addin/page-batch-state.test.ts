/**
 * The page's batch state without a browser: the column mapping remembered per rule, the query an upload
 * is sent with, the sheets offered, and the rows counted off a JSON answer arriving in pieces (shaped as
 * the batch route writes it, including a clerk's text with braces, quotes and "rows" in it).
 */
import { describe, expect, it } from 'vitest';
import { evaluateBatch, listRules } from '../../rules/index.ts';
import {
  batchQuery,
  columnTargets,
  duplicateTarget,
  loadMapping,
  rememberMapping,
  sheetChoices,
  sheetsToOffer,
  StreamedRowCounter,
  type KeyValueStore,
} from '../../page/batch-state.ts';

const meta = listRules().find((r) => r.id === 'overquota-reward')!;
const other = listRules().find((r) => r.id !== 'overquota-reward' && r.inputs.some((i) => i.type !== 'records'))!;

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('column mapping memory', () => {
  it('remembers choices per rule, forgets a column set back to "not computed", and keeps rules apart', () => {
    const store = memoryStore();
    expect(loadMapping(store, meta)).toEqual({});
    expect(rememberMapping(store, meta, { 职工合计: 'totalStaff', 单位名称: '' })).toEqual({ 职工合计: 'totalStaff' });
    expect(rememberMapping(store, meta, { 残疾职工: 'disabledCounted', 申请额: 'claimed' })).toEqual({
      职工合计: 'totalStaff',
      残疾职工: 'disabledCounted',
      申请额: 'claimed',
    });
    expect(loadMapping(store, meta)).toEqual({ 职工合计: 'totalStaff', 残疾职工: 'disabledCounted', 申请额: 'claimed' });
    expect(loadMapping(store, other)).toEqual({});
    rememberMapping(store, meta, { 职工合计: '', 残疾职工: '', 申请额: '' });
    expect(loadMapping(store, meta)).toEqual({});
    expect(store.data.size).toBe(0);
  });

  it('drops what the rule does not have, and survives stored text that is not ours or no storage at all', () => {
    const store = memoryStore();
    store.setItem(`bt-columns:${meta.id}`, JSON.stringify({ 甲: 'noSuchInput', 乙: 'totalStaff', 丙: 7, '': 'claimed' }));
    expect(loadMapping(store, meta)).toEqual({ 乙: 'totalStaff' });
    store.setItem(`bt-columns:${meta.id}`, '{not json');
    expect(loadMapping(store, meta)).toEqual({});
    expect(loadMapping(undefined, meta)).toEqual({});
    expect(rememberMapping(undefined, meta, { 甲: 'totalStaff' })).toEqual({ 甲: 'totalStaff' });
  });

  it('offers every input that can be a column, and the batch’s own 序号 and 申报金额', () => {
    expect(columnTargets(meta)).toEqual([...meta.inputs.filter((i) => i.type !== 'records').map((i) => i.name), 'rowId', 'claimed']);
  });

  it('finds two columns mapped to one input', () => {
    expect(duplicateTarget({ a: 'totalStaff', b: '', c: 'totalStaff' })).toEqual({ header: 'c', target: 'totalStaff' });
    expect(duplicateTarget({ a: 'totalStaff', b: '', c: '' })).toBeUndefined();
  });
});

describe('the upload query', () => {
  it('sends the sheet and the mapping as URL-encoded JSON, and nothing when there is none', () => {
    const params = new URLSearchParams(batchQuery({ sheet: '申报表 2', mapping: { 职工合计: 'totalStaff' } }));
    expect(params.get('cells')).toBe('1');
    expect(params.get('sheet')).toBe('申报表 2');
    expect(JSON.parse(params.get('columns')!)).toEqual({ 职工合计: 'totalStaff' });
    expect(batchQuery({ mapping: {} })).toBe('cells=1');
  });

  it('keeps offering every sheet after one was chosen, with what was found on the one read', () => {
    const first = [
      { name: '填表说明', found: { zh: '填表说明，已跳过', en: 'instructions' } },
      { name: '申报表', found: { zh: '第 3 行起为表头', en: 'header on row 3' } },
      { name: '第二批', found: { zh: '未读取', en: 'not read' } },
    ];
    expect(sheetsToOffer({}, first)).toEqual(first);
    const chosen = [{ name: '第二批', found: { zh: '第 1 行起为表头', en: 'header on row 1' } }];
    expect(sheetsToOffer({ sheets: first }, chosen)).toEqual([first[0], first[1], chosen[0]]);
    expect(sheetsToOffer({}, chosen)).toEqual(chosen);
    expect(sheetsToOffer({}, undefined)).toBeUndefined();
  });

  it('offers a sheet choice only for a workbook of several sheets', () => {
    const found = { zh: '有表头', en: 'a header' };
    expect(sheetChoices(undefined)).toEqual([]);
    expect(sheetChoices([{ name: 'Sheet1', found }])).toEqual([]);
    expect(
      sheetChoices([
        { name: '填表说明', found },
        { name: '申报表', found },
      ]).map((s) => s.name),
    ).toEqual(['填表说明', '申报表']);
  });
});

describe('rows counted as the answer streams', () => {
  const answer = (rowCount: number) => {
    const rows = Array.from({ length: rowCount }, (_, i) => ({
      rowId: `R${i}`,
      totalStaff: String(400 + i),
      disabledCounted: '9',
      monthlyMinWage: '1980',
      claimed: '29700',
    }));
    rows[1] = { ...rows[1], rowId: 'a "rows":[{}] } ] \\ \u4e2d' };
    const outcome = evaluateBatch('overquota-reward', rows);
    const cells = rows.map((r) => [r.rowId, '{"x":[1,2]}', r.totalStaff]);
    // as the route writes it: the head, then each row, then the summary
    return `{"ok":true,"batchId":"b-123","rule":"overquota-reward","ignoredColumns":["rows","]}"],"preamble":["包头市 {2024} 申报表"],"columns":["序号","备注","职工"],"rows":[${outcome.rows
      .map((row, i) => JSON.stringify({ ...row, cells: cells[i] }))
      .join(',')}],"summary":${JSON.stringify(outcome.summary)}}`;
  };

  it('counts every row, whatever the pieces, and reads the batch id from the head', () => {
    const text = answer(25);
    JSON.parse(text); // the fixture is one JSON answer
    for (const size of [1, 3, 17, 100, text.length]) {
      const counter = new StreamedRowCounter();
      const seen: number[] = [];
      for (let at = 0; at < text.length; at += size) {
        counter.feed(text.slice(at, at + size));
        seen.push(counter.rows);
      }
      expect(counter.rows, `pieces of ${size}`).toBe(25);
      expect(counter.batchId).toBe('b-123');
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
    }
  });

  it('counts rows as they come, before the answer ends', () => {
    const text = answer(10);
    const counter = new StreamedRowCounter();
    counter.feed(text.slice(0, text.indexOf('"R5"')));
    expect(counter.rows).toBe(5);
    counter.feed(text.slice(text.indexOf('"R5"')));
    expect(counter.rows).toBe(10);
  });

  it('counts nothing in an answer with no rows', () => {
    const counter = new StreamedRowCounter();
    counter.feed('{"ok":true,"batchId":"x","rows":[],"summary":{"rows":0}}');
    expect(counter.rows).toBe(0);
  });
});
