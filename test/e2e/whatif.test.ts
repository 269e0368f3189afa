/**
 * The page's 测算 section in Chromium against the real Worker: the rule's parameters on a date with their
 * values and sources; a changed multiplier; a claims file uploaded; baseline and what-if by district as a
 * table and an SVG bar chart (the table its alternative) agreeing with the Worker's JSON; the xlsx written
 * by the page; one case checked; axe at 0 in both languages; screenshots in zh-CN and en.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { read as readWorkbook, utils } from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeRuleCount, axeViolations } from '../support/axe.ts';
import { screenshotDir, workerPages } from '../support/browser.ts';

const KEY = 'local-dev-key';
const MULTIPLIER = 'plan.overquotaReward.minimumWageMultiplier';
const settle = { timeout: 20_000, interval: 100 };
const pages = workerPages({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });

const DISTRICTS = ['昆都仑区', '青山区', '固阳县', '土默特右旗'];
const CSV =
  [
    '序号,在职职工总数,残疾职工折算人数,旗县区,所涉日期',
    ...Array.from({ length: 12 }, (_, i) => `${i + 1},400,${9 + (i % 3)},${DISTRICTS[i % 4]},2024-12-15`),
  ].join('\n') + '\n';

interface Totals {
  computed: string;
  byDistrict: Record<string, { computed: string }>;
}

async function apiTotals(): Promise<{ baseline: Totals; reform: Totals; change: Totals }> {
  const r = await fetch(`${inject('workerUrl')}/v1/whatif/overquota-reward?set.${MULTIPLIER}=4`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'text/csv' },
    body: CSV,
  });
  return ((await r.json()) as { summary: { totals: { baseline: Totals; reform: Totals; change: Totals } } }).summary.totals;
}

const shot = (page: Page, name: string) => page.locator('#whatif-root').screenshot({ path: join(screenshotDir, `whatif-${name}.png`) });
const figure = (text: string) => text.replace(/,/g, '');

describe('the 测算 section', () => {
  it('shows the rule’s parameters, computes a claims file with a change, draws the table and the chart, writes the xlsx; axe finds nothing', async () => {
    const page = await pages.open('/');
    const row = page.locator(`#whatif-set-${MULTIPLIER.replace(/[^A-Za-z0-9]/g, '-')}`);
    await row.waitFor(settle);
    // the multiplier is read by the rule: in the first table, with its current value and source
    const first = page.locator('.whatif-parameters').first();
    await expect.poll(() => first.locator('tr', { hasText: MULTIPLIER }).locator('td').first().textContent(), settle).toBe('5');
    expect(await first.locator('tr', { hasText: MULTIPLIER }).textContent()).toContain('包府办发〔2023〕43号');
    await row.fill('4');
    await page.locator('#whatif-file').setInputFiles({ name: 'claims.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.locator('#whatif-key').fill(KEY);
    await page.locator('#whatif-submit').click();
    await page.locator('#whatif-chart').waitFor(settle);

    const expected = await apiTotals();
    const lines = await page.locator('#whatif-district-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    for (const d of DISTRICTS) {
      const line = lines.find((l) => l[0] === d)!;
      expect(line.slice(1).map(figure)).toEqual([
        expected.baseline.byDistrict[d].computed,
        expected.reform.byDistrict[d].computed,
        expected.change.byDistrict[d].computed,
      ]);
    }
    expect(lines.at(-1)!.slice(1).map(figure)).toEqual([expected.baseline.computed, expected.reform.computed, expected.change.computed]);
    // the chart: two bars a district, labelled by the table it describes
    expect(await page.locator('#whatif-chart rect.bar-baseline').count()).toBe(DISTRICTS.length + 1);
    expect(await page.locator('#whatif-chart').getAttribute('aria-describedby')).toBe('whatif-district-table');
    expect(await page.locator('#whatif-batch-result .whatif-mark').textContent()).toMatch(/^测算（不是对申报的核定）：.*5 → 4/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#whatif-download').click()]);
    expect(download.suggestedFilename()).toBe('overquota-reward-whatif.xlsx');
    const book = readWorkbook(readFileSync((await download.path())!), { type: 'buffer' });
    expect(book.SheetNames).toEqual(['测算结果', '汇总']);
    const summary = utils.sheet_to_json<unknown[]>(book.Sheets['汇总'], { header: 1 });
    const all = summary.find((r) => r[0] === '全市合计')!;
    expect(Number(all[3]).toFixed(2)).toBe(expected.reform.computed);

    expect(await axeRuleCount(page)).toBeGreaterThan(20);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'zh');

    await page.locator('#lang-switch').click();
    await page.locator('#whatif-chart').waitFor(settle);
    expect(await page.locator('#whatif-heading').textContent()).toContain('What-if');
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'en');
    expect(pages.pageErrors).toEqual([]);
  });

  it('checks one case: baseline, what-if and the change, with the step naming the parameter', async () => {
    const page = await pages.open('/');
    const row = page.locator(`#whatif-set-${MULTIPLIER.replace(/[^A-Za-z0-9]/g, '-')}`);
    await row.waitFor(settle);
    await row.fill('4');
    await page.locator('#whatif-check').click();
    const result = page.locator('#whatif-check-result');
    await result.waitFor(settle);
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('测算');
    expect(text).toContain(`（${MULTIPLIER}）由 5 改为 4`);
    expect(await axeViolations(page)).toEqual([]);
    expect(pages.pageErrors).toEqual([]);
  });
});
