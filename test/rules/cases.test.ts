/**
 * The one runner for every rule's table of cases (`rules/clauses/<id>/cases.ts`, `rules/helpers/<id>/cases.ts`,
 * OpenFisca style: inputs → expected outputs or refusal, with steps, warnings, hints, failed conditions and
 * interpretations where a case names them). Every rule in the registry must have a table in its folder, and
 * every table must name the rule of its folder; a new rule's table is picked up without a change here.
 */
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RuleCase, RuleCases } from '../../rules/core/cases.ts';
import { evaluate, rules, type Evaluation } from '../../rules/index.ts';

const root = new URL('../../rules/', import.meta.url);
const folderOf = (rule: { id: string; kind: string }) => `${rule.kind === 'helper' ? 'helpers' : 'clauses'}/${rule.id}/`;
const tables = await Promise.all(
  rules.map(async (rule) => {
    const file = new URL(`${folderOf(rule)}cases.ts`, root);
    return { rule, file, table: existsSync(file) ? ((await import(file.href)) as { default: RuleCases }).default : undefined };
  }),
);

/** Checks one answer against one row of a table. */
function expectCase(r: Evaluation, c: RuleCase): void {
  expect(Boolean(c.output) !== Boolean(c.error), 'a case expects either outputs or an error').toBe(true);
  if (c.error) {
    expect(r.ok ? r.result : r.error).toMatchObject(c.error);
    return;
  }
  expect(r.ok ? r.result : r.error).toMatchObject(c.output!);
  if (!r.ok) return;
  if (c.interpretations) for (const id of c.interpretations) expect(r.interpretations.map((i) => i.id)).toContain(id);
  if (c.eligible !== undefined) expect(r.eligible).toBe(c.eligible);
  if (c.failed) expect(r.failedConditions.map((f) => f.code)).toEqual(c.failed);
  for (const [expected, got] of [
    [c.steps, r.steps],
    [c.warnings, r.warnings],
    [c.hints, r.hints],
  ] as const) {
    if (expected === undefined) continue;
    const texts = got.map((t) => t.en);
    if (expected.length === 0) expect(texts).toEqual([]);
    for (const text of expected) expect(texts).toContain(text);
  }
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
