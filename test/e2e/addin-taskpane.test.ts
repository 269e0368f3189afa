import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshotDir } from '../support/browser.ts';
import { overquotaTable as table } from '../support/taskpane-table.ts';

const officeStub = readFileSync(new URL('../support/office-stub.browser.js', import.meta.url), 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

it('the task pane served by the Worker registers every function and validates a selected table (local path)', async () => {
  const workerUrl = inject('workerUrl');
  const page = await browser.newPage({ viewport: { width: 360, height: 720 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // No network to Microsoft's CDN here: answer the office.js request with the stub host.
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: officeStub }));
  await page.addInitScript((values) => {
    (window as any).__officeStub = { selection: { values, rowIndex: 2, columnIndex: 0 } };
  }, table);
  const response = await page.goto(`${workerUrl}/addin/taskpane.html`);
  expect(response?.status()).toBe(200);
  await page.waitForSelector('#bt-validate');
  expect(await page.textContent('#bt-validate')).toBe('校验选区');

  const rules = (await (await fetch(`${workerUrl}/v1/rules`)).json()) as { rules: { functionName: string }[] };
  const associated = await page.evaluate(() => (window as any).__officeStub.associated);
  expect(associated).toEqual([...rules.rules.map((r) => r.functionName), 'EXPLAIN']);

  await page.click('#bt-validate');
  await page.waitForFunction(() => document.querySelector('#bt-summary')?.textContent !== '');
  expect(await page.textContent('#bt-summary')).toBe('共 3 行：通过 1 行，金额不符 1 行，无法计算 1 行，未计算 0 行');
  expect(await page.textContent('#bt-path')).toContain('已在本机计算');
  expect(await page.inputValue('#bt-rule')).toBe('overquota-reward');
  const writes = await page.evaluate(() => (window as any).__officeStub.writes);
  expect(writes[0].args).toEqual([2, 5, 4, 4]);
  expect(writes[0].values[1].slice(0, 3)).toEqual(['通过', 29700, 0]);
  // the amount and difference columns get two decimals, then each row its fill
  expect(writes[1]).toMatchObject({
    args: [3, 6, 3, 2],
    numberFormat: [
      ['0.00', '0.00'],
      ['0.00', '0.00'],
      ['0.00', '0.00'],
    ],
  });
  expect(writes.slice(2).map((w: { fill: string }) => w.fill)).toEqual(['cleared', '#FFEB9C', '#FFC7CE']);
  await page.screenshot({ path: join(screenshotDir, 'addin-taskpane.png'), fullPage: true });

  await page.click('#bt-lang');
  expect(await page.textContent('#bt-validate')).toBe('Validate selection');
  expect(errors).toEqual([]);
  await page.close();
});

it('with a Worker configured, the task pane validates through the real /v1/batch route with the key', async () => {
  const workerUrl = inject('workerUrl');
  const page = await browser.newPage({ viewport: { width: 360, height: 720 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const batchCalls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/v1/batch/')) batchCalls.push(`${request.method()} ${new URL(request.url()).pathname} ${request.headers().authorization}`);
  });
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: officeStub }));
  await page.addInitScript(
    ({ values, url }) => {
      (window as any).__officeStub = { selection: { values, rowIndex: 2, columnIndex: 0 } };
      localStorage.setItem('bt-worker-settings', JSON.stringify({ url, key: 'local-dev-key' }));
    },
    { values: table, url: workerUrl },
  );
  await page.goto(`${workerUrl}/addin/taskpane.html`);
  await page.waitForSelector('#bt-validate');
  await page.click('#bt-validate');
  await page.waitForFunction(() => document.querySelector('#bt-summary')?.textContent !== '');
  expect(await page.textContent('#bt-path')).toContain('已经核对服务校验');
  expect(await page.textContent('#bt-summary')).toBe('共 3 行：通过 1 行，金额不符 1 行，无法计算 1 行，未计算 0 行');
  expect(batchCalls).toEqual(['POST /v1/batch/overquota-reward Bearer local-dev-key']);
  const writes = await page.evaluate(() => (window as any).__officeStub.writes);
  expect(writes[0].values[1].slice(0, 3)).toEqual(['通过', 29700, 0]);
  expect(writes[0].values[2].slice(0, 3)).toEqual(['金额不符', 29700, 300]);
  expect(errors).toEqual([]);
  await page.close();
});
