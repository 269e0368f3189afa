/**
 * The quick-check page in real headless Chromium against the real Worker (workerd): forms generated
 * from the registry, computing through the form, shareable addresses, errors beside their field,
 * the language switch, keyboard use, a phone width and a batch upload round trip (UTF-8 and GBK).
 * Expected answers come from the rules package itself (`evaluate`, `evaluateBatch`), never typed in,
 * except the issue's own example (29700.00, clause m3.2).
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page, ViewportSize } from 'playwright-core';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { districts, evaluate, evaluateBatch, listRules, messageIn, type InputSpec, type RuleMetadata } from '../../rules/index.ts';
import type { Success } from '../../rules/evaluate.ts';
import { screenshotDir, workerPages } from '../support/browser.ts';
import { parseCsvAnswer } from '../support/csv.ts';

const PHONE: ViewportSize = { width: 375, height: 812 };
const DESKTOP: ViewportSize = { width: 1280, height: 900 };
const KEY = 'local-dev-key';
/** How long to wait for the Worker's answer to show (a wait, not a speed requirement). */
const settle = { timeout: 20_000, interval: 100 };

const pages = workerPages({ acceptDownloads: true });
const { pageErrors } = pages;
const open = (path = '/', viewport: ViewportSize = DESKTOP): Promise<Page> => pages.open(path, { viewport });

const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshotDir, `page-${name}.png`), fullPage: true });

/** The select value the page uses for a district: its full Chinese name. */
const districtName = (value: string) => districts.find((d) => [d.id, d.zh, d.short, d.en].includes(value))?.zh ?? value;

/** Types or picks one value into the control generated for `spec`, as a clerk would. */
async function enter(page: Page, spec: InputSpec, value: unknown): Promise<void> {
  const control = page.locator(`#in-${spec.name}`);
  if (spec.type === 'boolean') {
    if ((await control.getAttribute('role')) === 'switch') await control.setChecked(value === true);
    else await control.selectOption(value === true ? 'true' : 'false');
  } else if (spec.type === 'district') await control.selectOption(districtName(String(value)));
  else if (spec.type === 'choice') await control.selectOption(String(value));
  else if (spec.type === 'records') await control.fill(JSON.stringify(value));
  else await control.fill(String(value));
}

/** A rule's documented examples, as the inputs of a case. */
const examplesOf = (meta: RuleMetadata) => Object.fromEntries(meta.inputs.filter((i) => i.example !== undefined).map((i) => [i.name, i.example]));

/** Rules whose examples make a complete case with a printable primary answer. */
function computableRules(): { meta: RuleMetadata; inputs: Record<string, unknown>; expected: Success }[] {
  return listRules().flatMap((meta) => {
    const inputs = examplesOf(meta);
    const expected = evaluate(meta.id, inputs);
    if (!expected.ok) return [];
    const primary = expected.result[meta.primary];
    return typeof primary === 'string' || typeof primary === 'number' || typeof primary === 'boolean' ? [{ meta, inputs, expected }] : [];
  });
}

const primaryText = (value: unknown) => (value === true ? '是' : value === false ? '否' : String(value));

describe('computing through the form', () => {
  it('computes three different rules from their examples, with the same answer as evaluate()', async () => {
    const cases = computableRules().slice(0, 3);
    expect(
      cases.map((c) => c.meta.id),
      'the registry needs three rules computable from their examples',
    ).toHaveLength(3);
    const page = await open('/');
    for (const { meta, inputs, expected } of cases) {
      await page.selectOption('#rule-select', meta.id);
      for (const spec of meta.inputs) if (spec.name in inputs) await enter(page, spec, inputs[spec.name]);
      await page.getByRole('button', { name: '计算', exact: true }).click();
      const result = page.locator(`article.result[data-rule="${meta.id}"]`);
      await result.waitFor();
      expect(await result.locator('#primary-value').innerText()).toBe(primaryText(expected.result[meta.primary]));
      expect(await result.locator('#clause-id').innerText()).toBe(expected.clause.id);
      expect(await result.locator('#clause-text').innerText()).toBe(expected.clause.text);
      expect(await result.locator('#steps li').allInnerTexts()).toEqual(expected.steps.map((s) => s.zh));
      expect(
        await result.locator('#interpretations [data-interpretation]').evaluateAll((els) => els.map((e) => e.getAttribute('data-interpretation'))),
      ).toEqual(expected.interpretations.map((i) => i.id));
      for (const [name, value] of Object.entries(expected.result)) {
        if (typeof value === 'string' || typeof value === 'number')
          expect(await result.locator(`dd[data-output="${name}"]`).innerText()).toContain(String(value));
      }
      // The address now holds the case.
      const address = new URL(page.url());
      expect(address.searchParams.get('rule')).toBe(meta.id);
      await shot(page, `rule-${meta.id}`);
    }
    expect(pageErrors).toEqual([]);
  });

  it('computes the issue example typed through labelled fields, and puts the case in the address', async () => {
    const page = await open('/');
    await page.selectOption('#rule-select', 'overquota-reward');
    await page.getByLabel(/在职职工总数/).fill('400');
    await page.getByLabel(/残疾职工折算人数/).fill('9');
    await page.getByLabel(/月最低工资标准/).fill('1980');
    await page.getByRole('button', { name: '计算', exact: true }).click();
    await expect.poll(() => page.locator('#primary-value').textContent(), settle).toBe('29700.00');
    expect(await page.locator('#clause-id').innerText()).toBe('m3.2');
    const address = new URL(page.url());
    expect(Object.fromEntries(address.searchParams)).toEqual({ rule: 'overquota-reward', totalStaff: '400', disabledCounted: '9', monthlyMinWage: '1980' });
    expect(await page.locator('#share-link').getAttribute('href')).toBe(page.url());
    await shot(page, 'desktop-overquota');
  });

  it('works with the keyboard alone: Tab between fields, Enter computes, focus moves to the answer', async () => {
    const page = await open('/?rule=overquota-reward');
    await page.locator('#rule-select').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('in-totalStaff');
    await page.keyboard.type('400');
    await page.keyboard.press('Tab');
    await page.keyboard.type('9');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1980');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#primary-value').textContent(), settle).toBe('29700.00');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('result-heading');
  });

  it('labels every control of every rule, in both languages', async () => {
    const page = await open('/');
    for (const meta of listRules()) {
      await page.selectOption('#rule-select', meta.id);
      const fields = await page.locator('#fields [data-input]').evaluateAll((els) => els.map((e) => e.getAttribute('data-input')));
      expect(fields).toEqual(meta.inputs.map((i) => i.name));
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLInputElement>('input, select, textarea')]
          .filter((c) => !c.labels?.length || !c.labels[0].textContent?.trim())
          .map((c) => c.id),
      );
      expect(unlabelled).toEqual([]);
      for (const spec of meta.inputs) expect(await page.locator(`label[for="in-${spec.name}"]`).innerText()).toContain(spec.label.zh);
    }
    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const meta = listRules().at(-1)!;
    for (const spec of meta.inputs) expect(await page.locator(`label[for="in-${spec.name}"]`).innerText()).toContain(spec.label.en);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
  });
});

/**
 * WCAG contrast of every visible text on the page against its effective background (the first opaque
 * background among its ancestors), computed from the browser's own computed colours.
 */
function lowContrastTexts(): string[] {
  const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const lum = ([r, g, b]: number[]) => {
    const ch = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
  };
  const background = (el: Element | null): number[] => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const failures: string[] = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    const box = el.getBoundingClientRect();
    if (!own || !box.width || !box.height || getComputedStyle(el).visibility === 'hidden') continue;
    const [a, b] = [lum(rgb(getComputedStyle(el).color).slice(0, 3)), lum(background(el))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) failures.push(`${el.tagName}#${el.id}.${el.className} ${ratio.toFixed(2)}`);
  }
  return failures;
}

describe('shareable addresses', () => {
  it('opens the issue example already computed, on a phone width without sideways scrolling', async () => {
    const page = await open('/?rule=overquota-reward&totalStaff=400&disabledCounted=9&monthlyMinWage=1980', PHONE);
    expect(await page.locator('#primary-value').innerText()).toBe('29700.00');
    expect(await page.locator('#clause-id').innerText()).toBe('m3.2');
    expect(await page.locator('#in-totalStaff').inputValue()).toBe('400');
    expect(await page.locator('#rule-select').inputValue()).toBe('overquota-reward');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate(lowContrastTexts)).toEqual([]);
    await shot(page, 'phone-shared-case');
  });

  it('opens in English with lang=en, with the labels, steps and messages of the metadata', async () => {
    const inputs = { totalStaff: '400', disabledCounted: '9', monthlyMinWage: '1980' };
    const expected = evaluate('overquota-reward', inputs);
    if (!expected.ok) throw new Error('the example must compute');
    const page = await open(`/?rule=overquota-reward&lang=en&${new URLSearchParams(inputs)}`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('label[for="in-totalStaff"]').innerText()).toContain('In-service staff');
    expect(await page.locator('#steps li').allInnerTexts()).toEqual(expected.steps.map((s) => s.en));
    expect(await page.locator('#primary-value').innerText()).toBe(expected.result.amount);
    await shot(page, 'desktop-english');
  });
});

describe('every rule', () => {
  it('opens each rule’s documented example from a shared address with evaluate()’s answer', async () => {
    const cases = computableRules();
    expect(cases.length).toBeGreaterThanOrEqual(3);
    const page = await open('/');
    for (const { meta, inputs, expected } of cases) {
      const query = new URLSearchParams({ rule: meta.id, ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, String(v)])) });
      await page.goto(`${inject('workerUrl')}/?${query}`);
      await page.waitForSelector('body[data-ready="true"]');
      expect(await page.locator(`article.result[data-rule="${meta.id}"] #primary-value`).innerText(), meta.id).toBe(primaryText(expected.result[meta.primary]));
      expect(await page.locator('#clause-id').innerText(), meta.id).toBe(expected.clause.id);
    }
    expect(pageErrors).toEqual([]);
  });

  it('takes a list of records as JSON, and says so beside the field when the JSON is broken', async () => {
    const withRecords = listRules().filter((r) => r.inputs.some((i) => i.type === 'records'));
    expect(withRecords.length).toBeGreaterThan(0);
    const page = await open('/');
    for (const meta of withRecords) {
      const spec = meta.inputs.find((i) => i.type === 'records')!;
      const row = Object.fromEntries((spec.fields ?? []).filter((f) => f.example !== undefined).map((f) => [f.name, f.example]));
      const expected = evaluate(meta.id, { [spec.name]: [row, row] });
      if (!expected.ok) throw new Error(`${meta.id}: the field examples must make a valid record`);
      await page.selectOption('#rule-select', meta.id);
      await page.locator(`#in-${spec.name}`).fill(JSON.stringify([row, row]));
      await page.getByRole('button', { name: '计算', exact: true }).click();
      await page.locator(`article.result[data-rule="${meta.id}"]`).waitFor();
      expect(await page.locator('#primary-value').innerText()).toBe(primaryText(expected.result[meta.primary]));
      for (const output of meta.outputs.filter((o) => o.type === 'records')) {
        expect(await page.locator(`dd[data-output="${output.name}"] tbody tr`).count()).toBe((expected.result[output.name] as unknown[]).length);
      }
      await page.locator(`#in-${spec.name}`).fill('[{"category": 4,');
      await page.getByRole('button', { name: '计算', exact: true }).click();
      expect(await page.locator(`[data-input="${spec.name}"] [role="alert"]`).innerText()).toContain('JSON');
      expect(await page.locator('#result').isHidden()).toBe(true);
    }
    expect(pageErrors).toEqual([]);
  });
});

describe('errors', () => {
  it('shows the rule’s own message in role="alert" beside the field, in zh and then en', async () => {
    const inputs = { totalStaff: 'abc', disabledCounted: '9', monthlyMinWage: '1980' };
    const expected = evaluate('overquota-reward', inputs);
    if (expected.ok) throw new Error('the case must be refused');
    expect(expected.error.field).toBe('totalStaff');
    const page = await open(`/?${new URLSearchParams({ rule: 'overquota-reward', ...inputs })}`, PHONE);
    const alert = page.locator('[data-input="totalStaff"] [role="alert"]');
    await expect.poll(() => alert.textContent(), settle).toBe(expected.error.message.zh);
    expect(await page.locator('#in-totalStaff').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#in-totalStaff').getAttribute('aria-describedby')).toContain(await alert.getAttribute('id'));
    expect(await page.locator('#result').isHidden()).toBe(true);
    await shot(page, 'phone-field-error');
    expect(await page.evaluate(lowContrastTexts)).toEqual([]);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await alert.textContent()).toBe(expected.error.message.en);
  });

  it('puts a refusal beside the field it names, and what concerns no field in the page-level alert', async () => {
    const expected = evaluate('overquota-reward', { totalStaff: '400', disabledCounted: '9', date: '2030-01-01' });
    if (expected.ok) throw new Error('a date outside the validity must be refused');
    const page = await open('/?rule=overquota-reward&totalStaff=400&disabledCounted=9&date=2030-01-01');
    // The refusal names its field (`date`), so it sits beside the date field, in the page's words (its switch).
    await expect
      .poll(() => page.locator(`[data-input="${expected.error.field}"] [role="alert"]`).textContent(), settle)
      .toBe(messageIn('page', expected.error).zh);
    const unknown = await open('/?rule=no-such-rule&x=1');
    expect(await unknown.locator('#page-alert[role="alert"]').innerText()).toContain('no-such-rule');
    expect(await unknown.locator('#rule-select').inputValue()).toBe(listRules()[0].id);
    const stray = await open('/?rule=overquota-reward&totalStaff=400&disabledCounted=9&monthlyMinWage=1980&bogus=1');
    expect(await stray.locator('#primary-value').innerText()).toBe('29700.00');
    expect(await stray.locator('#page-alert[role="alert"]').innerText()).toContain('bogus');
    expect(pageErrors).toEqual([]);
  });
});

describe('batch upload', () => {
  const rule = 'overquota-reward';
  const meta = listRules().find((r) => r.id === rule)!;
  const columns = ['rowId', 'totalStaff', 'disabledCounted', 'monthlyMinWage', 'district', 'date', 'claimed'];
  // Each row as a CSV reader sees it: every column present, empty cells as ''.
  const rows = [
    ['A', '400', '9', '1980', '', '', '29700'],
    ['B', '400', '9', '1980', '', '', '100'],
    ['C', 'abc', '9', '1980', '', '', ''],
    ['D', '1000', '20', '', '昆都仑区', '2024-06-30', ''],
  ].map((cells) => Object.fromEntries(columns.map((c, i) => [c, cells[i]])));
  const zhHeader = (name: string) => meta.inputs.find((i) => i.name === name)?.label.zh ?? name;
  const csv = (header: (name: string) => string) =>
    [columns.map(header).join(','), ...rows.map((r) => columns.map((c) => r[c]).join(','))].join('\r\n') + '\r\n';

  async function roundTrip(fileName: string, bytes: Buffer, viewport: ViewportSize) {
    const expected = evaluateBatch(rule, rows);
    const page = await open(`/?rule=${rule}`, viewport);
    await page.setInputFiles('#batch-file', { name: fileName, mimeType: 'text/csv', buffer: bytes });
    await page.getByLabel('访问密钥').fill(KEY);
    await page.getByRole('button', { name: '上传并核对' }).click();
    await page.locator('#batch-summary').waitFor();
    for (const k of ['rows', 'ok', 'mismatch', 'invalid', 'skipped'] as const) {
      expect(await page.locator(`#batch-summary [data-count="${k}"]`).innerText(), k).toBe(String(expected.summary[k]));
    }
    const attention = expected.rows.filter((r) => r.status !== 'ok');
    expect(await page.locator('#batch-rows tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')))).toEqual(
      attention.map((r) => r.status),
    );
    expect(await page.locator('#batch-rows tbody tr td:first-child').allInnerTexts()).toEqual(attention.map((r) => r.rowId));
    await shot(page, `batch-${fileName.replace(/\W+/g, '-')}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载结果 CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`${fileName.replace(/\.csv$/, '')}.${rule}.result.csv`);
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const [header, ...answered] = parseCsvAnswer(text);
    // every row, then the 合计 line a re-upload skips
    expect(answered).toHaveLength(rows.length + 1);
    const records = answered.slice(0, -1);
    expect(answered.at(-1)![0]).toBe('合计');
    // the page's file is the Worker's own CSV answer for the same upload, to the byte
    const worker = await fetch(`${inject('workerUrl')}/v1/batch/${rule}?lang=zh`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'text/csv', accept: 'text/csv' },
      body: new Uint8Array(bytes),
    });
    expect((await worker.text()).replace(/^\uFEFF/, '')).toBe(text);
    const column = (name: string) => records.map((r) => r[header.indexOf(name)]);
    // the page speaks Chinese, so the result does: 状态 and the primary output's label, Chinese status words
    const words: Record<string, string> = { ok: '通过', mismatch: '金额不符', invalid: '无法计算', skipped: '未计算' };
    expect(header).toContain('状态');
    expect(column('状态')).toEqual(expected.rows.map((r) => words[r.status]));
    expect(column(meta.outputs.find((o) => o.name === meta.primary)!.label.zh)).toEqual(
      expected.rows.map((r) => (r.result?.amount as string | undefined) ?? ''),
    );
    expect(records[2].join(' ')).toContain(expected.rows[2].error!.message.zh);
    expect(pageErrors).toEqual([]);
  }

  it('round-trips a UTF-8 CSV: summary on the page, result CSV downloaded', async () => {
    await roundTrip(
      'claims-utf8.csv',
      Buffer.from(
        csv((n) => n),
        'utf8',
      ),
      DESKTOP,
    );
  });

  it('round-trips a GBK CSV with Chinese column names, as Chinese Excel saves it', async () => {
    const bytes = iconv.encode(csv(zhHeader), 'gbk');
    expect(bytes.equals(Buffer.from(csv(zhHeader), 'utf8'))).toBe(false);
    await roundTrip('claims-gbk.csv', bytes, PHONE);
  });

  it('says so in an alert when the key is wrong, without crashing', async () => {
    const page = await open(`/?rule=${rule}`);
    await page.setInputFiles('#batch-file', { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from(csv((n) => n)) });
    await page.getByLabel('访问密钥').fill('not-the-key');
    await page.getByRole('button', { name: '上传并核对' }).click();
    await expect.poll(() => page.locator('#batch-key-error[role="alert"]').textContent(), settle).not.toBe('');
    expect(await page.locator('#batch-summary').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
