// Real headless Chromium (Debian's package) driven by playwright-core; no browser download happens.
import { afterAll, beforeAll, inject } from 'vitest';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshotDir = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));

export async function launchChromium(): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * One Chromium for a test file (launched before its tests, closed after) and pages of the running Worker
 * (`inject('workerUrl')`), opened once the page says it is ready; script errors are collected in `pageErrors`.
 * Call at the top of a test file.
 */
export function workerPages(defaults: BrowserContextOptions) {
  let browser: Browser;
  const pageErrors: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  async function open(path = '/', options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ ...defaults, ...options });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
    await page.goto(`${inject('workerUrl')}${path}`);
    await page.waitForSelector('body[data-ready="true"]');
    return page;
  }
  return { open, pageErrors, browser: () => browser };
}
