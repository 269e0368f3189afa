/**
 * Clerks' real tables through the real Worker (workerd, wrangler dev): a claims table as a Chinese clerk
 * keeps it (extra columns 单位名称/统一社会信用代码/备注, units in the headers, dates like 2024/6/30 and
 * 2024年6月30日, amounts like ￥29,700.00 and 29700元, a blank row and a 合计 row), made into .xlsx, .xls,
 * UTF-16 "Unicode text" and GBK CSV by LibreOffice (zh-CN locale, so dates become date cells and ￥
 * amounts numbers), posted as they are. The answers (JSON, CSV, xlsx) are read back, the xlsx by
 * LibreOffice. Expected amounts come from `evaluate()`, never typed in.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readSheet } from '../../rules/tables/xlsx-read.ts';
import { launchChromium } from '../support/browser.ts';
import { evaluate, isoToExcelSerial, listRules, type Success } from '../../rules/index.ts';
import { parseCsvAnswer } from '../support/csv.ts';
import { convert, CSV_GBK, readBack, TEXT_UTF16, XLS, ZH_CSV_IMPORT, ZH_CSV_IMPORT_AS_TYPED } from '../support/libreoffice.ts';

const out = fileURLToPath(new URL('../../test-output/tables/', import.meta.url));
const KEY = 'local-dev-key';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const HEADER = '序号,单位名称,统一社会信用代码,旗县区,在职职工总数（人）,残疾职工折算人数(人),月最低工资标准（元/月）,所涉日期,申报金额（元）,备注';
const LINES = [
  '1,包头甲公司,91150200MA0000001X,昆都仑区,400,9,1980,2024/6/30,"￥29,700.00",',
  '2,包头乙公司,91150200MA0000002X,青山区,400,9,1980,2024-6-30,¥29700,按时申报',
  '3,包头丙公司,91150200MA0000003X,昆区,400,9,"1,980.00",2024.6.30,"29,700.00 元",',
  '4,包头丁公司,91150200MA0000004X,东河区,400,9,1980,2024年6月30日,29700元,',
  '5,包头戊公司,91150200MA0000005X,九原区,400,9,1980,2024/6/30 0:00, 30000 ,多报',
  '6,包头己公司,91150200MA0000006X,石拐区,四百,9,1980,2024/6/30,,',
  ',,,,,,,,,',
  '合计,,,,2400,54,,,"￥148,800.00",',
];
const SOURCE = [HEADER, ...LINES].join('\r\n') + '\r\n';
const STATUSES = ['ok', 'ok', 'ok', 'ok', 'mismatch', 'invalid', 'skipped', 'skipped'];

const meta = listRules().find((m) => m.id === 'overquota-reward')!;
const ZH_ANSWER = ['状态', meta.outputs.find((o) => o.name === meta.primary)!.label.zh, '差额', '说明'];
const amount = (() => {
  const r = evaluate('overquota-reward', { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, date: '2024-06-30' }) as Success;
  return r.result.amount as string;
})();

interface Answer {
  ignoredColumns: string[];
  rows: { index: number; rowId?: string; status: string; result?: Record<string, unknown>; claimed?: string; difference?: string; reason?: { zh: string } }[];
  summary: {
    rows: number;
    ok: number;
    mismatch: number;
    invalid: number;
    skipped: number;
    totals: Record<string, unknown> & { byDistrict: Record<string, { computed: string }> };
  };
}

function post(body: Uint8Array | string, contentType: string, headers: Record<string, string> = {}, query = '') {
  return fetch(`${inject('workerUrl')}/v1/batch/overquota-reward${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': contentType, ...headers },
    body: body as BodyInit,
  });
}

const files: Record<string, { bytes: Uint8Array; type: string }> = {};

beforeAll(async () => {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const source = join(out, 'claims.csv');
  writeFileSync(source, SOURCE);
  const xlsx = await convert(source, 'xlsx', join(out, 'xlsx'), ZH_CSV_IMPORT);
  const xls = await convert(xlsx, XLS, join(out, 'xls'));
  // Text as the clerk typed it, re-saved by LibreOffice as "Unicode text" (UTF-16LE, tab) and as GBK CSV.
  const utf16 = await convert(source, TEXT_UTF16, join(out, 'utf16'), ZH_CSV_IMPORT_AS_TYPED);
  const gbk = await convert(source, CSV_GBK, join(out, 'gbk'), ZH_CSV_IMPORT_AS_TYPED);
  files['xlsx (LibreOffice, zh-CN)'] = { bytes: readFileSync(xlsx), type: XLSX_TYPE };
  files['xls (LibreOffice, Excel 97)'] = { bytes: readFileSync(xls), type: 'application/vnd.ms-excel' };
  files['UTF-16LE Unicode text, tab-separated (LibreOffice)'] = { bytes: readFileSync(utf16), type: 'text/plain' };
  files['GBK CSV (LibreOffice)'] = { bytes: readFileSync(gbk), type: 'text/csv' };
  files['UTF-8 CSV with BOM, semicolons'] = {
    bytes: new TextEncoder().encode(`\uFEFF${SOURCE.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ';')}`),
    type: 'text/csv',
  };
}, 240_000);

describe('a claims table as clerks save it', () => {
  it('the fixtures are what LibreOffice made: date cells and ￥ numbers in the xlsx, UTF-16LE with BOM, GBK bytes', async () => {
    const back = parseCsvAnswer(await readBack(join(out, 'xlsx', 'claims.xlsx'), join(out, 'xlsx-back')));
    expect(back[1][8]).toMatch(/29,?700/); // the ￥ amount is a number cell shown in a currency format
    const utf16 = files['UTF-16LE Unicode text, tab-separated (LibreOffice)'].bytes;
    expect([utf16[0], utf16[1]]).toEqual([0xff, 0xfe]);
    const gbk = Buffer.from(files['GBK CSV (LibreOffice)'].bytes);
    expect(iconv.decode(gbk, 'gbk')).toContain('单位名称');
    expect(gbk.includes(Buffer.from('单位名称'))).toBe(false);
  });

  for (const name of [
    'xlsx (LibreOffice, zh-CN)',
    'xls (LibreOffice, Excel 97)',
    'UTF-16LE Unicode text, tab-separated (LibreOffice)',
    'GBK CSV (LibreOffice)',
    'UTF-8 CSV with BOM, semicolons',
  ]) {
    it(`validates ${name}: statuses, skipped rows, extra columns kept, totals by district`, async () => {
      const { bytes, type } = files[name];
      const response = await post(bytes, type);
      expect(response.status, await response.clone().text()).toBe(200);
      const answer = (await response.json()) as Answer;
      expect(answer.rows.map((r) => r.status)).toEqual(STATUSES);
      expect(answer.rows.slice(0, 4).map((r) => r.result?.amount)).toEqual([amount, amount, amount, amount]);
      expect(answer.rows[4]).toMatchObject({ status: 'mismatch', claimed: '30000.00' });
      expect(answer.rows[5]).toMatchObject({ status: 'invalid', rowId: '6' });
      expect(answer.rows[6].reason?.zh).toContain('空行');
      expect(answer.rows[7].reason?.zh).toContain('合计');
      expect(answer.ignoredColumns).toEqual(['单位名称', '统一社会信用代码', '备注']);
      expect(answer.summary).toMatchObject({ rows: 8, ok: 4, mismatch: 1, invalid: 1, skipped: 2 });
      const five = (Number(amount) * 5).toFixed(2);
      expect(answer.summary.totals).toMatchObject({ rows: 5, computed: five, claimed: '148800.00', difference: '300.00' });
      expect(Object.keys(answer.summary.totals.byDistrict).sort()).toEqual(['东河区', '九原区', '昆都仑区', '青山区'].sort());
      expect(answer.summary.totals.byDistrict['昆都仑区'].computed).toBe((Number(amount) * 2).toFixed(2)); // 昆都仑区 and 昆区
    });
  }

  it('answers CSV in Chinese for a Chinese table: input columns as given, then 状态/奖励金额/差额/说明, numbers as numbers', async () => {
    const response = await post(files['xlsx (LibreOffice, zh-CN)'].bytes, XLSX_TYPE, { accept: 'text/csv' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-language')).toBe('zh-CN');
    const [header, ...rows] = parseCsvAnswer(await response.text());
    expect(header.slice(0, 10)).toEqual(HEADER.split(','));
    expect(header.slice(10)).toEqual(ZH_ANSWER);
    expect(rows.slice(0, 8).map((r) => r[10])).toEqual(['通过', '通过', '通过', '通过', '金额不符', '无法计算', '未计算', '未计算']);
    expect(rows[8][0]).toBe('合计'); // the answer's own 合计 line
    expect(rows[4][12]).toBe('300.00');
    expect(rows[0][11]).toBe(amount);
    expect(rows[5][13]).toMatch(/[\u4e00-\u9fff]/);
    expect(rows[5][13]).not.toMatch(/ \/ /); // one language
  });

  it('answers English words with ?lang=en, and with Accept-Language: en', async () => {
    for (const [query, headers] of [
      ['?lang=en', {}],
      ['', { 'accept-language': 'en-GB,en;q=0.8' }],
    ] as const) {
      const response = await post(files['GBK CSV (LibreOffice)'].bytes, 'text/csv', { accept: 'text/csv', ...headers }, query);
      const [header, ...rows] = parseCsvAnswer(await response.text());
      expect(header.slice(10)).toEqual(['status', 'amount', 'difference', 'message']);
      expect(rows[4][10]).toBe('Amount differs');
    }
  });

  it('answers xlsx that LibreOffice opens: same columns, amounts with two decimals, status words', async () => {
    const response = await post(files['xls (LibreOffice, Excel 97)'].bytes, 'application/vnd.ms-excel', { accept: XLSX_TYPE });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX_TYPE);
    const path = join(out, 'answer.xlsx');
    writeFileSync(path, new Uint8Array(await response.arrayBuffer()));
    const [header, ...rows] = parseCsvAnswer(await readBack(path, join(out, 'answer-back')));
    expect(header.slice(10)).toEqual(ZH_ANSWER);
    expect(rows).toHaveLength(9); // eight rows and the 合计 line;
    expect(rows.slice(0, 8).map((r) => r[10])).toEqual(['通过', '通过', '通过', '通过', '金额不符', '无法计算', '未计算', '未计算']);
    // shown through the 0.00 number format: numeric cells, not text
    expect(rows[0][11]).toBe(amount);
    expect(rows[4][12]).toBe('300.00');
    expect(rows[0][7]).toBe('2024-06-30');
  });
});

describe('templates, as LibreOffice reads them', () => {
  it('template.xlsx opens in LibreOffice with Chinese headers with units, the example row, a 说明 sheet and drop-downs for districts', async () => {
    const response = await fetch(`${inject('workerUrl')}/v1/rules/overquota-reward/template.xlsx`);
    expect(response.status).toBe(200);
    const path = join(out, 'overquota-reward-template.xlsx');
    writeFileSync(path, new Uint8Array(await response.arrayBuffer()));
    const [header, example] = parseCsvAnswer(await readBack(path, join(out, 'template-back')));
    expect(header).toContain('在职职工总数（人）');
    expect(header).toContain('月最低工资标准（元/月）');
    expect(example[header.indexOf('旗县区')]).toBe('昆都仑区');
    // the whole workbook as LibreOffice holds it (flat ODF XML): the drop-down lists and the notes sheet
    const flat = readFileSync(await convert(path, 'fods', join(out, 'template-flat')), 'utf8');
    expect(flat).toMatch(/<table:content-validation [^>]*table:condition="of:cell-content-is-in-list\([^)]*昆都仑区/);
    expect(flat).toContain('table:name="说明"');
    const csv = await fetch(`${inject('workerUrl')}/v1/rules/overquota-reward/template.csv`);
    const [csvHeader] = parseCsvAnswer(await csv.text());
    expect(csvHeader).toEqual(header);
  });
});

describe('the page, with the LibreOffice-made workbook', () => {
  const browserReady = launchChromium();
  afterAll(async () => (await browserReady).close());

  it('uploads the .xlsx, shows counts, budget totals by district and claimed/computed on rows that need attention, and downloads xlsx from the one answer', async () => {
    const browser = await browserReady;
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${inject('workerUrl')}/?rule=overquota-reward`);
    await page.waitForSelector('#template-xlsx[href]', { state: 'attached' }); // set once the rules are loaded
    expect(await page.locator('#template-xlsx').getAttribute('href')).toBe('/v1/rules/overquota-reward/template.xlsx');
    let batches = 0;
    page.on('request', (r) => void (r.url().includes('/v1/batch/') && batches++));
    await page.setInputFiles('#batch-file', { name: 'claims.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(files['xlsx (LibreOffice, zh-CN)'].bytes) });
    await page.getByLabel('访问密钥').fill(KEY);
    await page.getByRole('button', { name: '上传并核对' }).click();
    await page.locator('#batch-summary').waitFor();
    const count = (k: string) => page.locator(`#batch-summary [data-count="${k}"]`).innerText();
    expect([await count('rows'), await count('ok'), await count('mismatch'), await count('invalid'), await count('skipped')]).toEqual([
      '8',
      '4',
      '1',
      '1',
      '2',
    ]);
    expect(await page.locator('#batch-totals [data-total="all"] [data-money="computed"]').innerText()).toBe((Number(amount) * 5).toFixed(2));
    expect(await page.locator('#batch-totals [data-total="all"] [data-money="claimed"]').innerText()).toBe('148800.00');
    expect(await page.locator('#batch-totals [data-district="昆都仑区"] [data-money="computed"]').innerText()).toBe((Number(amount) * 2).toFixed(2));
    const mismatch = page.locator('#batch-rows tr[data-status="mismatch"]');
    expect(await mismatch.locator('[data-money="claimed"]').innerText()).toBe('30000.00');
    expect(await mismatch.locator('[data-money="computed"]').innerText()).toBe(amount);
    expect(await page.locator('#batch-ignored').innerText()).toContain('单位名称');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载结果 Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('claims.overquota-reward.result.xlsx');
    const path = join(out, 'page-result.xlsx');
    await download.saveAs(path);
    const [header, ...rows] = parseCsvAnswer(await readBack(path, join(out, 'page-result-back')));
    expect(header.slice(10)).toEqual(ZH_ANSWER);
    expect(rows.slice(0, 8).map((r) => r[10])).toEqual(['通过', '通过', '通过', '通过', '金额不符', '无法计算', '未计算', '未计算']);
    expect(rows[8][10]).toBe('合计'); // the page writes the Worker's answer, with its own 合计 line
    expect(rows[4][12]).toBe('300.00');
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载结果 CSV' }).click()]);
    expect(csvDownload.suggestedFilename()).toBe('claims.overquota-reward.result.csv');
    expect(batches).toBe(1); // both downloads come from the one answer: the audit records one batch
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the task pane, with the LibreOffice-made workbook as Excel hands it over', () => {
  const browserReady = launchChromium();
  afterAll(async () => (await browserReady).close());
  const officeStub = readFileSync(new URL('../support/office-stub.browser.js', import.meta.url), 'utf8');

  /** The sheet's cells as Excel's `range.values` gives them: date cells as serial numbers, amounts as numbers, blanks as ''. */
  function selectionValues(): unknown[][] {
    const read = readSheet(files['xlsx (LibreOffice, zh-CN)'].bytes);
    if (!read.ok) throw new Error(read.error.message.en);
    const rows = [read.rows.header];
    for (let row = read.rows.next(); row; row = read.rows.next()) rows.push(row);
    const width = Math.max(...rows.map((r) => r.length));
    const excel = (cell: unknown) => (typeof cell === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(cell) ? isoToExcelSerial(cell) : (cell ?? ''));
    return rows.map((row) => Array.from({ length: width }, (_, i) => excel(row[i])));
  }

  for (const path of ['local', 'worker'] as const) {
    it(`validates the clerk's table (${path} path): statuses, skipped rows, totals, template offered`, async () => {
      const values = selectionValues();
      expect(typeof values[1][7], JSON.stringify(values.slice(0, 2))).toBe('number'); // 2024/6/30 is a date cell: Excel gives its serial number
      const browser = await browserReady;
      const page = await browser.newPage({ viewport: { width: 360, height: 720 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: officeStub }));
      await page.addInitScript(
        ({ values, url }) => {
          (window as any).__officeStub = { selection: { values, rowIndex: 0, columnIndex: 0 } };
          if (url) localStorage.setItem('bt-worker-settings', JSON.stringify({ url, key: 'local-dev-key' }));
        },
        { values, url: path === 'worker' ? inject('workerUrl') : '' },
      );
      await page.goto(`${inject('workerUrl')}/addin/taskpane.html`);
      await page.waitForSelector('#bt-validate');
      await page.click('#bt-validate');
      await page.waitForFunction(() => document.querySelector('#bt-summary')?.textContent !== '');
      expect(await page.textContent('#bt-summary')).toBe('共 8 行：通过 4 行，金额不符 1 行，无法计算 1 行，未计算 2 行');
      const totals = await page.textContent('#bt-totals');
      expect(totals).toContain(`计算 ${(Number(amount) * 5).toFixed(2)} 元（5 行）`);
      expect(totals).toContain('申报 148800.00 元');
      expect(totals).toContain('差额 300.00 元');
      const writes = await page.evaluate(() => (window as any).__officeStub.writes);
      expect(writes[0].values.map((r: unknown[]) => r[0])).toEqual(['状态', '通过', '通过', '通过', '通过', '金额不符', '无法计算', '未计算', '未计算']);
      expect(writes[0].values[5].slice(1, 3)).toEqual([Number(amount), 300]);
      const template = await page.getAttribute('#bt-template', 'href');
      expect(template).toMatch(/\/v1\/rules\/overquota-reward\/template\.xlsx$/);
      const download = await fetch(new URL(template!, inject('workerUrl')));
      expect(download.status).toBe(200);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
