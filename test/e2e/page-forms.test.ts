/**
 * The page's batch section on real office forms, in headless Chromium against the real Worker: a workbook
 * of several sheets (the sheet read, its header row and preamble shown; another sheet chosen with the
 * keyboard), columns the Worker does not understand (a choice of inputs, remembered in the browser for
 * the rule and sent again with the next upload), and a big file (rows answered shown as they stream in;
 * cancelled, and audited `aborted`). Screenshots in zh-CN and en; axe finds no WCAG A/AA violation in
 * each new state. Expected answers come from the rules package (`evaluateBatch`).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateBatch, listRules, ROW_VERDICT_WORDS, verdictOf } from '../../rules/index.ts';
import { axeViolations } from '../support/axe.ts';
import { screenshotDir, workerPages } from '../support/browser.ts';
import { formWorkbook } from '../support/form-workbook.ts';
import { formFods } from '../support/form-fods.ts';
import { convert } from '../support/libreoffice.ts';
import { parseCsvAnswer } from '../support/csv.ts';

const KEY = 'local-dev-key';
const rule = 'overquota-reward';
const meta = listRules().find((r) => r.id === rule)!;
const settle = { timeout: 30_000, interval: 100 };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const pages = workerPages({ acceptDownloads: true, viewport: { width: 1100, height: 900 } });
const { pageErrors } = pages;
const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshotDir, `page-forms-${name}.png`), fullPage: true });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bt-page-forms-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function upload(page: Page, name: string, bytes: Buffer, mimeType: string) {
  await page.setInputFiles('#batch-file', { name, mimeType, buffer: bytes });
  await page.locator('#batch-key').fill(KEY);
  await page.locator('#batch-submit').click();
}

const counts = (page: Page) =>
  page.locator('#batch-summary [data-count]').evaluateAll((dds) => Object.fromEntries(dds.map((d) => [d.getAttribute('data-count'), Number(d.textContent)])));

async function noViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

describe('a workbook of several sheets', () => {
  const header = ['序号', '单位名称', '在职职工总数', '残疾职工折算人数', '月最低工资标准', '申报金额'];
  const first = [
    ['A1', '甲公司', 400, 9, 1980, 29700],
    ['A2', '乙公司', 400, 9, 1980, 30000],
    ['A3', '丙公司', 'abc', 9, 1980, undefined],
  ];
  const second = [
    ['B1', '丁公司', 1000, 20, 1980, undefined],
    ['B2', '戊公司', 300, 6, 1980, 0],
  ];
  const asInputs = (rows: (string | number | undefined)[][]) =>
    rows.map((r) => ({ rowId: r[0], totalStaff: r[2], disabledCounted: r[3], monthlyMinWage: r[4], claimed: r[5] ?? '' }));

  it('shows the sheet read, its header row and preamble, and checks another sheet chosen with the keyboard', async () => {
    const file = await formWorkbook(dir, 'three-sheets', [
      { name: '填表说明', rows: [['填表说明'], ['1. 每个单位填一行；金额单位为元。']] },
      {
        name: '申报表',
        titleSpan: 6,
        // A2 hidden; then the clerk's 合计 row and the signature line, neither a claim
        hiddenRows: [4],
        rows: [
          ['包头市2024年度超比例安排残疾人就业奖励申报汇总表'],
          ['填报单位：昆都仑区残联', undefined, undefined, undefined, undefined, '单位：元'],
          header,
          ...first,
          ['合计', undefined, 800, 18, undefined, 59700],
          ['填表人：张三', undefined, '审核人：李四', undefined, '联系电话：0472-1234567'],
        ],
      },
      { name: '第二批', rows: [header, ...second] },
    ]);
    const page = await pages.open(`/?rule=${rule}`);
    await upload(page, 'three-sheets.xlsx', readFileSync(file), XLSX);
    await page.locator('#batch-summary').waitFor(settle);
    const expected = evaluateBatch(rule, asInputs(first));
    expect(await counts(page)).toMatchObject({
      rows: 5,
      ok: expected.summary.ok,
      mismatch: expected.summary.mismatch,
      invalid: expected.summary.invalid,
      skipped: 2,
      hidden: 1,
    });
    // the hidden row is counted and said; the rows not computed are listed with their reasons
    expect(await page.locator('#batch-hidden-note').innerText()).toContain('隐藏');
    const skipped = await page
      .locator('#batch-skipped tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(skipped).toHaveLength(2);
    for (const [, reason] of skipped) expect(reason).toMatch(/\S/);
    expect(skipped[0][1]).toContain('合计');
    expect(await page.locator('#batch-source [data-sheet]').innerText()).toBe('申报表');
    expect(await page.locator('#batch-source [data-header-row]').innerText()).toBe('3');
    const preamble = await page.locator('#batch-preamble li').allInnerTexts();
    expect(preamble.join(' ')).toContain('包头市2024年度超比例安排残疾人就业奖励申报汇总表');
    expect(preamble.join(' ')).toContain('填报单位：昆都仑区残联');
    // every sheet is offered, each with what was found on it; the one read is chosen
    expect(await page.locator('#batch-sheet option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual([
      '填表说明',
      '申报表',
      '第二批',
    ]);
    expect(await page.locator('#batch-sheet').inputValue()).toBe('申报表');
    expect(await page.locator('label[for="batch-sheet"]').innerText()).toBe('要核对的工作表');
    // a row's outcome in the one vocabulary
    expect(await page.locator('#batch-rows tbody tr td:nth-child(2)').allInnerTexts()).toEqual(
      expected.rows.filter((r) => r.status !== 'ok' || r.eligible === false).map((r) => ROW_VERDICT_WORDS[verdictOf(r)].zh),
    );
    await noViolations(page);
    await shot(page, 'sheets-zh');

    // the keyboard alone: the sheet list, the next sheet, Tab to the button, Enter
    await page.locator('#batch-sheet').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#batch-sheet').inputValue()).toBe('第二批');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('batch-sheet-apply');
    await page.keyboard.press('Enter');
    await expect
      .poll(
        () =>
          page
            .locator('#batch-source [data-sheet]')
            .innerText()
            .catch(() => ''),
        settle,
      )
      .toBe('第二批');
    const next = evaluateBatch(rule, asInputs(second));
    expect(await counts(page)).toMatchObject({ rows: 2, ok: next.summary.ok, mismatch: next.summary.mismatch, invalid: next.summary.invalid });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('batch-summary-heading');
    // every sheet still offered, the one just read described by this answer
    expect(await page.locator('#batch-sheet option').count()).toBe(3);
    expect(await page.locator('#batch-sheet').inputValue()).toBe('第二批');
    expect(await page.locator('#batch-sheet-found').innerText()).not.toContain('第二批（未读取）');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await page.locator('label[for="batch-sheet"]').innerText()).toBe('Sheet to check');
    await noViolations(page);
    await shot(page, 'sheets-en');
    expect(pageErrors).toEqual([]);
  });
});

describe('the typical office form', () => {
  it('shows what the Worker read (sheet, header row, counts, hidden rows, rows not computed and why); the page’s CSV is the Worker’s CSV answer to the byte', async () => {
    const fods = join(dir, 'typical-form.fods');
    writeFileSync(fods, formFods());
    const bytes = readFileSync(await convert(fods, 'xlsx', dir));
    const worker = (accept: string, query = '') =>
      fetch(`${inject('workerUrl')}/v1/batch/${rule}?lang=zh${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': XLSX, accept },
        body: new Uint8Array(bytes),
      });
    const json = (await (await worker('application/json', '&cells=1')).json()) as {
      sheet: string;
      headerRow: number;
      summary: { rows: number; ok: number; mismatch: number; invalid: number; skipped: number; hidden?: number; totals?: Record<string, string> };
      rows: { status: string; reason?: { zh: string } }[];
    };
    const page = await pages.open(`/?rule=${rule}`);
    await upload(page, 'typical-form.xlsx', bytes, XLSX);
    await page.locator('#batch-summary').waitFor(settle);
    const { totals, ...summary } = json.summary;
    const { rows, ok, mismatch, invalid, skipped: notComputed, hidden } = summary;
    expect(await counts(page)).toEqual({ rows, ok, mismatch, invalid, skipped: notComputed, ...(hidden ? { hidden } : {}) });
    expect(await page.locator('#batch-source [data-sheet]').innerText()).toBe(json.sheet);
    expect(await page.locator('#batch-source [data-header-row]').innerText()).toBe(String(json.headerRow));
    for (const [key, value] of Object.entries(totals ?? {})) {
      const shown = page.locator(`#batch-totals [data-total="all"] [data-money="${key}"]`);
      if (typeof value === 'string' && (await shown.count())) expect(await shown.innerText(), key).toBe(value);
    }
    for (const [district, sums] of Object.entries((totals?.byDistrict ?? {}) as unknown as Record<string, Record<string, string>>)) {
      expect(await page.locator(`#batch-totals [data-district="${district}"] [data-money="computed"]`).innerText(), district).toBe(sums.computed);
    }
    // the rows not computed, each with the Worker's reason
    const skipped = json.rows.filter((r) => r.status === 'skipped');
    expect(await page.locator('#batch-skipped tbody tr td:nth-child(2)').allInnerTexts()).toEqual(skipped.slice(0, 50).map((r) => r.reason?.zh ?? ''));
    if (summary.hidden) expect(await page.locator('#batch-hidden-note').isVisible()).toBe(true);
    await noViolations(page);
    await shot(page, 'typical-form-zh');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#batch-download').click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    // (fetch's text() drops the byte-order mark, which both files start with)
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1)).toBe(await (await worker('text/csv')).text());
    expect(parseCsvAnswer(text.replace(/^\uFEFF/, '')).at(-1)![0]).toBe('合计');
    expect(pageErrors).toEqual([]);
  });
});

describe('columns the Worker does not understand', () => {
  const csv = ['单位名称,甲栏,乙栏,丙栏,核定额', '甲公司,400,9,1980,29700', '乙公司,400,9,1980,100', ''].join('\r\n');
  const choices = { 甲栏: 'totalStaff', 乙栏: 'disabledCounted', 丙栏: 'monthlyMinWage', 核定额: 'claimed' };
  const expected = evaluateBatch(rule, [
    { totalStaff: '400', disabledCounted: '9', monthlyMinWage: '1980', claimed: '29700' },
    { totalStaff: '400', disabledCounted: '9', monthlyMinWage: '1980', claimed: '100' },
  ]);

  it('offers a choice of inputs for each column instead of a dead end, and remembers it for the rule in this browser', async () => {
    const page = await pages.open(`/?rule=${rule}`);
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/v1/batch/')) sent.push(new URL(r.url()).searchParams.get('columns') ?? '');
    });
    await upload(page, 'odd-headers.csv', Buffer.from(csv, 'utf8'), 'text/csv');
    // refused for its header: the message, the row that came closest, and one labelled choice per column
    await page.locator('#batch-mapping').waitFor(settle);
    expect(await page.locator('#batch-alert').innerText()).not.toBe('');
    expect(await page.locator('#batch-closest').innerText()).toContain('甲栏');
    for (const header of ['单位名称', '甲栏', '乙栏', '丙栏', '核定额']) expect(await page.getByLabel(header, { exact: true }).count(), header).toBe(1);
    await noViolations(page);
    await shot(page, 'mapping-refused-zh');

    // two columns on one input: said, not sent
    await page.getByLabel('甲栏', { exact: true }).selectOption('totalStaff');
    await page.getByLabel('乙栏', { exact: true }).selectOption('totalStaff');
    await page.locator('#mapping-apply').click();
    expect(await page.locator('#mapping-error').innerText()).toContain(meta.inputs.find((i) => i.name === 'totalStaff')!.label.zh);
    expect(sent).toHaveLength(1);

    for (const [header, target] of Object.entries(choices)) await page.getByLabel(header, { exact: true }).selectOption(target);
    await page.locator('#mapping-apply').click();
    await page.locator('#batch-summary').waitFor(settle);
    expect(await counts(page)).toMatchObject({ rows: 2, ok: expected.summary.ok, mismatch: expected.summary.mismatch, invalid: 0 });
    expect(JSON.parse(sent[1])).toEqual(choices);
    expect(JSON.parse((await page.evaluate((k) => localStorage.getItem(k), `bt-columns:${rule}`))!)).toEqual(choices);
    await shot(page, 'mapping-applied-zh');

    // the next upload of this rule's table goes with the remembered mapping: computed at once
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await upload(page, 'odd-headers.csv', Buffer.from(csv, 'utf8'), 'text/csv');
    await page.locator('#batch-summary').waitFor(settle);
    expect(await counts(page)).toMatchObject({ rows: 2, ok: expected.summary.ok, mismatch: expected.summary.mismatch });
    expect(JSON.parse(sent[2])).toEqual(choices);
    expect(await page.locator('#batch-mapping-used').innerText()).toContain(`甲栏 → ${meta.inputs.find((i) => i.name === 'totalStaff')!.label.zh}`);
    // the remaining unmatched column (单位名称) can still be mapped, folded away, its choices pre-set
    await page.locator('#batch-mapping-details summary').click();
    expect(await page.getByLabel('单位名称', { exact: true }).inputValue()).toBe('');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await noViolations(page);
    await shot(page, 'mapping-remembered-en');
    // forgotten on the clerk's word: checked again without it, refused as at first
    await page.getByRole('button', { name: 'Forget the column choices' }).click();
    await page.locator('#batch-refusal').waitFor(settle);
    expect(await page.evaluate((k) => localStorage.getItem(k), `bt-columns:${rule}`)).toBeNull();
    expect(sent[3]).toBe('');
    expect(pageErrors).toEqual([]);
  });
});

describe('a big file', () => {
  const rows = 90_000;
  /**
   * An office line, not loopback: the answer arrives at 256 KB/s, so the progress view stays long enough to be checked and
   * the Worker is still answering when the clerk cancels (on loopback a quiet machine answered the 90,000 rows before the test looked).
   */
  const officeLine = async (page: Page) => {
    const network = await page.context().newCDPSession(page);
    await network.send('Network.enable');
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: 256 * 1024, uploadThroughput: -1 });
  };
  const csv = () => {
    const lines = ['序号,在职职工总数,残疾职工折算人数,月最低工资标准,申报金额'];
    for (let i = 0; i < rows; i++) lines.push(`R${i},${400 + (i % 100)},9,1980,29700`);
    return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
  };

  it('shows rows read and answered as the answer streams, and cancels; the Worker audits the batch aborted', async () => {
    const page = await pages.open(`/?rule=${rule}`);
    await officeLine(page);
    await upload(page, 'big.csv', csv(), 'text/csv');
    const progress = page.locator('#batch-progress');
    await expect.poll(async () => Number((await progress.getAttribute('data-rows').catch(() => null)) ?? 0), settle).toBeGreaterThan(0);
    const batchId = await progress.getAttribute('data-batch-id');
    expect(batchId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.locator('#batch-progress-text').innerText()).toMatch(/^已读取并核对 [\d,]+ 行$/);
    expect(await page.locator('#batch-submit').isDisabled()).toBe(true);
    // cancelled at once, while the Worker is still answering (the progress view's accessibility is checked in the next test)
    await page.getByRole('button', { name: '取消核对' }).click();
    await expect.poll(() => page.locator('#batch-alert').innerText(), settle).toBe('已取消核对，未得到结果。');
    expect(await page.locator('#batch-summary').count()).toBe(0);
    expect(await page.locator('#batch-submit').isDisabled()).toBe(false);
    await noViolations(page);
    await shot(page, 'cancelled-zh');
    const record = async () => {
      const response = await fetch(`${inject('workerUrl')}/v1/batch/${batchId}`, { headers: { authorization: `Bearer ${KEY}` } });
      return ((await response.json()) as { batch?: { status: string; rows?: number } }).batch;
    };
    await expect.poll(async () => (await record())?.status, settle).toBe('aborted');
    expect(pageErrors).toEqual([]);
  });

  it('in English too, and a run left alone ends in the summary of every row', async () => {
    const page = await pages.open(`/?rule=${rule}&lang=en`);
    await officeLine(page);
    await upload(page, 'big.csv', csv(), 'text/csv');
    const progress = page.locator('#batch-progress');
    await expect.poll(async () => Number((await progress.getAttribute('data-rows').catch(() => null)) ?? 0), settle).toBeGreaterThan(0);
    expect(await page.locator('#batch-progress-text').innerText()).toMatch(/^[\d,]+ rows read and answered$/);
    expect(await page.getByRole('button', { name: 'Cancel the check' }).isVisible()).toBe(true);
    await noViolations(page);
    await shot(page, 'progress-en');
    expect(await page.locator('#batch-summary').count()).toBe(0);
    await page.locator('#batch-summary').waitFor({ timeout: 120_000 });
    expect((await counts(page)).rows).toBe(rows);
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
