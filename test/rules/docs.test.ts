/** The committed rule pages (docs/rules/<id>.md) are what `npm run docs` makes from the registry now. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { listRules } from '../../rules/index.ts';
import { ruleDocs } from '../../scripts/rule-docs.ts';

const root = new URL('../../', import.meta.url);

it('docs/rules holds one current page per rule (run `npm run docs`)', async () => {
  const pages = await ruleDocs();
  expect([...pages.keys()].sort()).toEqual(
    listRules()
      .map((r) => `docs/rules/${r.id}.md`)
      .sort(),
  );
  expect(readdirSync(new URL('docs/rules/', root)).sort()).toEqual([...pages.keys()].map((p) => p.slice('docs/rules/'.length)).sort());
  for (const [path, text] of pages) {
    expect(existsSync(new URL(path, root)), path).toBe(true);
    expect(readFileSync(new URL(path, root), 'utf8'), `${path} is stale: run npm run docs`).toBe(text);
  }
});

it('a page shows the clause text, each parameter with its source and date, and the table of cases', async () => {
  const page = (await ruleDocs()).get('docs/rules/tobacco-min-distance.md')!;
  expect(page).toContain('正常办证65米');
  expect(page).toMatch(/\| `plan\.tobacco\.urban\.normal` \| .* \| 2023-04-22 \| 65 \| 包府办发〔2023〕43号 m2 \|/);
  expect(page).toContain('`tobacco-30m`');
  expect(page).toContain('refused: `no-answer-in-text` (district)');
});
