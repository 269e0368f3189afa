/**
 * Issue 11 in real headless Chromium against the real Worker: a case that fails a condition reads
 * 不符合条件 with the conditions in words (never a big 0.00), an answer that depends on a date not
 * given shows the figure on each side, dates are typed and shown as YYYY-MM-DD whatever the browser's
 * locale, messages name the page's own switch; and axe-core finds no WCAG 2.x A/AA violation on the
 * page (empty, result, error, not eligible, date-sensitive and batch-result states) and on the task pane.
 * Screenshots go to test-output/screenshots/i11-*.png.
 */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { evaluate, messageIn } from '../../rules/index.ts';
import { screenshotDir, workerPages } from '../support/browser.ts';
import { axeRuleCount, axeViolations } from '../support/axe.ts';

const settle = { timeout: 20_000, interval: 100 };
const { open, pageErrors, browser } = workerPages({ viewport: { width: 1100, height: 900 } });

const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshotDir, `i11-${name}.png`), fullPage: true });

/** Code words a clerk must not read in Chinese: camelCase names, kebab-case codes, formula functions. */
const CODE = /[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*|(?<![A-Za-z])[a-z]+(?:-[a-z]+)+(?![A-Za-z])|\b(?:floor|min|max)\(/;

const rentIneligible = { monthlyRent: '800', months: '12', monthsOperating: '6', monthsSinceStart: '6', date: '2024-06-30' };
const undated = { totalStaff: '400', disabledCounted: '9', district: '昆都仑区' };

describe('the page: results a clerk cannot misread', () => {
  it('a case that fails a condition shows 不符合条件 and the conditions in words, not a big 0.00', async () => {
    const expected = evaluate('rent-subsidy', rentIneligible);
    if (!expected.ok) throw new Error('the case must compute');
    expect(expected.eligible).toBe(false);
    const page = await open(`/?${new URLSearchParams({ rule: 'rent-subsidy', ...rentIneligible })}`);
    const primary = page.locator('#primary');
    await primary.waitFor();
    expect(await primary.getAttribute('data-eligible')).toBe('false');
    expect(await page.locator('#verdict').innerText()).toBe('不符合条件');
    expect(await page.locator('#failed-conditions li').allInnerTexts()).toEqual(expected.failedConditions.map((c) => c.message.zh));
    expect(await page.locator('#primary-value').count()).toBe(0);
    const visible = await page.locator('#result').innerText();
    for (const c of expected.failedConditions) expect(visible).not.toContain(c.code);
    expect(visible.split('\n').filter((line) => /[\u4e00-\u9fff]/.test(line) && CODE.test(line) && !line.includes('包府办发'))).toEqual([]);
    // The verdict is in the error colour, not the accent colour of an answer.
    const colour = await page.locator('#verdict').evaluate((el) => getComputedStyle(el).color);
    expect(colour).toBe('rgb(168, 7, 26)');
    await shot(page, 'page-not-eligible');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await page.locator('#verdict').innerText()).toBe('Not eligible');
    expect(await page.locator('#failed-conditions li').allInnerTexts()).toEqual(expected.failedConditions.map((c) => c.message.en));
  });

  it("the batch section names a table's columns by their Chinese labels (names on the English page)", async () => {
    const page = await open('/?rule=overquota-reward');
    const columns = page.locator('#batch-columns');
    await page.waitForFunction(() => document.querySelector('#batch-columns')?.textContent !== '');
    expect(await columns.innerText()).toBe('在职职工总数、残疾职工折算人数、月最低工资标准、旗县区、单位类型、所涉日期、有效期外仍适用、序号、申报金额');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await columns.innerText()).toBe('totalStaff, disabledCounted, monthlyMinWage, district, unitKind, date, applyOutsideValidity, rowId, claimed');
  });

  it('a zero amount that is eligible is shown plainly, with a note, not as a success', async () => {
    const inputs = { totalStaff: '400', disabledCounted: '5', monthlyMinWage: '1980', date: '2024-06-30' };
    const expected = evaluate('overquota-reward', inputs);
    if (!expected.ok) throw new Error('the case must compute');
    expect([expected.eligible, expected.result.amount]).toEqual([true, '0.00']);
    const page = await open(`/?${new URLSearchParams({ rule: 'overquota-reward', ...inputs })}`);
    await page.locator('#primary').waitFor();
    expect(await page.locator('#primary').getAttribute('class')).toContain('zero');
    expect(await page.locator('.zero-note').innerText()).toContain('金额为零');
    const colour = await page.locator('#primary-value').evaluate((el) => getComputedStyle(el).color);
    expect(colour).toBe('rgb(26, 26, 26)');
  });

  it('400 staff, 9 counted, 昆都仑区, no date: the figure before and from 2024-12-01, prominently', async () => {
    const expected = evaluate('overquota-reward', undated);
    if (expected.ok || !expected.byDate) throw new Error('the case must be refused for want of a date, with figures by date');
    const page = await open(`/?${new URLSearchParams({ rule: 'overquota-reward', ...undated })}`);
    const panel = page.locator('#by-date');
    await panel.waitFor();
    expect(await page.locator('#by-date-heading').innerText()).toBe('结果取决于所涉日期');
    expect(await panel.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText.replace(/\s+/g, ' ').trim()))).toEqual([
      '2024-12-01 之前 29,700.00 元',
      '自 2024-12-01 起 34,050.00 元',
    ]);
    // The date field says the same, beside the field, in role="alert".
    expect(await page.locator('[data-input="date"] [role="alert"]').innerText()).toBe(expected.error.message.zh);
    expect(await page.locator('#in-date').getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'page-depends-on-date');
    expect(await axeViolations(page)).toEqual([]);
    // Giving the date gives one answer.
    await page.locator('#in-date').fill('2024-12-15');
    await page.getByRole('button', { name: '计算', exact: true }).click();
    await expect.poll(() => page.locator('#primary-value').count(), settle).toBe(1);
    expect(await page.locator('#primary-value').innerText()).toBe('34050.00');
    expect(await page.locator('#by-date').count()).toBe(0);
  });

  it('a date outside the validity points at the page’s own switch, and the switch works', async () => {
    const inputs = { totalStaff: '400', disabledCounted: '9', monthlyMinWage: '1980', date: '2025-06-30' };
    const expected = evaluate('overquota-reward', inputs);
    if (expected.ok) throw new Error('the case must be refused');
    const page = await open(`/?${new URLSearchParams({ rule: 'overquota-reward', ...inputs })}`);
    const alert = page.locator('[data-input="date"] [role="alert"]');
    await expect.poll(() => alert.textContent(), settle).toBe(messageIn('page', expected.error).zh);
    expect(await alert.innerText()).toContain('请打开“有效期外仍适用”开关');
    expect(await alert.innerText()).not.toContain('applyOutsideValidity');
    expect(await page.getByRole('switch', { name: /有效期外仍适用/ }).count()).toBe(1);
    await shot(page, 'page-outside-validity');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('switch', { name: /有效期外仍适用/ }).check();
    await page.getByRole('button', { name: '计算', exact: true }).click();
    await expect.poll(() => page.locator('#primary-value').count(), settle).toBe(1);
    expect(await page.locator('#primary-value').innerText()).toBe('29700.00');
  });
});

describe('the page: dates as YYYY-MM-DD whatever the browser’s locale', () => {
  it('in an en-US browser the date field holds and shows 2024-06-30, never mm/dd/yyyy', async () => {
    const page = await open('/?rule=overquota-reward', { locale: 'en-US' });
    const date = page.locator('#in-date');
    expect(await date.getAttribute('type')).toBe('text');
    expect(await date.getAttribute('placeholder')).toBe('YYYY-MM-DD');
    expect(await page.locator('#desc-date').innerText()).toContain('年-月-日');
    await page.getByRole('button', { name: '填入示例' }).click();
    expect(await date.inputValue()).toBe('2024-06-30');
    await shot(page, 'page-date-en-US');
  });

  it('a date typed as 2024/6/30 (as Chinese Excel shows it) is read as 2024-06-30', async () => {
    const page = await open('/?rule=overquota-reward', { locale: 'en-US' });
    await page.locator('#in-totalStaff').fill('400');
    await page.locator('#in-disabledCounted').fill('9');
    await page.locator('#in-district').selectOption('昆都仑区');
    await page.locator('#in-date').fill('2024/6/30');
    await page.getByRole('button', { name: '计算', exact: true }).click();
    await expect.poll(() => page.locator('#primary-value').count(), settle).toBe(1);
    expect(await page.locator('#primary-value').innerText()).toBe('29700.00');
    expect(new URL(page.url()).searchParams.get('date')).toBe('2024/6/30');
  });
});

describe('axe-core: no WCAG 2.x A/AA violation', () => {
  it('runs a real set of rules (not an empty check)', async () => {
    const page = await open('/');
    expect(await axeRuleCount(page)).toBeGreaterThan(50);
  });

  it('the empty page', async () => {
    const page = await open('/');
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'page-empty');
  });

  it('a result', async () => {
    const page = await open('/?rule=overquota-reward&totalStaff=400&disabledCounted=9&monthlyMinWage=1980&date=2024-06-30');
    await page.locator('#primary-value').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'page-result');
  });

  it('an error beside its field', async () => {
    const page = await open('/?rule=overquota-reward&totalStaff=abc&disabledCounted=9&monthlyMinWage=1980');
    await expect.poll(() => page.locator('[data-input="totalStaff"] [role="alert"]').textContent(), settle).not.toBe('');
    expect(await page.locator('[data-input="totalStaff"] [role="alert"]').innerText()).toContain('在职职工总数');
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'page-error');
  });

  it('a batch result', async () => {
    const page = await open('/?rule=overquota-reward');
    const csv =
      'rowId,totalStaff,disabledCounted,monthlyMinWage,date,claimed\r\nA,400,9,1980,2024-06-30,29700\r\nB,400,9,1980,2024-06-30,100\r\nC,abc,9,1980,2024-06-30,\r\n';
    await page.setInputFiles('#batch-file', { name: 'claims.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByLabel('访问密钥').fill('local-dev-key');
    await page.getByRole('button', { name: '上传并核对' }).click();
    await page.locator('#batch-summary').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'page-batch-result');
  });

  it('the same states in English', async () => {
    const page = await open('/?rule=rent-subsidy&lang=en&' + new URLSearchParams(rentIneligible));
    await page.locator('#verdict').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the task pane', () => {
  const officeStub = readFileSync(new URL('../support/office-stub.browser.js', import.meta.url), 'utf8');
  const table = [
    ['在职职工总数', '残疾职工折算人数', '月最低工资标准', '旗县区', '单位类型', '所涉日期', '申报金额'],
    [400, 9, 1980, '', '企业', '2024-06-30', 29700],
    [400, 9, 1980, '', '财政拨款单位', '2024-06-30', ''],
    [400, 9, '', '昆都仑区', '企业', '', ''],
  ];

  it('says 不符合条件 and the figures by date in the sheet, speaks plainly, and has no axe violation', async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 720 } });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: officeStub }));
    await page.addInitScript((values) => {
      (window as any).__officeStub = { selection: { values, rowIndex: 0, columnIndex: 0 } };
    }, table);
    await page.goto(`${inject('workerUrl')}/addin/taskpane.html`);
    await page.waitForSelector('#bt-validate');
    expect(await axeViolations(page)).toEqual([]);
    const text = await page.locator('body').innerText();
    expect(text).not.toContain('Worker');
    expect(await page.locator('#bt-settings-label').innerText()).toContain('联网核对设置');
    await page.click('#bt-validate');
    await page.waitForFunction(() => document.querySelector('#bt-summary')?.textContent !== '');
    expect(await page.locator('#bt-not-eligible').innerText()).toBe('其中“不符合条件” 1 行（原因见“说明”列）');
    const writes = await page.evaluate(() => (window as any).__officeStub.writes);
    const messages = writes[0].values.slice(1).map((row: unknown[]) => row[3]);
    expect(messages[1]).toMatch(/^不符合条件：财政拨款的单位不享受超比例奖励（包府办发〔2023〕43号 m3.2：/);
    expect(messages[2]).toContain('2024-12-01 之前 29,700.00 元');
    expect(messages[2]).toContain('自 2024-12-01 起 34,050.00 元');
    await page.screenshot({ path: join(screenshotDir, 'i11-taskpane.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

it('no script error on any page', () => {
  expect(pageErrors).toEqual([]);
});
