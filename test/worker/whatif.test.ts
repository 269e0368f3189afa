// 测算 (what-if) inside workerd: overrides refused with a 422 naming the parameter; a one-case check with
// baseline, reform and change; a batch with overrides answering JSON, CSV and xlsx that agree on every
// total; every answer marked 测算 with its overrides; the audit keeping what-if batches as such.
import { env } from 'cloudflare:workers';
import { read as readWorkbook, utils } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../rules/core/decimal.ts';
import { auth, call, parseCsvAnswer, postJson } from './helpers.ts';

const MULTIPLIER = 'plan.overquotaReward.minimumWageMultiplier';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const DISTRICTS = ['昆都仑区', '青山区', '固阳县', '土默特右旗'];
/** 40 claims in four districts: 9–12 counted of 400 staff, dated in 2024 (one refused: a count above the staff). */
const claims = Array.from({ length: 40 }, (_, i) => ({
  rowId: `r${i}`,
  totalStaff: i === 17 ? 5 : 400,
  disabledCounted: 9 + (i % 4) + (i === 17 ? 10 : 0),
  district: DISTRICTS[i % 4],
  date: i % 2 ? '2024-06-30' : '2024-12-15',
}));
const csvOf = (rows: typeof claims) =>
  ['序号,在职职工总数,残疾职工折算人数,旗县区,所涉日期', ...rows.map((r) => [r.rowId, r.totalStaff, r.disabledCounted, r.district, r.date].join(','))].join(
    '\n',
  ) + '\n';

const postWhatIf = (path: string, body: BodyInit, contentType: string, headers: Record<string, string> = {}) =>
  call(`/v1/whatif/${path}`, { method: 'POST', headers: { 'content-type': contentType, ...auth(), ...headers }, body });

interface Side {
  rows: number;
  computed: string;
  byDistrict?: Record<string, { rows: number; computed: string }>;
}
interface WhatIfJson {
  whatif: true;
  mark: { zh: string };
  batchId: string;
  overrides: { parameter: string; value: unknown; from?: string; current: unknown }[];
  rows: { index: number; rowId?: string; status: string; baseline?: string; reform?: string; change?: string; error?: { code: string } }[];
  summary: { rows: number; ok: number; invalid: number; totals: { baseline: Side; reform: Side; change: Side } };
}

describe('overrides are refused with a 422 naming the parameter', () => {
  const csv = csvOf(claims.slice(0, 2));
  it.each([
    ['an unknown id', 'set.plan.nothing=4', 'unknown-parameter', 'plan.nothing'],
    ['a negative multiplier', `set.${MULTIPLIER}=-4`, 'invalid-override', MULTIPLIER],
    ['a value that is not a number', `set.${MULTIPLIER}=four`, 'invalid-override', MULTIPLIER],
    ['a ratio above 1', 'set.quota.ratio=2', 'invalid-override', 'quota.ratio'],
  ])('%s', async (_name, query, code, field) => {
    const r = await postWhatIf(`overquota-reward?${query}`, csv, 'text/csv');
    expect(r.status).toBe(422);
    const body = (await r.json()) as { error: { code: string; field: string; message: { zh: string; en: string } } };
    expect(body.error).toMatchObject({ code, field });
    expect(body.error.message.en).toContain(field);
  });
  it('in a JSON body too; a what-if with no override is refused; so is one with overrides in both places', async () => {
    const bad = await postWhatIf(
      'overquota-reward',
      JSON.stringify({ rows: claims.slice(0, 2), overrides: [{ parameter: MULTIPLIER, value: true }] }),
      'application/json',
    );
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe(MULTIPLIER);
    const none = await postWhatIf('overquota-reward', csv, 'text/csv');
    expect(none.status).toBe(422);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('missing-override');
    const both = await postWhatIf(
      `overquota-reward?set.${MULTIPLIER}=4`,
      JSON.stringify({ rows: [], overrides: [{ parameter: MULTIPLIER, value: 3 }] }),
      'application/json',
    );
    expect(both.status).toBe(422);
  });
  it('needs a batch key', async () => {
    const r = await call(`/v1/whatif/overquota-reward?set.${MULTIPLIER}=4`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
    expect(r.status).toBe(401);
  });
});

describe('a what-if quick check', () => {
  it('answers the baseline, the reform and the change; the steps name the parameter, from what, to what', async () => {
    const r = await postJson('/v1/whatif/overquota-reward/check', {
      inputs: { totalStaff: 400, disabledCounted: 9, district: '昆都仑区', date: '2024-12-15' },
      overrides: [{ parameter: MULTIPLIER, value: 4 }],
    });
    expect(r.status).toBe(200);
    const body = (await r.json()) as {
      whatif: boolean;
      change: string;
      baseline: { result: { amount: string } };
      reform: { result: { amount: string }; steps: { zh: string }[] };
      overrides: unknown[];
    };
    expect(body.whatif).toBe(true);
    expect(body.baseline.result.amount).toBe('34050.00');
    expect(body.reform.result.amount).toBe('27240.00');
    expect(body.change).toBe('-6810.00');
    expect(body.reform.steps[0].zh).toContain(`（${MULTIPLIER}）由 5 改为 4`);
    expect(body.overrides).toEqual([{ parameter: MULTIPLIER, value: 4, current: 5 }]);
    // the one-case answer is the official quick check's, for the baseline
    const official = await postJson('/v1/rules/overquota-reward', { totalStaff: 400, disabledCounted: 9, district: '昆都仑区', date: '2024-12-15' });
    expect(body.baseline).toEqual(await official.json());
  });
  it('refuses a bad override by name', async () => {
    const r = await postJson('/v1/whatif/overquota-reward/check', { inputs: {}, overrides: [{ parameter: MULTIPLIER, value: -1 }] });
    expect(r.status).toBe(422);
    expect(((await r.json()) as { error: { field: string } }).error.field).toBe(MULTIPLIER);
  });
});

describe('a what-if batch', () => {
  const query = `overquota-reward?set.${MULTIPLIER}=4&set.minimumWage.class2=2400`;

  it('answers JSON rows with baseline, reform and change, and totals for both that add up by district', async () => {
    const r = await postWhatIf(query, csvOf(claims), 'text/csv');
    expect(r.status).toBe(200);
    expect(r.headers.get('x-whatif')).toBe('1');
    const body = (await r.json()) as WhatIfJson;
    expect(body.whatif).toBe(true);
    expect(body.mark.zh).toBe('测算');
    expect(body.overrides).toEqual([
      { parameter: MULTIPLIER, value: 4, current: 5 },
      { parameter: 'minimumWage.class2', value: '2400', current: '2200' },
    ]);
    expect(body.rows).toHaveLength(40);
    expect(body.rows[17]).toMatchObject({ status: 'invalid', error: { field: 'disabledCounted' } });
    const first = body.rows[0]; // 昆都仑区 (class 1), 2024-12-15: 3 above the quota, 2270 a month
    expect(first).toMatchObject({ rowId: 'r0', status: 'ok', baseline: '34050.00', reform: '27240.00', change: '-6810.00' });
    const guyang = body.rows[2]; // 固阳县 (class 2), 2024-12-15: 5 above, 2200 → 2400, 5× → 4×
    expect(guyang).toMatchObject({ baseline: new Dec(5).times(5).times(2200).toFixed(2), reform: new Dec(5).times(4).times(2400).toFixed(2) });
    const { baseline, reform, change } = body.summary.totals;
    for (const side of [baseline, reform, change]) {
      const sum = Object.values(side.byDistrict!).reduce((s, d) => s.plus(d.computed), new Dec(0));
      expect(sum.toFixed(2)).toBe(side.computed);
    }
    const rowSum = (pick: (row: WhatIfJson['rows'][number]) => string | undefined) =>
      body.rows.reduce((s, row) => s.plus(pick(row) ?? 0), new Dec(0)).toFixed(2);
    expect(rowSum((row) => row.baseline)).toBe(baseline.computed);
    expect(rowSum((row) => row.reform)).toBe(reform.computed);
    expect(rowSum((row) => row.change)).toBe(change.computed);
    expect(body.summary).toMatchObject({ rows: 40, ok: 39, invalid: 1 });
  });

  it('CSV, xlsx and JSON answers agree on every total; each is marked 测算 and lists the overrides', async () => {
    const json = (await (await postWhatIf(query, csvOf(claims), 'text/csv')).json()) as WhatIfJson;
    const csvText = await (await postWhatIf(query, csvOf(claims), 'text/csv', { accept: 'text/csv' })).text();
    const csv = parseCsvAnswer(csvText);
    expect(csv[0][0]).toMatch(/^测算（不是对申报的核定）：/);
    expect(csv[0][0]).toContain(`${MULTIPLIER}） 5 → 4`);
    const header = csv[1];
    const at = (name: string) => header.indexOf(name);
    expect(header.slice(-5)).toEqual(['状态', '现行奖励金额（每年）', '测算奖励金额（每年）', '变化', '说明']);
    const data = csv.slice(2).filter((r) => r.length > 1);
    const sumCol = (i: number, district?: string) =>
      data
        .filter((r) => !district || r[at('旗县区')] === district)
        .reduce((s, r) => s.plus(r[i] || 0), new Dec(0))
        .toFixed(2);
    const n = header.length;
    expect(sumCol(n - 4)).toBe(json.summary.totals.baseline.computed);
    expect(sumCol(n - 3)).toBe(json.summary.totals.reform.computed);
    expect(sumCol(n - 2)).toBe(json.summary.totals.change.computed);
    for (const d of DISTRICTS) expect(sumCol(n - 3, d)).toBe(json.summary.totals.reform.byDistrict![d].computed);

    const xlsxResponse = await postWhatIf(query, csvOf(claims), 'text/csv', { accept: XLSX_TYPE });
    expect(xlsxResponse.headers.get('content-disposition')).toContain('overquota-reward-whatif.xlsx');
    const book = readWorkbook(new Uint8Array(await xlsxResponse.arrayBuffer()), { type: 'array' });
    expect(book.SheetNames).toEqual(['测算结果', '汇总']);
    const results = utils.sheet_to_json<unknown[]>(book.Sheets['测算结果'], { header: 1 });
    expect(String(results[0][0])).toMatch(/^测算/);
    const rows = results.slice(2);
    const sheetSum = (i: number) => rows.reduce((s: Dec, r) => s.plus(typeof r[i] === 'number' ? String(r[i]) : 0), new Dec(0)).toFixed(2);
    expect(sheetSum(n - 3)).toBe(json.summary.totals.reform.computed);
    const summary = utils.sheet_to_json<unknown[]>(book.Sheets['汇总'], { header: 1 });
    expect(String(summary[0][0])).toMatch(/^测算/);
    expect(summary.some((r) => String(r[0]).includes(MULTIPLIER) && r[1] === 5 && r[2] === 4)).toBe(true);
    const all = summary.find((r) => r[0] === '全市合计')!;
    expect(all.slice(2, 5).map((v) => new Dec(String(v)).toFixed(2))).toEqual([
      json.summary.totals.baseline.computed,
      json.summary.totals.reform.computed,
      json.summary.totals.change.computed,
    ]);
    for (const d of DISTRICTS) {
      const line = summary.find((r) => r[0] === d)!;
      expect(new Dec(String(line[3])).toFixed(2)).toBe(json.summary.totals.reform.byDistrict![d].computed);
    }
  });

  it('takes overrides in a JSON body, from a date', async () => {
    const rows = claims.slice(0, 4).map((c) => ({ ...c, date: '2025-03-31', applyOutsideValidity: true }));
    const r = await postWhatIf(
      'overquota-reward',
      JSON.stringify({ rows, overrides: [{ parameter: 'minimumWage.class1', value: 2400, from: '2025-01-01' }] }),
      'application/json',
    );
    expect(r.status).toBe(200);
    const body = (await r.json()) as WhatIfJson;
    expect(body.overrides).toEqual([{ parameter: 'minimumWage.class1', value: '2400', from: '2025-01-01', current: '2270' }]);
    expect(body.rows[0]).toMatchObject({ baseline: '34050.00', reform: '36000.00', change: '1950.00' });
    expect(body.rows[2].change).toBe('0.00'); // 固阳县 is class 2: untouched
  });

  it('is audited as a what-if batch, with the overrides (ids and values only)', async () => {
    const r = await postWhatIf(query, csvOf(claims.slice(0, 3)), 'text/csv');
    const batchId = r.headers.get('x-batch-id')!;
    await r.arrayBuffer();
    const record = (await (await call(`/v1/batch/${batchId}`, { headers: auth() })).json()) as {
      batch: { whatif?: unknown; status: string; summary: { rows: number } };
    };
    expect(record.batch).toMatchObject({
      status: 'completed',
      summary: { rows: 3 },
      whatif: {
        overrides: [
          { parameter: MULTIPLIER, value: 4 },
          { parameter: 'minimumWage.class2', value: '2400' },
        ],
      },
    });
    const stored = await env.DB.prepare('SELECT kind, overrides FROM batch_audit WHERE batch_id = ?').bind(batchId).first<Record<string, string>>();
    expect(stored?.kind).toBe('whatif');
    expect(stored?.overrides).not.toContain('r0');
    // a plain batch stays a batch
    const plain = await call('/v1/batch/overquota-reward', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...auth() },
      body: csvOf(claims.slice(0, 1)),
    });
    const plainId = plain.headers.get('x-batch-id')!;
    await plain.arrayBuffer();
    const plainRecord = (await (await call(`/v1/batch/${plainId}`, { headers: auth() })).json()) as { batch: Record<string, unknown> };
    expect(plainRecord.batch.whatif).toBeUndefined();
  });
});

describe('what the catalogue says', () => {
  it('GET /v1/parameters says which parameters may be overridden, and their kind', async () => {
    const body = (await (await call('/v1/parameters?date=2024-06-30')).json()) as { parameters: { id: string; overridable: boolean; kind?: string }[] };
    const byId = Object.fromEntries(body.parameters.map((p) => [p.id, p]));
    expect(byId[MULTIPLIER]).toMatchObject({ overridable: true, kind: 'integer' });
    expect(byId['quota.ratio']).toMatchObject({ overridable: true, kind: 'decimal' });
    expect(byId['minimumWage.class1.districts']).toMatchObject({ overridable: false });
    expect(byId['retirementReform.male.startMonth']).toMatchObject({ overridable: false });
  });
  it('OpenAPI documents the what-if routes and shapes', async () => {
    const doc = (await (await call('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { required?: string[] }> };
    };
    expect(Object.keys(doc.paths['/v1/whatif/overquota-reward'].post.responses)).toEqual(expect.arrayContaining(['200', '401', '422']));
    expect(doc.paths['/v1/whatif/overquota-reward/check'].post).toBeDefined();
    expect(doc.components.schemas.WhatIfAnswer.required).toEqual(expect.arrayContaining(['whatif', 'overrides', 'rows', 'summary']));
    expect(doc.components.schemas.WhatIfRow.required).toEqual(['index', 'status']);
  });
});
