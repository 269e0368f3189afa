/**
 * Government forms as offices fill them in, made by LibreOffice (zh-CN) from flat ODS and posted to the
 * real Worker (wrangler dev → workerd) as .xlsx, .xls and, where the form survives CSV, CSV:
 * - the typical 超比例奖励 form: a 填表说明 sheet first; a merged title row; 填报单位 / 单位：元; a two-row
 *   grouped header (merged parents, 序号/旗县区/所涉日期/申报金额 merged down both rows, marks * and ＊, a
 *   line break); the template's example row left in; 旗县区 and 所涉日期 merged down per district, written
 *   with the city in front; a hidden and a filtered row; 500人, 2.97万, 20240630; a row lacking an input;
 *   a 合计 row with SUM formulas; signature lines in one merged cell and spread over cells (a date under 申报金额);
 * - a rent-subsidy table starting at B3 with aliases (月租金, 申请补贴金额), (必填), units (800元/月, 12个月);
 *   its CSV (first lines only commas) is posted too.
 * Expected amounts come from `evaluate()`. The JSON, CSV and xlsx answers (read back by LibreOffice) must
 * agree on every total; totals by district plus 未填旗县区 add up to the total, and the shares to the amount.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { evaluate, type Success } from '../../rules/index.ts';
import { parseCsvAnswer } from '../support/csv.ts';
import { fods, type FormCell, type FormRow } from '../support/fods.ts';
import { convertMany, readBack, XLS } from '../support/libreoffice.ts';

const out = fileURLToPath(new URL('../../test-output/forms/', import.meta.url));
const KEY = 'local-dev-key';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_EXPORT = 'csv:Text - txt - csv (StarCalc):44,34,76,1';

const amountOf = (rule: string, inputs: Record<string, unknown>) => {
  const r = evaluate(rule, inputs) as Success;
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.result;
};
const D = '2024-06-30';
const kun = amountOf('overquota-reward', { totalStaff: 400, disabledCounted: 9, district: '昆都仑区', date: D }).amount as string;
const kun500 = amountOf('overquota-reward', { totalStaff: 500, disabledCounted: 10, district: '昆都仑区', date: D }).amount as string;
const qing = amountOf('overquota-reward', { totalStaff: 400, disabledCounted: 9, district: '青山区', date: D }).amount as string;
const given = amountOf('overquota-reward', { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, date: D }).amount as string;
const sum = (...xs: (string | number)[]) => xs.reduce<number>((n, x) => n + Math.round(Number(x) * 100), 0) / 100;
const m = (n: number) => n.toFixed(2);

const date = (iso: string, extra: object = {}): FormCell => ({ date: iso, ...extra });
const typicalTable: FormRow[] = [
  { cells: [{ text: '包头市2024年度超比例安排残疾人就业奖励申报汇总表', across: 10 }] },
  {
    cells: [
      { text: '填报单位：××区残联', across: 5 },
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      { text: '单位：元', across: 2 },
    ],
  },
  {
    cells: [
      { text: '序号', down: 2 },
      { text: '单位基本情况', across: 2 },
      undefined,
      { text: '职工情况', across: 3 },
      undefined,
      undefined,
      { text: '旗县区', down: 2 },
      { text: '所涉日期', down: 2 },
      { text: '申报金额（元）', down: 2 },
      { text: '备注', down: 2 },
    ],
  },
  { cells: [undefined, '单位名称', '统一社会信用代码', '在职职工\n总数*', '残疾职工折算人数＊', '月最低工资标准（元/月）'] },
  { cells: [1, '（示例）', '91150200MA0000000X', 100, 2, undefined, '昆都仑区', date(D), undefined, '示例行，可删除'] },
  { cells: [1, '包头甲公司', '91150200MA0000001X', 400, 9, undefined, { text: '包头市昆都仑区', down: 3 }, date(D, { down: 3 }), Number(kun), undefined] },
  { cells: [2, '包头乙公司', '91150200MA0000002X', '500人', 10, undefined, undefined, undefined, Number(kun500), undefined] },
  { cells: [3, '包头丙公司', '91150200MA0000003X', 400, 9, undefined, undefined, undefined, 30000, '多报'] },
  {
    cells: [
      4,
      '包头丁公司',
      '91150200MA0000004X',
      400,
      9,
      undefined,
      { text: '内蒙古自治区包头市青山区', down: 2 },
      date(D, { down: 2 }),
      Number(qing),
      '隐藏行',
    ],
    hidden: 'collapse',
  },
  { cells: [5, '包头戊公司', '91150200MA0000005X', 400, 9, undefined, undefined, undefined, undefined, '筛选隐藏'], hidden: 'filter' },
  { cells: [6, '包头己公司', '91150200MA0000006X', 400, 9, 1980, undefined, '20240630', '2.97万', '未填旗县区'] },
  { cells: [7, '包头庚公司', '91150200MA0000007X', undefined, 9, undefined, '东河区', date(D), 29700, '缺职工总数'] },
  {
    cells: [
      { text: '合　计', across: 3 },
      undefined,
      undefined,
      { formula: 'of:=SUM([.D6:.D12])', value: 2000 },
      { formula: 'of:=SUM([.E6:.E12])', value: 55 },
      undefined,
      undefined,
      undefined,
      { formula: 'of:=SUM([.I6:.I12])', value: 1 },
    ],
  },
  {
    cells: [
      { text: '填表人：张三', across: 3 },
      undefined,
      undefined,
      { text: '审核人：李四', across: 2 },
      undefined,
      { text: '联系电话：0472-1234567', across: 2 },
      undefined,
      '填报日期：',
      date('2024-07-01'),
    ],
  },
  { cells: [{ text: '单位负责人：王五                单位（盖章）', across: 10 }] },
];
/** The same form with the parent row deleted by hand (one header row under the title), and with one header row only. */
const oneRowHeader: FormRow = {
  cells: [
    '序号',
    '单位名称',
    '统一社会信用代码',
    '在职职工总数*',
    '残疾职工折算人数＊',
    '月最低工资标准（元/月）',
    '旗县区',
    '所涉日期',
    '申报金额（元）',
    '备注',
  ],
};
const noParentTable: FormRow[] = [typicalTable[0], typicalTable[1], oneRowHeader, ...typicalTable.slice(4)];
const oneRowTable: FormRow[] = [oneRowHeader, ...typicalTable.slice(4)];
const TYPICAL_STATUSES = ['skipped', 'ok', 'ok', 'mismatch', 'ok', 'ok', 'ok', 'invalid', 'skipped', 'skipped', 'skipped'];

const rentRow = (i: number, rent: string | number, months: string | number, claim: number | string | undefined): FormCell[] => [
  undefined,
  i,
  `经营者${i}`,
  rent,
  months,
  '14个月',
  14,
  '否',
  date(D),
  claim,
];
const rent = (monthlyRent: number, months: number) => amountOf('rent-subsidy', { monthlyRent, months, monthsOperating: 14, monthsSinceStart: 14, date: D });
const rentA = rent(800, 12);
const rentB = rent(1200, 6);
const rentTable: FormRow[] = [
  { cells: [] },
  { cells: [] },
  {
    cells: [
      undefined,
      '序号',
      '经营者',
      '月租金（必填）',
      '本次申请补贴月数*',
      '取得营业执照后正常运营月数',
      '自主创业至申请时的月数',
      '是否为盲人按摩店',
      '所涉日期',
      '申请补贴金额',
    ],
  },
  { cells: rentRow(1, '800元/月', '12个月', Number(rentA.amount)) },
  { cells: rentRow(2, 1200, 6, undefined) },
  {
    cells: [
      undefined,
      '合计',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      { formula: 'of:=SUM([.J4:.J5])', value: Number(rentA.amount) },
    ],
  },
];

interface Totals {
  rows: number;
  computed: string;
  claimedRows: number;
  claimed: string;
  computedClaimed: string;
  difference: string;
  cityShare?: string;
  districtShare?: string;
  byDistrict?: Record<string, Totals>;
}
interface Answer {
  sheet?: string;
  sheets?: { name: string; found: { zh: string } }[];
  headerRow: number;
  preamble: string[];
  unmatchedColumns: string[];
  ignoredColumns: string[];
  rows: {
    status: string;
    result?: Record<string, string>;
    reason?: { zh: string };
    warnings?: { zh: string }[];
    error?: { message: { zh: string }; cell?: string };
    claimed?: string;
  }[];
  summary: { rows: number; ok: number; mismatch: number; invalid: number; skipped: number; hidden?: number; totals: Totals };
}

const post = (rule: string, body: Uint8Array | string, type: string, headers: Record<string, string> = {}, query = '') =>
  fetch(`${inject('workerUrl')}/v1/batch/${rule}${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': type, ...headers },
    body: body as BodyInit,
  });

const files: Record<string, Uint8Array> = {};

beforeAll(async () => {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const sources = {
    typical: fods([
      {
        name: '填表说明',
        rows: [{ cells: ['填表说明：'] }, { cells: ['1. 带*者为必填项。'] }, { cells: ['2. 在职职工总数*、残疾职工折算人数* 按年度平均人数填写。'] }],
      },
      { name: '申报表', rows: typicalTable },
    ]),
    rent: fods([{ name: '租金补贴', rows: rentTable }]),
    variants: fods([
      { name: '空白', rows: [{ cells: [] }] },
      { name: '无父行', rows: noParentTable },
      { name: '单行表头', rows: oneRowTable },
    ]),
  };
  const paths = Object.entries(sources).map(([name, xml]) => {
    const path = join(out, `${name}.fods`);
    writeFileSync(path, xml);
    return path;
  });
  // one soffice start per target format
  const [xlsx, xls, csv] = await Promise.all([
    convertMany(paths, 'xlsx', join(out, 'xlsx')),
    convertMany(paths, XLS, join(out, 'xls')),
    convertMany([paths[1]], CSV_EXPORT, join(out, 'csv')),
  ]);
  files['typical.xlsx'] = readFileSync(xlsx[0]);
  files['typical.xls'] = readFileSync(xls[0]);
  files['rent.xlsx'] = readFileSync(xlsx[1]);
  files['rent.xls'] = readFileSync(xls[1]);
  files['rent.csv'] = readFileSync(csv[0]);
  files['variants.xlsx'] = readFileSync(xlsx[2]);
  files['variants.xls'] = readFileSync(xls[2]);
}, 240_000);

const typeOf = (name: string) => (name.endsWith('.csv') ? 'text/csv' : name.endsWith('.xls') ? 'application/vnd.ms-excel' : XLSX_TYPE);

describe('the typical 超比例奖励 form (.xlsx and .xls made by LibreOffice)', () => {
  for (const name of ['typical.xlsx', 'typical.xls']) {
    it(`${name}: the header found under the title on its sheet, claims computed, non-claims skipped with reasons, hidden rows flagged`, async () => {
      const response = await post('overquota-reward', files[name], typeOf(name));
      expect(response.status, await response.clone().text()).toBe(200);
      const a = (await response.json()) as Answer;
      expect(a.sheet).toBe('申报表');
      expect(a.sheets?.[0]).toMatchObject({ name: '填表说明', found: { zh: expect.stringContaining('填表说明') } });
      expect(a.sheets?.[1].found.zh).toContain('第 3 行');
      expect(a.headerRow).toBe(3);
      expect(a.preamble[0]).toBe('包头市2024年度超比例安排残疾人就业奖励申报汇总表');
      expect(a.preamble[1]).toContain('填报单位：××区残联');
      expect(a.unmatchedColumns).toEqual(['单位名称', '统一社会信用代码', '备注']);
      expect(a.ignoredColumns).toEqual(a.unmatchedColumns);
      expect(a.rows.map((r) => r.status)).toEqual(TYPICAL_STATUSES);
      expect(a.rows.map((r) => r.result?.amount)).toEqual([undefined, kun, kun500, kun, qing, qing, given, undefined, undefined, undefined, undefined]);
      expect(a.rows[0].reason?.zh).toContain('示例');
      expect(a.rows[8].reason?.zh).toContain('合计');
      expect(a.rows[9].reason?.zh).toContain('填表人');
      expect(a.rows[10].reason?.zh).toContain('单位负责人');
      expect(a.rows[6].claimed).toBe('29700.00'); // 2.97万
      expect(a.rows[7].error?.message.zh).toMatch(/^D12 单元格（在职职工总数）/);
      expect(a.rows[4].warnings?.map((w) => w.zh).join()).toContain('隐藏');
      expect(a.rows[5].warnings?.map((w) => w.zh).join()).toContain('隐藏');
      expect(a.rows.map((r) => (r as { hidden?: true }).hidden === true)).toEqual(a.rows.map((_, i) => i === 4 || i === 5));
      expect(a.summary).toMatchObject({ rows: 11, ok: 5, mismatch: 1, invalid: 1, skipped: 4, hidden: 2 });
    });

    it(`${name}: totals over stated row sets; by district (merged down, city in front) plus 未填旗县区 adding up to the total`, async () => {
      const a = (await (await post('overquota-reward', files[name], typeOf(name))).json()) as Answer;
      const t = a.summary.totals;
      const computed = sum(kun, kun500, kun, qing, qing, given);
      expect(t).toMatchObject({ rows: 6, computed: m(computed), claimedRows: 5 });
      const claimed = sum(kun, kun500, 30000, qing, 29700);
      const computedClaimed = sum(kun, kun500, kun, qing, given);
      expect(t).toMatchObject({ claimed: m(claimed), computedClaimed: m(computedClaimed), difference: m(claimed - computedClaimed) });
      expect(Object.keys(t.byDistrict!)).toEqual(['昆都仑区', '青山区', '未填旗县区']);
      expect(t.byDistrict!['昆都仑区']).toMatchObject({ rows: 3, computed: m(sum(kun, kun500, kun)) });
      expect(t.byDistrict!['青山区']).toMatchObject({ rows: 2, computed: m(sum(qing, qing)) });
      expect(t.byDistrict!['未填旗县区']).toMatchObject({ rows: 1, computed: given });
      const lines = Object.values(t.byDistrict!);
      expect(m(sum(...lines.map((l) => l.computed)))).toBe(t.computed);
      expect(m(sum(...lines.map((l) => l.claimed)))).toBe(t.claimed);
      expect(m(sum(...lines.map((l) => l.difference)))).toBe(t.difference);
      expect(lines.reduce((n, l) => n + l.rows, 0)).toBe(t.rows);
    });
  }

  it('answers CSV and xlsx that agree with the JSON on every total: the preamble above the header, a 合计 line a re-upload skips, a 汇总 sheet', async () => {
    const json = (await (await post('overquota-reward', files['typical.xlsx'], XLSX_TYPE)).json()) as Answer;
    const t = json.summary.totals;
    const csvText = await (await post('overquota-reward', files['typical.xlsx'], XLSX_TYPE, { accept: 'text/csv' })).text();
    const csv = parseCsvAnswer(csvText);
    expect(csv[0][0]).toBe('包头市2024年度超比例安排残疾人就业奖励申报汇总表');
    const header = csv[2];
    expect(header.slice(-4)).toEqual(['状态', '奖励金额（每年）', '差额', '说明']);
    const rows = csv.slice(3);
    expect(rows).toHaveLength(12);
    expect(rows.slice(0, 11).map((r) => r[header.length - 4])).toEqual([
      '未计算',
      '通过',
      '通过',
      '金额不符',
      '通过',
      '通过',
      '通过',
      '无法计算',
      '未计算',
      '未计算',
      '未计算',
    ]);
    const total = rows[11];
    expect(total[0]).toBe('合计');
    expect(total[header.indexOf('申报金额（元）')]).toBe(t.claimed);
    expect(total[header.length - 3]).toBe(t.computed);
    expect(total[header.length - 2]).toBe(t.difference);
    expect(total[header.length - 1]).toContain(`${t.claimedRows} 行`);
    // the answer posted back: its header found under the preamble, its 合计 line and the clerk's skipped, the same totals
    const again = (await (await post('overquota-reward', csvText, 'text/csv')).json()) as Answer;
    expect(again.rows.at(-1)?.reason?.zh).toContain('合计');
    expect(again.summary.totals.computed).toBe(t.computed);

    const xlsx = await post('overquota-reward', files['typical.xls'], 'application/vnd.ms-excel', { accept: XLSX_TYPE });
    expect(xlsx.status).toBe(200);
    const path = join(out, 'typical-answer.xlsx');
    writeFileSync(path, new Uint8Array(await xlsx.arrayBuffer()));
    const back = parseCsvAnswer(await readBack(path, join(out, 'typical-answer-back')));
    expect(back[0][0]).toBe('包头市2024年度超比例安排残疾人就业奖励申报汇总表');
    const xTotal = back.at(-1)!;
    expect(xTotal[0]).toBe('合计');
    expect(xTotal[header.length - 3]).toBe(t.computed); // a number cell shown as 0.00
    expect(xTotal[header.length - 2]).toBe(t.difference);
    expect(back[3 + 1][header.indexOf('申报金额（元）')]).toBe(kun); // the claimed amount, numeric
    // the 汇总 sheet: its own CSV export lists the totals and every district line
    const flat = readFileSync((await convertMany([path], 'fods', join(out, 'typical-answer-flat')))[0], 'utf8');
    expect(flat).toContain('table:name="汇总"');
    for (const name of ['昆都仑区', '青山区', '未填旗县区', '各旗县区合计']) expect(flat).toContain(name);
    expect(flat).toContain(`office:value="${Number(t.computed)}"`);
  });

  for (const name of ['variants.xlsx', 'variants.xls']) {
    it(`${name}: without the parent row, or with one header row only, the form reads the same (an empty sheet passed over)`, async () => {
      const typical = (await (await post('overquota-reward', files['typical.xlsx'], XLSX_TYPE)).json()) as Answer;
      const first = (await (await post('overquota-reward', files[name], typeOf(name))).json()) as Answer;
      expect(first.sheet).toBe('无父行');
      expect(first.sheets?.[0]).toMatchObject({ name: '空白', found: { zh: '空表' } });
      expect(first.headerRow).toBe(3);
      const only = (await (await post('overquota-reward', files[name], typeOf(name), {}, `?sheet=${encodeURIComponent('单行表头')}`)).json()) as Answer;
      expect(only.headerRow).toBe(1);
      expect(only.preamble).toEqual([]);
      for (const a of [first, only]) {
        expect(a.rows.map((r) => r.status)).toEqual(TYPICAL_STATUSES);
        expect(a.rows.map((r) => r.result?.amount)).toEqual(typical.rows.map((r) => r.result?.amount));
        expect(a.summary).toEqual(typical.summary);
        expect(a.unmatchedColumns).toEqual(typical.unmatchedColumns);
      }
    });
  }

  it('without a header for the rule, refuses with 422 naming every sheet, what was found on it, and the closest row', async () => {
    const response = await post('rent-subsidy', files['typical.xlsx'], XLSX_TYPE);
    expect(response.status).toBe(422);
    const body = (await response.json()) as {
      error: { code: string; field: string; message: { zh: string } };
      sheets: { name: string; found: { zh: string } }[];
      closest: { sheet: string; row: number; cells: string[] };
    };
    expect(body.error).toMatchObject({ code: 'unknown-column', field: 'header' });
    expect(body.sheets.map((s) => s.name)).toEqual(['填表说明', '申报表']);
    expect(body.error.message.zh).toContain('申报表');
    expect(body.closest.sheet).toBe('申报表');
    expect(body.closest.cells.length).toBeGreaterThan(0);
  });

  it('?sheet= picks the sheet; an explicit mapping names a column the reader does not know; unknown targets are refused by name', async () => {
    const picked = await post('overquota-reward', files['typical.xlsx'], XLSX_TYPE, {}, `?sheet=${encodeURIComponent('申报表')}`);
    expect(((await picked.json()) as Answer).summary.ok).toBe(5);
    const twice = await post('overquota-reward', files['typical.xlsx'], XLSX_TYPE, {}, `?columns=${encodeURIComponent(JSON.stringify({ 备注: 'rowId' }))}`);
    expect(twice.status).toBe(422); // 序号 and 备注 would both be the row id: said with the clerk's headers
    expect(((await twice.json()) as { error: { message: { zh: string } } }).error.message.zh).toMatch(/序号.*备注/);
    const csv = '职工合计,折算人数,旗县区,所涉日期\r\n400,9,昆区,2024/6/30\r\n';
    const columns = encodeURIComponent(JSON.stringify({ 职工合计: 'totalStaff', 折算人数: 'disabledCounted' }));
    const ok = (await (await post('overquota-reward', csv, 'text/csv', {}, `?columns=${columns}`)).json()) as Answer;
    expect(ok.rows[0]).toMatchObject({ status: 'ok', result: { amount: kun } });
    const json = await post(
      'overquota-reward',
      JSON.stringify({
        columns: { 职工合计: 'totalStaff', 折算人数: 'disabledCounted' },
        rows: [{ 职工合计: 400, 折算人数: 9, 旗县区: '昆都仑', 所涉日期: '20240630' }],
      }),
      'application/json',
    );
    expect(((await json.json()) as Answer).rows[0]).toMatchObject({ status: 'ok', result: { amount: kun } });
    const bad = await post('overquota-reward', csv, 'text/csv', {}, `?columns=${encodeURIComponent(JSON.stringify({ 职工合计: 'employees' }))}`);
    expect(bad.status).toBe(422);
    const error = ((await bad.json()) as { error: { code: string; field: string; message: { zh: string } } }).error;
    expect(error).toMatchObject({ code: 'unknown-column', field: 'columns' });
    expect(error.message.zh).toContain('employees');
  });
});

describe('a rent-subsidy table at B3 with the office’s own column names (.xlsx, .xls, CSV)', () => {
  for (const name of ['rent.xlsx', 'rent.xls', 'rent.csv']) {
    it(`${name}: aliases and marks read, units dropped, shares adding up to the amount`, async () => {
      if (name.endsWith('.csv')) expect(new TextDecoder().decode(files[name]).split(/\r?\n/)[0]).toMatch(/^,*$/); // first lines only commas
      const response = await post('rent-subsidy', files[name], typeOf(name));
      expect(response.status, await response.clone().text()).toBe(200);
      const a = (await response.json()) as Answer;
      expect(a.headerRow).toBe(3);
      expect(a.rows.map((r) => r.status)).toEqual(['ok', 'ok', 'skipped']);
      expect(a.rows[0].result?.amount).toBe(rentA.amount);
      expect(a.rows[1].result?.amount).toBe(rentB.amount);
      const t = a.summary.totals;
      expect(t).toMatchObject({
        rows: 2,
        computed: m(sum(rentA.amount as string, rentB.amount as string)),
        claimedRows: 1,
        claimed: rentA.amount,
        computedClaimed: rentA.amount,
        difference: '0.00',
      });
      expect(m(sum(t.cityShare!, t.districtShare!))).toBe(t.computed);
      expect(t.cityShare).toBe(m(sum(rentA.cityShare as string, rentB.cityShare as string)));
    });
  }
});
