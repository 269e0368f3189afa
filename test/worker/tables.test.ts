// Clerks' tables in the Worker (workerd): JSON rows with Chinese labels, bounded echo columns for JSON
// batches, city/district share totals, answer negotiation and languages, workbooks refused clearly.
import { describe, expect, it } from 'vitest';
import { evaluate, listRules, type Success } from '../../rules/index.ts';
import { negotiateAnswer, MAX_EXTRA_COLUMNS } from '../../worker/routes/batch.ts';
import { call, parseCsvAnswer, postBatch } from './helpers.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const overquota = listRules().find((m) => m.id === 'overquota-reward')!;

describe('JSON batches read like tables', () => {
  it('accepts the Chinese labels (with units) as keys, keeps and lists other keys, skips blank and 合计 rows', async () => {
    const rows = [
      {
        序号: 1,
        单位名称: '甲',
        '在职职工总数（人）': 400,
        残疾职工折算人数: 9,
        月最低工资标准: '￥1,980.00',
        所涉日期: '2024/6/30',
        申报金额: '29,700.00 元',
      },
      { 序号: '', 单位名称: ' ' },
      { 序号: '合计', 申报金额: 29700 },
      { totalStaff: 400, 在职职工总数: 400, disabledCounted: 9 },
    ];
    const response = await postBatch('overquota-reward', JSON.stringify({ rows }), 'application/json');
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      ignoredColumns: string[];
      rows: { status: string; error?: { message: { zh: string } }; result?: { amount: string } }[];
      summary: Record<string, unknown>;
    };
    expect(body.rows.map((r) => r.status)).toEqual(['ok', 'skipped', 'skipped', 'invalid']);
    expect(body.rows[0].result?.amount).toBe(
      (evaluate('overquota-reward', { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, date: '2024-06-30' }) as Success).result.amount,
    );
    expect(body.rows[3].error?.message.zh).toContain('在职职工总数');
    expect(body.ignoredColumns).toEqual(['单位名称']);
    expect(body.summary).toMatchObject({ rows: 4, ok: 1, skipped: 2, invalid: 1 });
  });

  it('bounds the echoed columns of a JSON batch: inputs, rowId, claimed and at most MAX_EXTRA_COLUMNS extras, the rest counted (issue 13, finding 6)', async () => {
    const rows = Array.from({ length: 900 }, (_, i) => ({ rowId: String(i), totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, [`stray${i}`]: 'x' }));
    const response = await postBatch('overquota-reward', JSON.stringify({ rows }), 'application/json', { accept: 'text/csv' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-dropped-columns')).toBe(String(900 - MAX_EXTRA_COLUMNS));
    const [header, ...records] = parseCsvAnswer(await response.text());
    expect(records).toHaveLength(901); // 900 rows and the 合计 line
    expect(records[900][0]).toBe('Total'); // English keys: an English answer
    expect(header.length).toBeLessThanOrEqual(overquota.inputs.length + 2 + MAX_EXTRA_COLUMNS + 4);
    expect(header.slice(0, 4)).toEqual(['rowId', 'totalStaff', 'disabledCounted', 'monthlyMinWage']);
    const json = await postBatch('overquota-reward', JSON.stringify({ rows }), 'application/json');
    const answer = (await json.json()) as { ignoredColumns: string[]; droppedColumns: number };
    expect(answer.ignoredColumns).toHaveLength(MAX_EXTRA_COLUMNS);
    expect(answer.droppedColumns).toBe(900 - MAX_EXTRA_COLUMNS);
  });

  it('sums each share for rules that split an amount between city and district', async () => {
    const row = { monthlyRent: 1000, months: 6, monthsOperating: 12, monthsSinceStart: 12, date: '2024-06-30' };
    const one = evaluate('rent-subsidy', row) as Success;
    expect(one.ok).toBe(true);
    const response = await postBatch('rent-subsidy', JSON.stringify({ rows: [row, row, { ...row, claimed: 1 }] }), 'application/json');
    const body = (await response.json()) as { summary: { totals: Record<string, string | number> } };
    const times = (v: unknown, n: number) => (Number(v) * n).toFixed(2);
    expect(body.summary.totals).toMatchObject({
      rows: 3,
      computed: times(one.result.amount, 3),
      cityShare: times(one.result.cityShare, 3),
      districtShare: times(one.result.districtShare, 3),
      claimed: '1.00',
    });
  });
});

describe('answer formats and languages', () => {
  it('negotiates JSON, CSV or xlsx from Accept with q-values; q=0 never picks a format', () => {
    expect(negotiateAnswer(undefined)).toBe('json');
    expect(negotiateAnswer('text/csv')).toBe('csv');
    expect(negotiateAnswer('text/csv;q=0')).toBe('json');
    expect(negotiateAnswer(`text/csv;q=0.5, ${XLSX_TYPE}`)).toBe('xlsx');
    expect(negotiateAnswer(`${XLSX_TYPE};q=0.2, application/json`)).toBe('json');
  });

  it('speaks Chinese with ?lang=zh or Accept-Language: zh even for English headers, one language per message', async () => {
    const csv = 'rowId,totalStaff,disabledCounted,monthlyMinWage\r\n1,x,9,1980\r\n';
    for (const [query, headers] of [
      ['?lang=zh', {}],
      ['', { 'accept-language': 'zh-CN,zh;q=0.9' }],
    ] as const) {
      const response = await postBatch(`overquota-reward${query}`, csv, 'text/csv', { accept: 'text/csv', ...headers });
      const [header, row] = parseCsvAnswer(await response.text());
      expect(header.slice(4)).toEqual(['状态', overquota.outputs.find((o) => o.name === 'amount')!.label.zh, '差额', '说明']);
      expect(row[4]).toBe('无法计算');
      expect(row[7]).toMatch(/[\u4e00-\u9fff]/);
      expect(row[7]).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/); // no English sentence beside the Chinese
    }
  });

  it('answers xlsx as a zip with a frozen header and status fills', async () => {
    const csv = 'rowId,totalStaff,disabledCounted,monthlyMinWage,claimed\r\n1,400,9,1980,1\r\n';
    const response = await postBatch('overquota-reward', csv, 'text/csv', { accept: XLSX_TYPE });
    expect(response.headers.get('content-type')).toBe(XLSX_TYPE);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('refuses a body declared as a workbook that is not one, and a sheet that does not exist, with 422', async () => {
    const junk = await postBatch('overquota-reward', 'not a workbook', XLSX_TYPE);
    expect(junk.status).toBe(422);
    expect(((await junk.json()) as { error: { code: string } }).error.code).toBe('unreadable-table');
    // the template workbook has two sheets: 填报 (the table) and 说明 (notes)
    const workbook = new Uint8Array(await (await call('/v1/rules/overquota-reward/template.xlsx')).arrayBuffer());
    expect((await postBatch('overquota-reward?sheet=填报', workbook as BodyInit, XLSX_TYPE)).status).toBe(200);
    const notes = await postBatch(`overquota-reward?sheet=${encodeURIComponent('说明')}`, workbook as BodyInit, XLSX_TYPE);
    expect(notes.status).toBe(422); // the notes sheet names no input
    const missing = await postBatch(`overquota-reward?sheet=${encodeURIComponent('不存在')}`, workbook as BodyInit, XLSX_TYPE);
    expect(missing.status).toBe(422);
    const error = ((await missing.json()) as { error: { code: string; field: string; message: { zh: string } } }).error;
    expect(error).toMatchObject({ code: 'unreadable-table', field: 'sheet' });
    expect(error.message.zh).toContain('填报');
  });
});

describe('templates', () => {
  const tableRules = listRules().filter((m) => !m.inputs.some((i) => i.type === 'records' && i.required));

  it('every rule that takes a table has a CSV and an xlsx template; the CSV template posted back is read as the rule’s table', async () => {
    expect(tableRules.length).toBe(listRules().length - 1); // all but disabled-headcount (lists of records)
    for (const meta of tableRules) {
      const csv = await call(`/v1/rules/${meta.id}/template.csv`);
      expect(csv.status, meta.id).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      const text = await csv.text();
      const [header] = parseCsvAnswer(text);
      const required = meta.inputs.filter((i) => i.required && i.type !== 'records');
      for (const spec of required)
        expect(
          header.some((h) => h.startsWith(spec.label.zh)),
          `${meta.id} ${spec.name}`,
        ).toBe(true);
      const back = await postBatch(meta.id, text, 'text/csv');
      expect(back.status, meta.id).toBe(200);
      const answer = (await back.json()) as { rows: { status: string; error?: unknown; reason?: { zh: string } }[]; ignoredColumns: string[] };
      expect(answer.ignoredColumns, meta.id).toEqual(['单位名称', '备注']);
      // the template's own example row is never counted
      expect(answer.rows[0], meta.id).toMatchObject({ status: 'skipped', reason: { zh: expect.stringContaining('示例') } });
      const aliased = meta.inputs.find((i) => i.aliases?.length);
      if (aliased) expect(text, meta.id).toContain(aliased.aliases![0]); // the notes list the other headers offices write
      expect(
        answer.rows.slice(1).every((r) => r.status === 'skipped'),
        meta.id,
      ).toBe(true);
      const xlsx = await call(`/v1/rules/${meta.id}/template.xlsx`);
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get('content-type')).toBe(XLSX_TYPE);
      const bytes = new Uint8Array(await xlsx.arrayBuffer());
      const workbook = await postBatch(meta.id, bytes as BodyInit, XLSX_TYPE);
      expect(workbook.status, meta.id).toBe(200);
      const fromXlsx = (await workbook.json()) as { rows: { status: string; error?: unknown }[] };
      expect(fromXlsx.rows[0].status, `${meta.id} xlsx: ${JSON.stringify(fromXlsx.rows[0].error)}`).toBe('skipped');
    }
    expect((await call('/v1/rules/disabled-headcount/template.csv')).status).toBe(404);
  }, 60_000);
});
