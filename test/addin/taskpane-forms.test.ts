/**
 * The task pane on clerks' forms, in Node: the local loop reports progress and gives the pane its turn
 * between slices, a cancel stops it (locally and between the Worker's chunks), the clerk's column mapping
 * renames header cells it names, and the mapping is kept in the workbook (WPS's custom document
 * properties through the stand-in, Office's document settings).
 */
import { describe, expect, it } from 'vitest';
import { evaluateBatch, listRules } from '../../rules/index.ts';
import { CancelledError, validateTable, withMapping } from '../../addin/taskpane/validate.ts';
import { unmatchedHeaders } from '../../addin/taskpane/table.ts';
import { officeDocumentSettings } from '../../addin/taskpane/sheet-host.ts';
import { wpsDocumentSettings } from '../../addin/wps/wps-io.ts';
import { createWpsStub } from '../support/wps-stub.ts';

const meta = listRules().find((r) => r.id === 'overquota-reward')!;
const header = ['序号', '在职职工总数', '残疾职工折算人数', '月最低工资标准', '申报金额'];
const bigTable = (rows: number) => [header, ...Array.from({ length: rows }, (_, i) => [`R${i}`, 400 + (i % 50), 9, 1980, i % 3 ? 29700 : 100])];

describe('the local loop', () => {
  it('answers every row as evaluateBatch does, reporting progress in slices that give the pane its turn', async () => {
    const values = bigTable(3000);
    const seen: number[] = [];
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    const result = await validateTable({ values, meta, lang: 'zh', sliceMs: 1, onProgress: (done) => seen.push(done) });
    clearInterval(timer);
    const expected = evaluateBatch(
      meta.id,
      values.slice(1).map((r) => ({ rowId: r[0], totalStaff: r[1], disabledCounted: r[2], monthlyMinWage: r[3], claimed: r[4] })),
    );
    expect(result.outcome.summary).toMatchObject({ rows: 3000, ok: expected.summary.ok, mismatch: expected.summary.mismatch, invalid: 0 });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(3000);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(turns).toBeGreaterThan(0);
  }, 60_000);

  it('stops when cancelled, with no answer', async () => {
    const run = new AbortController();
    let last = 0;
    const validation = validateTable({
      values: bigTable(20000),
      meta,
      lang: 'zh',
      sliceMs: 1,
      signal: run.signal,
      onProgress: (done) => {
        last = done;
        if (done > 0) run.abort();
      },
    });
    await expect(validation).rejects.toBeInstanceOf(CancelledError);
    expect(last).toBeGreaterThan(0);
    expect(last).toBeLessThan(20000);
  }, 60_000);

  it('stops between the Worker’s chunks when cancelled, without falling back to the local path', async () => {
    const run = new AbortController();
    const calls: number[] = [];
    const fetchStub = async (_url: string, init?: RequestInit) => {
      const { rows } = JSON.parse(String(init?.body)) as { rows: unknown[] };
      calls.push(rows.length);
      run.abort();
      return new Response(JSON.stringify({ rows: evaluateBatch(meta.id, rows as Record<string, unknown>[]).rows }), { status: 200 });
    };
    await expect(
      validateTable({
        values: bigTable(500),
        meta,
        lang: 'zh',
        worker: { url: 'https://worker.example', key: 'k' },
        fetch: fetchStub,
        chunkRows: 100,
        signal: run.signal,
      }),
    ).rejects.toBeInstanceOf(CancelledError);
    expect(calls).toEqual([100]);
  });
});

describe('the clerk’s column mapping', () => {
  const office = [
    ['单位代码', '职工合计', '残疾职工（折算）', '月最低工资标准', '申请额', '单位名称'],
    ['A', 400, 9, 1980, 29700, '某公司'],
  ];
  const mapping = { 单位代码: 'rowId', 职工合计: 'totalStaff', '残疾职工（折算）': 'disabledCounted', 申请额: 'claimed' };

  it('offers the columns that name nothing, and reads them once mapped', async () => {
    expect(unmatchedHeaders(office[0], meta)).toEqual(['单位代码', '职工合计', '残疾职工（折算）', '申请额', '单位名称']);
    expect(withMapping(office, mapping)[0]).toEqual(['rowId', 'totalStaff', 'disabledCounted', '月最低工资标准', 'claimed', '单位名称']);
    const result = await validateTable({ values: office, meta, lang: 'zh', mapping });
    expect(result.outcome.rows[0]).toMatchObject({ rowId: 'A', status: 'ok', claimed: '29700.00' });
    const unmapped = await validateTable({ values: office, meta, lang: 'zh' });
    expect(unmapped.outcome.rows[0].status).toBe('invalid');
  });
});

describe('the mapping kept in the workbook', () => {
  it('WPS: a custom document property, replaced and removed; a value over 255 characters is refused, not cut', async () => {
    const stub = createWpsStub({ address: 'A1' });
    const settings = wpsDocumentSettings(stub.Application)!;
    expect(await settings.get('bt-columns:overquota-reward')).toBeUndefined();
    await settings.set('bt-columns:overquota-reward', '{"职工合计":"totalStaff"}');
    await settings.set('bt-columns:other', '{}');
    await settings.set('bt-columns:overquota-reward', '{"职工合计":"totalStaff","编号":"rowId"}');
    expect(await settings.get('bt-columns:overquota-reward')).toBe('{"职工合计":"totalStaff","编号":"rowId"}');
    expect(stub.properties.map((p) => [p.Name, p.Type])).toEqual([
      ['bt-columns:overquota-reward', 4],
      ['bt-columns:other', 4],
    ]);
    await settings.set('bt-columns:overquota-reward', undefined);
    expect(stub.properties.map((p) => p.Name)).toEqual(['bt-columns:other']);
    await expect(settings.set('x', 'x'.repeat(256))).rejects.toThrow(/255/);
  });

  it('Excel: Office document settings, saved with saveAsync', async () => {
    const stored: Record<string, unknown> = {};
    let saved = 0;
    const host = globalThis as { Office?: unknown };
    host.Office = {
      context: {
        document: {
          settings: {
            get: (k: string) => stored[k] ?? null,
            set: (k: string, v: unknown) => void (stored[k] = v),
            remove: (k: string) => void delete stored[k],
            saveAsync: (cb: (r: { status: string }) => void) => {
              saved++;
              cb({ status: 'succeeded' });
            },
          },
        },
      },
    };
    try {
      const settings = officeDocumentSettings()!;
      await settings.set('bt-columns:overquota-reward', '{"职工合计":"totalStaff"}');
      expect(await settings.get('bt-columns:overquota-reward')).toBe('{"职工合计":"totalStaff"}');
      await settings.set('bt-columns:overquota-reward', undefined);
      expect(stored).toEqual({});
      expect(saved).toBe(2);
    } finally {
      delete host.Office;
    }
  });
});
