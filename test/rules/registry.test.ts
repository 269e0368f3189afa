import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, listInterpretations, listRules, rules } from '../../rules/index.ts';
import { catalogueText, policyText } from '../support/spec.ts';

const root = new URL('../../', import.meta.url);
const catalogue = catalogueText;

/** Rule ids as RULES.md lists them: the first backticked id of each table row. */
const catalogueIds = [...catalogue.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
/** Interpretation ids: rows of the interpretations table. */
const catalogueInterpretations = [...catalogue.split('## Interpretations')[1].matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
const catalogueRuleIds = catalogueIds.filter((id) => !catalogueInterpretations.includes(id));

describe('the registry', () => {
  it('has every rule of RULES.md, and only those', () => {
    expect(catalogueRuleIds).toHaveLength(listRules().length);
    expect(new Set(catalogueRuleIds).size, 'each rule once in RULES.md').toBe(catalogueRuleIds.length);
    expect(listRules().map((r) => r.id).sort()).toEqual([...catalogueRuleIds].sort());
  });

  it('keeps RULES.md order', () => {
    expect(listRules().map((r) => r.id)).toEqual(catalogueRuleIds);
  });

  it('gives every rule, input and output zh and en text', () => {
    for (const rule of listRules()) {
      for (const t of [rule.title, rule.description, rule.clause.heading]) {
        expect(t.zh, rule.id).toMatch(/\p{Script=Han}/u);
        expect(t.en, rule.id).toMatch(/[A-Za-z]/);
      }
      for (const input of rule.inputs) {
        expect(input.label.zh && input.label.en && input.description.zh && input.description.en, `${rule.id}.${input.name}`).toBeTruthy();
        for (const choice of input.choices ?? []) expect(choice.label.zh && choice.label.en, `${rule.id}.${input.name}`).toBeTruthy();
      }
      for (const output of rule.outputs) expect(output.label.zh && output.label.en, `${rule.id}.${output.name}`).toBeTruthy();
      expect(rule.outputs.some((o) => o.name === rule.primary), rule.id).toBe(true);
    }
  });

  it('ends every rule’s inputs with date and applyOutsideValidity', () => {
    for (const rule of listRules()) {
      const names = rule.inputs.map((i) => i.name);
      expect(names, rule.id).toContain('date');
      expect(names.at(-1), rule.id).toBe('applyOutsideValidity');
      expect(new Set(names).size, rule.id).toBe(names.length);
    }
  });

  it('cites, for every rule, a clause whose text is in the policy file', () => {
    for (const rule of listRules()) {
      expect(policyText.includes(rule.clause.text), `${rule.id} → ${rule.clause.id}`).toBe(true);
    }
  });

  it('lists every interpretation of RULES.md, each with zh and en readings', () => {
    const ids = listInterpretations().map((i) => i.id);
    for (const id of catalogueInterpretations) expect(ids).toContain(id);
    for (const i of listInterpretations()) expect(i.reading.zh && i.reading.en && i.alternative.zh && i.alternative.en, i.id).toBeTruthy();
  });

  it('refuses an unknown rule without throwing', () => {
    const r = evaluate('no-such-rule', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('unknown-rule');
  });
});

describe('parameters as data', () => {
  /** Rule code with comments, strings and `example:` values removed: what is left is logic. */
  const logicOf = (source: string) =>
    source
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/[^\n]*/g, '')
      .replace(/`(?:[^`\\]|\\.)*`/g, '``')
      .replace(/'(?:[^'\\\n]|\\.)*'/g, "''")
      .replace(/"(?:[^"\\\n]|\\.)*"/g, '""')
      .replace(/example: [^,}\n]+/g, '');
  /** Numbers that are arithmetic, not policy: nothing, one, 4 decimals of a displayed ratio, months in a year. */
  const allowed = new Set(['0', '1', '4', '12']);

  it('writes no policy number in rule code (rules/clauses)', () => {
    const dir = new URL('rules/clauses/', root);
    for (const file of readdirSync(dir)) {
      const logic = logicOf(readFileSync(new URL(file, dir), 'utf8'));
      const numbers = [...logic.matchAll(/(?<![\w.])\d+(?:\.\d+)?(?!\w)/g)].map((m) => m[0]).filter((n) => !allowed.has(n));
      expect(numbers, file).toEqual([]);
    }
  });

  it('names its rule id and clause id in each rule module’s header', () => {
    for (const rule of rules) {
      const file = readFileSync(new URL(`rules/clauses/${rule.id}.ts`, root), 'utf8');
      const header = file.slice(0, file.indexOf('*/'));
      expect(header, rule.id).toContain(`\`${rule.id}\``);
      expect(header, rule.id).toMatch(rule.kind === 'helper' ? /helper/ : new RegExp(`clause ${rule.clause.id.replace('.', '\\.')}`));
    }
  });
});
