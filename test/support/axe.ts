// axe-core (Deque's accessibility engine) run inside the page under test: WCAG 2.x A and AA rules only.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Puts axe into the page through DevTools (not as an inline <script>, which the served pages' Content-Security-Policy
 * rightly refuses), so the pages are checked under the policy they are served with.
 */
async function injectAxe(page: Page): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
}

/** The WCAG 2.x A/AA violations axe finds in the page as it is now (empty when there are none). */
export async function axeViolations(page: Page): Promise<Violation[]> {
  await injectAxe(page);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: { target: string[] }) => n.target.join(' ')) }));
  }, WCAG_TAGS);
}

/** How many rules axe ran (so a test can show the check was not empty). */
export async function axeRuleCount(page: Page): Promise<number> {
  await injectAxe(page);
  return page.evaluate((tags) => (window as any).axe.getRules(tags).length, WCAG_TAGS);
}
