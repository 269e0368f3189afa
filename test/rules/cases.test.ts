/**
 * The one runner for every rule's table of cases (`test/rules/cases/<rule-id>.cases.ts`, OpenFisca
 * style: inputs → expected outputs or refusal). Every rule in the registry must have a table, and
 * every table must name a rule of the registry; a new rule's table is picked up without a change here.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, listRules } from '../../rules/index.ts';
import type { RuleCases } from './cases/types.ts';

const folder = new URL('./cases/', import.meta.url);
const files = readdirSync(folder).filter((f) => f.endsWith('.cases.ts')).sort();
const tables = await Promise.all(files.map(async (file) => ({ file, table: ((await import(new URL(file, folder).href)) as { default: RuleCases }).default })));

describe('tables of cases', () => {
  it('every rule of the registry has a table, named after it, and every table names a rule', () => {
    const ids = listRules().map((r) => r.id);
    expect(files.map((f) => f.replace(/\.cases\.ts$/, '')).sort()).toEqual([...ids].sort());
    for (const { file, table } of tables) expect(file, table.rule).toBe(`${table.rule}.cases.ts`);
  });

  for (const { table } of tables) {
    describe(table.rule, () => {
      it('has at least two cases', () => expect(table.cases.length).toBeGreaterThanOrEqual(2));
      for (const c of table.cases) {
        it(c.name, () => {
          expect(Boolean(c.output) !== Boolean(c.error), 'a case expects either outputs or an error').toBe(true);
          const r = evaluate(table.rule, c.input);
          if (c.error) {
            expect(r.ok ? r.result : r.error).toMatchObject(c.error);
            return;
          }
          expect(r.ok ? r.result : r.error).toMatchObject(c.output!);
          if (r.ok && c.interpretations) {
            const relied = r.interpretations.map((i) => i.id);
            for (const id of c.interpretations) expect(relied).toContain(id);
          }
        });
      }
    });
  }
});
