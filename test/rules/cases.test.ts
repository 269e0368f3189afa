/**
 * The one runner for every rule's table of cases (`rules/clauses/<id>/cases.ts`, `rules/helpers/<id>/cases.ts`,
 * OpenFisca style: inputs → expected outputs or refusal, with steps, warnings, hints, failed conditions,
 * interpretations, the clause and sources where a case names them). Every rule in the registry must have a table in its folder, and
 * every table must name the rule of its folder; a new rule's table is picked up without a change here.
 */
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RuleCase, RuleCases, Said } from '../../rules/core/cases.ts';
import type { Text } from '../../rules/core/text.ts';
import { evaluate, rules, type Evaluation } from '../../rules/index.ts';

const root = new URL('../../rules/', import.meta.url);
const folderOf = (rule: { id: string; kind: string }) => `${rule.kind === 'helper' ? 'helpers' : 'clauses'}/${rule.id}/`;
const tables = await Promise.all(
  rules.map(async (rule) => {
    const file = new URL(`${folderOf(rule)}cases.ts`, root);
    return { rule, file, table: existsSync(file) ? ((await import(file.href)) as { default: RuleCases }).default : undefined };
  }),
);

/** The words a case names, by language: English alone, or Chinese (and English where given). */
const wordsOf = (said: Said): Partial<Text> => (typeof said === 'string' ? { en: said } : said);

/** Checks one answer's texts (steps, warnings, hints) against a case's: each contained, or (exact) the whole list in order. */
function expectTexts(part: string, expected: readonly Said[] | undefined, got: readonly Text[], exact: boolean): void {
  if (expected === undefined) return;
  const named = expected.map(wordsOf);
  if (exact) {
    // each text in the languages the case names it in
    const shown = got.map((t, i) =>
      named[i] ? { ...(named[i].zh === undefined ? {} : { zh: t.zh }), ...(named[i].en === undefined ? {} : { en: t.en }) } : t,
    );
    expect(shown, part).toEqual(named);
    return;
  }
  if (expected.length === 0)
    expect(
      got.map((t) => t.en),
      part,
    ).toEqual([]);
  for (const words of named) expect(got, part).toContainEqual(expect.objectContaining(words));
}

/** Checks the answer by date of an undated case (on a success or a refusal). */
function expectByDate(r: Evaluation, c: RuleCase): void {
  if (c.byDate === undefined) return;
  expect(r.byDate ?? [], 'byDate').toMatchObject(c.byDate.map((d) => ({ from: d.from, to: d.to, result: d.output })));
}

/** Checks one answer against one row of a table. */
function expectCase(r: Evaluation, c: RuleCase): void {
  expect(Boolean(c.output) !== Boolean(c.error), 'a case expects either outputs or an error').toBe(true);
  const exact = new Set(c.exact ?? []);
  for (const part of exact) expect(c[part], `exact names ${part}, which the case gives`).toBeDefined();
  if (c.error) {
    expect(r.ok ? r.result : r.error).toMatchObject({ code: c.error.code, ...(c.error.field === undefined ? {} : { field: c.error.field }) });
    if (r.ok) return;
    // every refusal says what is wrong, in both languages
    expect(r.error.message.zh).toMatch(/\p{Script=Han}/u);
    expect(r.error.message.en.length).toBeGreaterThan(0);
    const says = c.error.says === undefined ? {} : wordsOf(c.error.says);
    for (const lang of ['zh', 'en'] as const) if (says[lang] !== undefined) expect(r.error.message[lang]).toContain(says[lang]);
    expectByDate(r, c);
    return;
  }
  expect(r.ok ? r.result : r.error).toMatchObject(c.output!);
  if (!r.ok) return;
  if (exact.has('output')) expect(Object.keys(r.result).sort(), 'no outputs beside those listed').toEqual(Object.keys(c.output!).sort());
  if (c.interpretations) {
    const ids = r.interpretations.map((i) => i.id);
    if (exact.has('interpretations') || c.interpretations.length === 0) expect(ids).toEqual(c.interpretations);
    else for (const id of c.interpretations) expect(ids).toContain(id);
  }
  if (c.eligible !== undefined) expect(r.eligible).toBe(c.eligible);
  if (c.failed) expect(r.failedConditions.map((f) => f.code)).toEqual(c.failed);
  // every failed condition is named by a code and said in Chinese words that do not show the code
  for (const f of r.failedConditions) {
    expect(f.code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
    expect(f.message.zh).toMatch(/\p{Script=Han}/u);
    expect(f.message.zh).not.toContain(f.code);
    expect(f.message.en.length).toBeGreaterThan(0);
  }
  expectTexts('steps', c.steps, r.steps, exact.has('steps'));
  expectTexts('warnings', c.warnings, r.warnings, exact.has('warnings'));
  expectTexts('hints', c.hints, r.hints, exact.has('hints'));
  expectByDate(r, c);
  if (c.clause !== undefined) expect(r.clause.id).toBe(c.clause);
  for (const source of c.sources ?? []) expect(r.sources).toContain(source);
}

describe('tables of cases', () => {
  it('every rule of the registry has a table in its folder, naming it; no folder holds a table without a rule', () => {
    for (const { rule, table } of tables) expect(table?.rule, folderOf(rule)).toBe(rule.id);
    const folders = ['clauses', 'helpers'].flatMap((dir) =>
      readdirSync(new URL(`${dir}/`, root))
        .filter((id) => existsSync(new URL(`${dir}/${id}/cases.ts`, root)))
        .map((id) => `${dir}/${id}/`),
    );
    expect(folders.sort()).toEqual(rules.map(folderOf).sort());
  });

  for (const { rule, table } of tables) {
    if (!table) continue;
    describe(rule.id, () => {
      it('has at least two cases', () => expect(table.cases.length).toBeGreaterThanOrEqual(2));
      for (const c of table.cases) it(c.name, () => expectCase(evaluate(table.rule, c.input), c));
    });
  }
});
