import { describe, expect, it } from 'vitest';
import { OfficeMockObject } from 'office-addin-mock';
import { evaluate, findRule, isoToExcelSerial, listRules, type Success } from '../../rules/index.ts';
import { TableBatch } from '../../rules/tables/index.ts';
import { MONEY_FORMAT, readSelection, writeResults } from '../../addin/taskpane/excel-io.ts';
import { guessRule, HIGHLIGHT, readTableHeader, rowObjects } from '../../addin/taskpane/table.ts';
import { validateTable } from '../../addin/taskpane/validate.ts';
import { WorkerError } from '../../addin/taskpane/worker-client.ts';

const rules = listRules();
const overquota = rules.find((r) => r.id === 'overquota-reward')!;

// A clerk's table: Chinese labels, a row id, a claimed amount; one correct, one wrong claim, one bad row.
const table = [
  ['行号', '在职职工总数', '残疾职工折算人数', '月最低工资标准', '申报金额'],
  ['A1', 400, 9, 1980, 29700],
  ['A2', 400, 9, 1980, 30000],
  ['A3', 0, 9, 1980, ''],
];

function excelMock(values: unknown[][]) {
  const ranges: { args: number[]; values?: unknown; numberFormat?: unknown; format: { fill: { color?: string; cleared?: boolean } } }[] = [];
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        range: { values, rowIndex: 4, columnIndex: 1, rowCount: values.length, columnCount: values[0].length },
        getSelectedRange() {
          return this.range;
        },
        worksheets: {
          getActiveWorksheet() {
            return {
              getRangeByIndexes(...args: number[]) {
                const range = {
                  args,
                  format: {
                    fill: { clear: () => ((range.format.fill as { cleared?: boolean }).cleared = true) },
                    autofitColumns: () => undefined,
                  },
                } as any;
                ranges.push(range);
                return range;
              },
            };
          },
        },
      },
    },
    run: async function (callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  }) as any;
  return { mock, ranges };
}

describe('reading and writing the workbook (office-addin-mock)', () => {
  it('reads the selected range with its position', async () => {
    const { mock } = excelMock(table);
    const selection = await readSelection(mock);
    expect(selection).toEqual({ values: table, rowIndex: 4, columnIndex: 1, rowCount: 4, columnCount: 5 });
  });

  it('writes status, amount, difference and message beside the table and colours mismatches and invalid rows', async () => {
    const { mock, ranges } = excelMock(table);
    const selection = await readSelection(mock);
    const result = await validateTable({ values: selection.values, meta: overquota, lang: 'zh' });
    await writeResults(mock, selection, result.columns, { statuses: result.outcome.rows.map((r) => r.status), dateValues: false, moneyValues: true });
    const [target, amounts, ...rows] = ranges;
    expect(target.args).toEqual([4, 6, 4, 4]);
    expect(target.values).toEqual(result.columns);
    // the amount and the difference as numbers with two decimals, so the clerk can sum them
    expect(amounts.args).toEqual([5, 7, 3, 2]);
    expect(amounts.numberFormat).toEqual([
      [MONEY_FORMAT, MONEY_FORMAT],
      [MONEY_FORMAT, MONEY_FORMAT],
      [MONEY_FORMAT, MONEY_FORMAT],
    ]);
    expect(rows.map((r) => r.args)).toEqual([
      [5, 1, 1, 9],
      [6, 1, 1, 9],
      [7, 1, 1, 9],
    ]);
    expect(rows[0].format.fill.cleared).toBe(true);
    expect(rows[1].format.fill.color).toBe(HIGHLIGHT.mismatch);
    expect(rows[2].format.fill.color).toBe(HIGHLIGHT.invalid);
  });

  it('gives a date column a date format', async () => {
    const { mock, ranges } = excelMock(table);
    const selection = await readSelection(mock);
    await writeResults(
      mock,
      selection,
      [
        ['h', 'd', 'x', 'm'],
        ['ok', 45000, '', ''],
      ],
      { statuses: ['ok'], dateValues: true },
    );
    expect(ranges[1].args).toEqual([5, 7, 1, 1]);
    expect(ranges[1].numberFormat).toEqual([['yyyy-mm-dd']]);
  });
});

describe('validating a table', () => {
  it('recognises the rule from Chinese or English headers, and leaves the choice to the clerk when several fit', () => {
    expect(guessRule(table[0], rules)?.id).toBe('overquota-reward');
    expect(guessRule(['rowId', 'totalStaff', 'disabledCounted', 'monthlyMinWage', 'claimed'], rules)?.id).toBe('overquota-reward');
    expect(guessRule(['nothing', 'known'], rules)).toBeUndefined();
    const reading = readTableHeader([['行号', '申报金额（元）', '单位名称', '在职职工总数(人)']], overquota);
    expect(reading.ok && reading.columns.map((c) => c.kind)).toEqual(['rowId', 'claimed', 'extra', 'input']);
    const twice = readTableHeader([['totalStaff', '在职职工总数（人）']], overquota);
    expect(twice.ok || twice.error.message.zh).toContain('在职职工总数（人）');
  });

  it("reads Excel's own cells with the shared table module: serial dates, numbers, extra columns kept, a 合计 row skipped, totals by district", async () => {
    const serial = isoToExcelSerial('2024-06-30');
    const values = [
      ['序号', '单位名称', '旗县区', '在职职工总数（人）', '残疾职工折算人数', '月最低工资标准（元/月）', '所涉日期', '申报金额（元）'],
      [1, '甲公司', '昆区', 400, 9, 1980, serial, 29700],
      [2, '乙公司', '青山区', 400, 9, 1980, '2024/6/30', '￥29,700.00'],
      ['', '', '', '', '', '', '', ''],
      ['合计', '', '', 800, 18, '', '', 59400],
    ];
    const expected = (evaluate('overquota-reward', { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, date: '2024-06-30' }) as Success).result
      .amount as string;
    const result = await validateTable({ values, meta: overquota, lang: 'zh' });
    expect(result.outcome.rows.map((r) => r.status)).toEqual(['ok', 'ok', 'skipped', 'skipped']);
    expect(result.outcome.summary).toMatchObject({ rows: 4, ok: 2, skipped: 2, totals: { computed: (Number(expected) * 2).toFixed(2), claimed: '59400.00' } });
    expect(Object.keys(result.outcome.summary.totals!.byDistrict!)).toEqual(['昆都仑区', '青山区']);
    expect(result.columns.slice(1).map((r) => r[0])).toEqual(['通过', '通过', '未计算', '未计算']);
    expect(result.columns[4][3]).toContain('合计');
    expect(rowObjects(values)[0]).toMatchObject({ 序号: 1, 所涉日期: serial });
  });

  it('without a configured Worker validates locally with evaluateBatch and says so', async () => {
    const progress: number[][] = [];
    const result = await validateTable({ values: table, meta: overquota, lang: 'zh', onProgress: (d, t) => progress.push([d, t]) });
    expect(result.path).toBe('local');
    expect(result.reason.zh).toContain('未设置核对服务地址');
    expect(result.outcome.summary).toMatchObject({ rows: 3, ok: 1, mismatch: 1, invalid: 1, skipped: 0 });
    expect(result.columns[0]).toEqual(['状态', overquota.outputs.find((o) => o.name === 'amount')!.label.zh, '差额', '说明']);
    expect(result.columns[1].slice(0, 3)).toEqual(['通过', 29700, 0]);
    expect(result.columns[1][3]).toBe(result.outcome.rows[0].warnings?.map((w) => w.zh).join('；') ?? '');
    expect(result.columns[2].slice(0, 3)).toEqual(['金额不符', 29700, 300]);
    expect(result.columns[3][0]).toBe('无法计算');
    expect(result.columns[3][3]).toMatch(/在职职工总数/);
    expect(result.columns[3][3]).not.toMatch(/totalStaff/);
    expect(progress.at(-1)).toEqual([3, 3]);
  });

  it('through the Worker: chunks, in order, with progress; same answers as local', async () => {
    const big = [table[0], ...Array.from({ length: 7 }, (_, i) => [`R${i}`, 100 + i * 50, i, 1980, ''])];
    const calls: { url: string; auth: string; rows: number }[] = [];
    const fakeWorker = async (url: string, init?: RequestInit) => {
      const body = JSON.parse(String(init!.body));
      calls.push({ url, auth: String((init!.headers as Record<string, string>).authorization), rows: body.rows.length });
      // as the Worker reads JSON rows: with the shared table module
      const batch = new TableBatch(findRule(overquota.id)!, overquota);
      return new Response(JSON.stringify({ rows: body.rows.map((r: unknown) => batch.addObject(r)) }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    };
    const progress: number[] = [];
    const viaWorker = await validateTable({
      values: big,
      meta: overquota,
      lang: 'en',
      worker: { url: 'https://w.example/', key: 'k' },
      fetch: fakeWorker,
      chunkRows: 3,
      onProgress: (d) => progress.push(d),
    });
    expect(viaWorker.path).toBe('worker');
    expect(calls).toEqual([
      { url: 'https://w.example/v1/batch/overquota-reward', auth: 'Bearer k', rows: 3 },
      { url: 'https://w.example/v1/batch/overquota-reward', auth: 'Bearer k', rows: 3 },
      { url: 'https://w.example/v1/batch/overquota-reward', auth: 'Bearer k', rows: 1 },
    ]);
    expect(progress).toEqual([0, 3, 6, 7]);
    expect(viaWorker.outcome.rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const local = await validateTable({ values: big, meta: overquota, lang: 'en' });
    expect(viaWorker.columns).toEqual(local.columns);
    expect(viaWorker.outcome.summary).toEqual(local.outcome.summary);
  });

  it('falls back to local when the network fails or the browser is offline', async () => {
    const unreachable = async () => {
      throw new TypeError('Failed to fetch');
    };
    const failed = await validateTable({ values: table, meta: overquota, lang: 'en', worker: { url: 'https://w.example', key: 'k' }, fetch: unreachable });
    expect(failed.path).toBe('local');
    expect(failed.reason.en).toContain('could not be reached');
    expect(failed.outcome.summary.rows).toBe(3);
    const offline = await validateTable({
      values: table,
      meta: overquota,
      lang: 'en',
      worker: { url: 'https://w.example', key: 'k' },
      online: false,
      fetch: unreachable,
    });
    expect(offline.reason.en).toContain('offline');
  });

  it('reports a Worker that refuses (e.g. a wrong key) instead of guessing', async () => {
    const refusing = async () =>
      new Response(JSON.stringify({ error: { code: 'unauthorized', message: { zh: '密钥不正确', en: 'bad key' } } }), { status: 401 });
    await expect(
      validateTable({ values: table, meta: overquota, lang: 'en', worker: { url: 'https://w.example', key: 'x' }, fetch: refusing }),
    ).rejects.toThrow(WorkerError);
    await expect(
      validateTable({ values: table, meta: overquota, lang: 'en', worker: { url: 'https://w.example', key: 'x' }, fetch: refusing }),
    ).rejects.toThrow(/401: bad key/);
  });

  it('a row that fails a condition says 不符合条件 and the conditions in words in its message cell', async () => {
    const values = [
      ['在职职工总数', '残疾职工折算人数', '月最低工资标准', '单位类型', '所涉日期'],
      [400, 9, 1980, '财政拨款单位', '2024-06-30'],
      [400, 9, 1980, '企业', '2024-06-30'],
    ];
    const result = await validateTable({ values, meta: overquota, lang: 'zh' });
    expect(result.outcome.rows[0].eligible).toBe(false);
    expect(result.columns[1][3]).toMatch(/^不符合条件：财政拨款的单位不享受超比例奖励/);
    expect(result.columns[1][3]).not.toMatch(/excluded-unit-kind/);
    expect(result.outcome.rows[1].eligible).toBeUndefined();
    expect(result.columns[2][3]).not.toMatch(/不符合条件/);
  });
});
