import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

it('the Worker serves the rules list to a real browser', async () => {
  const page = await browser.newPage();
  const response = await page.goto(`${inject('workerUrl')}/v1/rules`);
  expect(response?.status()).toBe(200);
  const body = JSON.parse(await page.innerText('body'));
  expect(body.rules.map((r: { id: string }) => r.id)).toContain('overquota-reward');
});
