/**
 * The task pane (Excel's, on the office.js stand-in, and WPS's, on the `wps` stand-in) served by the real
 * Worker, in headless Chromium, on office forms: columns it does not understand get a labelled choice of
 * inputs, kept in the workbook (Office document settings; WPS custom document properties) and used on the
 * next validation; a big selection shows rows read and answered and can be cancelled before anything is
 * written. axe finds no WCAG A/AA violation in these states.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { evaluateBatch, listRules } from '../../rules/index.ts';
import { axeViolations } from '../support/axe.ts';
import { wpsStubScript as bundledWpsStub } from '../support/wps-stub-script.ts';
import { launchChromium, screenshotDir } from '../support/browser.ts';

const officeStub = readFileSync(new URL('../support/office-stub.browser.js', import.meta.url), 'utf8');
const rule = 'overquota-reward';
const meta = listRules().find((r) => r.id === rule)!;
const labelOf = (name: string) => meta.inputs.find((i) => i.name === name)!.label.zh;

// An office's own column names: none of them names an input of the rule.
const odd = [
  ['单位代码', '甲栏', '乙栏', '丙栏', '核定额'],
  ['U1', 400, 9, 1980, 29700],
  ['U2', 400, 9, 1980, 30000],
];
const choices = { 单位代码: 'rowId', 甲栏: 'totalStaff', 乙栏: 'disabledCounted', 丙栏: 'monthlyMinWage', 核定额: 'claimed' };
const expected = evaluateBatch(
  rule,
  odd.slice(1).map((r) => ({ rowId: r[0], totalStaff: r[1], disabledCounted: r[2], monthlyMinWage: r[3], claimed: r[4] })),
);

let browser: Browser;
let wpsStubScript: string;
beforeAll(async () => {
  browser = await launchChromium();
  wpsStubScript = await bundledWpsStub();
});
afterAll(async () => {
  await browser?.close();
});

async function excelPane(values: unknown[][], settings: Record<string, string> = {}): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: officeStub }));
  await page.addInitScript(
    ({ values, settings }) => {
      (window as any).__officeStub = { selection: { values, rowIndex: 0, columnIndex: 0 }, settings };
    },
    { values, settings },
  );
  await page.goto(`${inject('workerUrl')}/addin/taskpane.html`);
  await page.waitForSelector('#bt-validate');
  return { page, errors };
}

/** Chooses the rule, validates, and waits for the summary or the refusal. */
async function validate(page: Page) {
  await page.selectOption('#bt-rule', rule);
  await page.click('#bt-validate');
  await page.waitForFunction(() => document.querySelector('#bt-summary')?.textContent !== '' || document.querySelector('#bt-error')?.textContent !== '');
}

async function chooseColumns(page: Page) {
  expect(await page.locator('#bt-mapping').isVisible()).toBe(true);
  expect(await page.locator('#bt-mapping').getAttribute('open')).not.toBeNull();
  for (const [header, target] of Object.entries(choices)) await page.getByLabel(header, { exact: true }).selectOption(target);
}

const summaryOf = (rows: number, ok: number, mismatch: number) => `共 ${rows} 行：通过 ${ok} 行，金额不符 ${mismatch} 行，无法计算 0 行，未计算 0 行`;

describe('columns not understood', () => {
  it('Excel: a choice of inputs for each column, kept in the document settings and used next time', async () => {
    const { page, errors } = await excelPane(odd);
    await validate(page);
    expect(await page.textContent('#bt-error')).not.toBe('');
    await chooseColumns(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, 'taskpane-forms-mapping-zh.png'), fullPage: true });
    await page.click('#bt-mapping-apply');
    await expect.poll(() => page.textContent('#bt-summary')).toBe(summaryOf(2, expected.summary.ok, expected.summary.mismatch));
    const stub = await page.evaluate(() => ({ settings: (window as any).__officeStub.settings, saved: (window as any).__officeStub.settingsSaved }));
    expect(JSON.parse(stub.settings[`bt-columns:${rule}`])).toEqual(choices);
    expect(stub.saved).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();

    // the workbook opened again: its settings carry the mapping, so the table validates at once
    const again = await excelPane(odd, stub.settings);
    await validate(again.page);
    expect(await again.page.textContent('#bt-summary')).toBe(summaryOf(2, expected.summary.ok, expected.summary.mismatch));
    expect(await again.page.textContent('#bt-mapping-used')).toContain(`甲栏 → ${labelOf('totalStaff')}`);
    const writes = await again.page.evaluate(() => (window as any).__officeStub.writes);
    expect(writes[0].values[1].slice(0, 3)).toEqual(['通过', 29700, 0]);
    await again.page.click('#bt-lang');
    expect(await axeViolations(again.page)).toEqual([]);
    await again.page.screenshot({ path: join(screenshotDir, 'taskpane-forms-mapping-used-en.png'), fullPage: true });
    expect(again.errors).toEqual([]);
    await again.page.close();
  });

  it('WPS: the same choice, kept as a custom document property of the workbook', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(
      (selection) => {
        (window as any).__wpsSelection = selection;
      },
      { address: 'A1:E3', values: odd },
    );
    await page.addInitScript(wpsStubScript);
    await page.goto(`${inject('workerUrl')}/wps/taskpane.html`);
    await page.waitForSelector('#bt-validate');
    await validate(page);
    await chooseColumns(page);
    await page.click('#bt-mapping-apply');
    await expect.poll(() => page.textContent('#bt-summary')).toBe(summaryOf(2, expected.summary.ok, expected.summary.mismatch));
    const properties = await page.evaluate(() => (window as any).__wpsStub.properties.map((p: { Name: string; Value: string }) => [p.Name, p.Value]));
    expect(properties.map(([name]: string[]) => name)).toEqual([`bt-columns:${rule}`]);
    expect(JSON.parse(properties[0][1])).toEqual(choices);
    expect(await page.evaluate(() => (window as any).__wpsStub.cell('F2'))).toBe('通过');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a big selection', () => {
  it('shows rows read and answered while the local loop runs, and a cancel leaves the sheet untouched', async () => {
    const rows = 150_000;
    const values: unknown[][] = [['序号', '在职职工总数', '残疾职工折算人数', '月最低工资标准', '申报金额']];
    for (let i = 0; i < rows; i++) values.push([`R${i}`, 400 + (i % 100), 9, 1980, 29700]);
    const { page, errors } = await excelPane(values);
    await page.selectOption('#bt-rule', rule);
    await page.click('#bt-validate');
    await page.waitForFunction(() => /^已读取并核对 [1-9]\d* \/ \d+ 行$/.test(document.querySelector('#bt-path')?.textContent ?? ''));
    expect(await page.locator('#bt-validate').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '取消校验' }).isVisible()).toBe(true);
    expect(await page.locator('#bt-progress').evaluate((p) => (p as HTMLProgressElement).max)).toBe(rows);
    await page.screenshot({ path: join(screenshotDir, 'taskpane-forms-progress-zh.png'), fullPage: true });
    await page.getByRole('button', { name: '取消校验' }).click();
    await expect.poll(() => page.textContent('#bt-path')).toBe('已取消校验，表格未改动。');
    expect(await page.evaluate(() => (window as any).__officeStub.writes.length)).toBe(0);
    expect(await page.textContent('#bt-summary')).toBe('');
    expect(await page.locator('#bt-cancel').isHidden()).toBe(true);
    expect(await page.locator('#bt-validate').isDisabled()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
