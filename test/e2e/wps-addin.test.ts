/**
 * The WPS add-in as the real Worker (wrangler dev → workerd) serves it under /wps/: every file WPS needs
 * answers 200 with its content type and no redirect; index.html, loaded in headless Chromium with a
 * stand-in `wps` (test/support/wps-stub.ts), registers every function; the task pane reads a selection
 * through `Application.Selection.Value2` and writes the answer columns beside it, locally and through the
 * Worker's batch route.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { isoToExcelSerial, listRules } from '../../rules/index.ts';
import { WPS_ADDIN_NAME, WPS_FILES } from '../../addin/wps/files.ts';
import { wpsFunctionsFile } from '../../addin/wps/metadata.ts';
import { bgr, NO_FILL } from '../../addin/wps/wps-io.ts';
import { HIGHLIGHT } from '../../addin/taskpane/table.ts';
import { wpsStubScript as bundledWpsStub } from '../support/wps-stub-script.ts';
import { launchChromium, screenshotDir } from '../support/browser.ts';
import { overquotaTable as table } from '../support/taskpane-table.ts';

let browser: Browser;
let stubScript: string;
beforeAll(async () => {
  browser = await launchChromium();
  stubScript = await bundledWpsStub();
});
afterAll(async () => {
  await browser?.close();
});

const CONTENT_TYPES: Record<string, RegExp> = {
  xml: /^(application|text)\/xml/,
  json: /^application\/json/,
  html: /^text\/html/,
  js: /javascript/,
  css: /^text\/css/,
  png: /^image\/png/,
};

it('serves every file of the WPS add-in under /wps/ (200, its content type, no redirect)', async () => {
  const workerUrl = inject('workerUrl');
  for (const file of Object.values(WPS_FILES)) {
    const response = await fetch(`${workerUrl}/wps/${file}`, { redirect: 'manual' });
    expect(response.status, file).toBe(200);
    expect(response.headers.get('content-type') ?? '', file).toMatch(CONTENT_TYPES[file.split('.').pop()!]);
    const body = await response.text();
    if (file === WPS_FILES.functions) expect(JSON.parse(body)).toEqual(wpsFunctionsFile());
    if (file === WPS_FILES.manifest) expect(body).toContain('<Namespace>BT</Namespace>');
    if (file === WPS_FILES.jsplugins) expect(body).toMatch(new RegExp(`<jspluginonline name="${WPS_ADDIN_NAME}" type="et" url="https?://[^"]+/wps/"/>`));
  }
  // The folder's own URL (the one jsplugins.xml names) answers index.html too.
  const folder = await fetch(`${workerUrl}/wps/`, { redirect: 'manual' });
  expect(folder.status).toBe(200);
  expect(folder.headers.get('content-type')).toMatch(CONTENT_TYPES.html);
  expect(await folder.text()).toBe(await (await fetch(`${workerUrl}/wps/${WPS_FILES.index}`)).text());
});

async function openPage(
  url: string,
  selection: { address: string; values: unknown[][] },
  settings?: { url: string; key: string },
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 360, height: 720 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(
    ({ selection, settings }) => {
      (window as any).__wpsSelection = selection;
      if (settings) localStorage.setItem('bt-worker-settings', JSON.stringify(settings));
    },
    { selection, settings },
  );
  await page.addInitScript(stubScript);
  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  return { page, errors };
}

it("index.html (plain scripts) registers every rule's function and EXPLAIN through wps.AddCustomFunction", async () => {
  const { page, errors } = await openPage(`${inject('workerUrl')}/wps/index.html`, { address: 'A1', values: [] });
  const registered = await page.evaluate(() =>
    (window as any).__wpsStub.registrations.map((r: { namespace: string; name: string }) => `${r.namespace}.${r.name}`),
  );
  expect(registered).toEqual([...listRules().map((r) => `BT.${r.functionName}`), 'BT.EXPLAIN']);
  expect(await page.evaluate(() => (window as any).__wpsStub.registrations[6].fn(400, 9, 1980))).toBe(29700);
  expect(await page.evaluate(() => typeof (window as any).OnAction)).toBe('function');
  expect(errors).toEqual([]);
  await page.close();
});

it('the task pane reads the selection (B2:F5) and writes status, value, difference and message beside it, locally', async () => {
  const { page, errors } = await openPage(`${inject('workerUrl')}/wps/taskpane.html`, { address: 'B2:F5', values: table });
  await page.waitForSelector('#bt-validate');
  expect(await page.textContent('#bt-validate')).toBe('校验选区');
  await page.click('#bt-validate');
  await page.waitForFunction(() => document.querySelector('#bt-summary')?.textContent !== '');
  expect(await page.textContent('#bt-summary')).toBe('共 3 行：通过 1 行，金额不符 1 行，无法计算 1 行，未计算 0 行');
  expect(await page.textContent('#bt-path')).toContain('已在本机计算');
  expect(await page.inputValue('#bt-rule')).toBe('overquota-reward');
  const sheet = await page.evaluate(() => {
    const stub = (window as any).__wpsStub;
    const at = (a: string) => stub.cell(a);
    return {
      header: ['G2', 'H2', 'I2', 'J2'].map(at),
      row3: ['G3', 'H3', 'I3'].map(at),
      row4: ['G4', 'H4', 'I4'].map(at),
      row5: ['G5', 'H5'].map(at),
      message5: at('J5'),
      fills: ['B3', 'J3', 'B4', 'J4', 'B5', 'J5'].map((a) => stub.fill(a)),
      untouched: at('K3'),
    };
  });
  expect(sheet.header).toEqual(['状态', '奖励金额（每年）', '差额', '说明']);
  expect(sheet.row3).toEqual(['通过', 29700, 0]);
  expect(sheet.row4).toEqual(['金额不符', 29700, 300]);
  expect(sheet.row5).toEqual(['无法计算', '']);
  expect(sheet.message5).toMatch(/\S/);
  expect(sheet.fills).toEqual([
    { colorIndex: NO_FILL },
    { colorIndex: NO_FILL },
    { color: bgr(HIGHLIGHT.mismatch) },
    { color: bgr(HIGHLIGHT.mismatch) },
    { color: bgr(HIGHLIGHT.invalid) },
    { color: bgr(HIGHLIGHT.invalid) },
  ]);
  expect(sheet.untouched).toBeUndefined();
  await page.screenshot({ path: join(screenshotDir, 'wps-taskpane.png'), fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
});

it('dates come from Value2 as serials and go back as serials formatted as dates; with a Worker configured the pane uses /v1/batch', async () => {
  const workerUrl = inject('workerUrl');
  const values = [
    ['出生日期', '退休类别'],
    [isoToExcelSerial('1970-03-15'), 'male'],
  ];
  const { page, errors } = await openPage(`${workerUrl}/wps/taskpane.html`, { address: 'A1:B2', values }, { url: workerUrl, key: 'local-dev-key' });
  const batchCalls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/v1/batch/')) batchCalls.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  await page.waitForSelector('#bt-validate');
  await page.selectOption('#bt-rule', 'retirement-date');
  await page.click('#bt-validate');
  await page.waitForFunction(() => document.querySelector('#bt-summary')?.textContent !== '');
  expect(await page.textContent('#bt-path')).toContain('已经核对服务校验');
  expect(batchCalls).toEqual(['POST /v1/batch/retirement-date']);
  const expected = (await (
    await fetch(`${workerUrl}/v1/rules/retirement-date`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ birthDate: '1970-03-15', retirementCategory: 'male' }),
    })
  ).json()) as { result: { retirementDate: string } };
  const written = await page.evaluate(() => {
    const stub = (window as any).__wpsStub;
    return { status: stub.cell('C2'), value: stub.cell('D2'), format: stub.format('D2') };
  });
  expect(written).toEqual({ status: '通过', value: isoToExcelSerial(expected.result.retirementDate), format: 'yyyy-mm-dd' });
  expect(errors).toEqual([]);
  await page.close();
});
