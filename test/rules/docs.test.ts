/** The committed rule pages (docs/rules/<id>.md) are what `npm run docs` makes from the registry now. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { districts, listRules, servedParameters } from '../../rules/index.ts';
import { valueMembers } from '../../rules/parameters/labels.ts';
import { certificate } from '../../rules/parameters/national.ts';
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

it('names the districts and disability categories a parameter lists, never their ids', async () => {
  const pages = await ruleDocs();
  const named = (id: string, page: string) => {
    const value = servedParameters.byId[id].history.at(-1)!.value as readonly (string | number)[];
    const names = value.map((m) => (typeof m === 'string' ? districts.find((d) => d.id === m)!.zh : certificate.categories[m].zh));
    expect(names.length).toBeGreaterThan(0);
    expect(pages.get(`docs/rules/${page}.md`)).toContain(`| ${names.join('、')} |`);
  };
  named('plan.tobacco.urban.districts', 'tobacco-licence-check');
  named('minimumWage.class2.districts', 'min-wage');
  named('plan.labourCoefficient.zeroCategories', 'labour-coefficient-zero');
  for (const [path, text] of pages) {
    for (const d of districts) expect(text, `${path}: ${d.id}`).not.toMatch(new RegExp(`\\| ${d.id}[、 ]|、${d.id}[、 ]`));
  }
});

it('every id a served district or category list holds has a name (a misspelt id in a plan is caught here)', () => {
  const lists = servedParameters.parameters.filter((p) => p.unit === 'districts' || p.unit === 'categories');
  expect(lists.length).toBeGreaterThan(4);
  for (const p of lists) for (const h of p.history) if (h.value !== null) expect(() => valueMembers(p.unit, h.value!), p.id).not.toThrow();
  expect(() => valueMembers('districts', ['kundulun', 'kundulum'])).toThrow('no name for districts member "kundulum"');
  expect(() => valueMembers('categories', [8])).toThrow('no name for categories member 8');
});
