/**
 * Issue 11: every Chinese text a clerk reads (steps, conditions, warnings, hints, error messages) is in
 * words. For every rule of the registry, the inputs' examples and variants of them (each input missing,
 * junk, at its bounds, every choice and district, dates inside and outside the plan's window) are
 * evaluated; no Chinese text may carry a code word, and every error about an input names it by its label.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, inputsOf, type Evaluation } from '../../rules/evaluate.ts';
import { rules } from '../../rules/registry.ts';
import { districts } from '../../rules/parameters/districts.ts';
import type { InputSpec } from '../../rules/core/schema.ts';
import type { Text } from '../../rules/core/text.ts';
import { fakeCert } from './fake-cert.ts';

/** Every name a programmer gave: input names (own and nested), output names, rule ids. */
const codeNames = new Set<string>();
for (const rule of rules) {
  codeNames.add(rule.id);
  for (const spec of inputsOf(rule)) {
    codeNames.add(spec.name);
    for (const f of spec.fields ?? []) codeNames.add(f.name);
  }
  for (const o of rule.outputs) codeNames.add(o.name);
}

const CODE_PATTERNS: [string, RegExp][] = [
  ['camelCase name', /[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*/],
  ['kebab-case code (rule id or condition code)', /(?<![A-Za-z])[a-z]+(?:-[a-z]+)+(?![A-Za-z])/],
  ['formula function', /\b(?:floor|ceil|min|max|round|mod|abs|sum)\b/i],
  ['boolean literal', /\b(?:true|false|null|undefined)\b/i],
  ['array index', /\[\d+\]/],
];

/** The code words found in one Chinese text (empty when it reads as words). */
export function codeWords(zh: string): string[] {
  const found: string[] = [];
  for (const [what, re] of CODE_PATTERNS) {
    const m = zh.match(re);
    if (m) found.push(`${what}: ${m[0]}`);
  }
  for (const name of codeNames) {
    if (name.length < 2) continue;
    if (new RegExp(`(?<![A-Za-z0-9])${name}(?![A-Za-z0-9])`).test(zh)) found.push(`code name: ${name}`);
  }
  return found;
}

/** The Chinese texts of one evaluation, each with where it came from. */
function chineseTexts(e: Evaluation): [where: string, zh: string][] {
  if (!e.ok) return [['error', e.error.message.zh]];
  const out: [string, string][] = [];
  const add = (where: string, list: readonly Text[]) => list.forEach((t, i) => out.push([`${where}[${i}]`, t.zh]));
  add('step', e.steps);
  add('warning', e.warnings);
  add('hint', e.hints);
  add(
    'failed condition',
    e.failedConditions.map((c) => c.message),
  );
  add(
    'interpretation',
    e.interpretations.flatMap((i) => [i.reading, i.alternative]),
  );
  return out;
}

const example = (specs: readonly InputSpec[]) => {
  const inputs: Record<string, unknown> = {};
  for (const s of specs) if (s.example !== undefined) inputs[s.name] = s.example;
  return inputs;
};

/** Values of one input that reach other branches: bounds, junk, every choice, both booleans. */
function variantsOf(spec: InputSpec): unknown[] {
  const values: unknown[] = [undefined, 'abc'];
  switch (spec.type) {
    case 'integer':
    case 'decimal':
    case 'money': {
      values.push(0, 1, 2, 7, 13, 36, 100, 1000, 1e7, '1.5', -1);
      if (spec.min !== undefined) values.push(spec.min, Number(spec.min) - 1);
      if (spec.max !== undefined) values.push(spec.max, Number(spec.max) + 1);
      if (typeof spec.example === 'number') values.push(spec.example * 10, Math.max(0, spec.example - 1), spec.example + 1);
      break;
    }
    case 'boolean':
      values.push(true, false);
      break;
    case 'date':
      values.push('2023-01-01', '2023-04-22', '2024-11-30', '2024-12-01', '2024-12-31', '2025-06-30', '1950-01-01', '2024-02-30');
      break;
    case 'district':
      values.push(...districts.map((d) => d.zh));
      break;
    case 'choice':
      values.push(...spec.choices!.map((c) => c.value));
      break;
    case 'integer-list':
      values.push('0,1,24', '30', '12,12', '3,x');
      break;
    case 'text':
      values.push('x', fakeCert({ birth: '19650115', category: 4, grade: 2 }), '15029619650115001X42');
      break;
    case 'records':
      values.push(
        [{}],
        ...[
          { category: 4 },
          { grade: 2 },
          { category: 4, grade: 2 },
          { category: 4, grade: 2, contractMonths: 6 },
          { certNumber: 'bad' },
          { certNumber: fakeCert({ category: 4, grade: 2 }), grade: 3, onEstablishment: true },
        ].map((row) => [{ paidAtLeastMinWage: true, socialInsurance: true, ...row }]),
      );
      break;
  }
  return values;
}

/** A few hand cases per rule where the variants alone do not reach a branch. */
const extraCases: Record<string, Record<string, unknown>[]> = {
  'disabled-headcount': [
    {
      rows: [
        { category: 4, grade: 2, onEstablishment: true },
        { category: 1, grade: 4, contractMonths: 6 },
        { veteranGrade: 2, contractMonths: 12 },
        { category: 1, grade: 4, contractMonths: 12, monthsEmployed: 5, paidAtLeastMinWage: false, socialInsurance: false },
      ].map((row) => ({ paidAtLeastMinWage: true, socialInsurance: true, ...row })),
    },
    {
      rows: [{ certNumber: fakeCert({ birth: '19650115', category: 5, grade: 3 }), contractMonths: 12, paidAtLeastMinWage: true, socialInsurance: true }],
      date: '2024-06-30',
    },
  ],
  'overquota-reward': [
    { totalStaff: 400, disabledCounted: 9, district: '昆都仑区' },
    { totalStaff: 400, disabledCounted: 9, district: '稀土高新区', date: '2024-06-30' },
    { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, district: '昆都仑区', date: '2024-12-15' },
    { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, date: '2025-06-30' },
    { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, date: '2025-06-30', applyOutsideValidity: true },
    { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, unitKind: 'fiscal-funded' },
  ],
  'graduate-hire-subsidy': [{ persons: 1, district: '青山区', contractMonths: 6, socialInsurance: false, publicWelfarePost: true }],
  'rent-subsidy': [{ monthlyRent: 1500, months: 12, monthsOperating: 6, monthsSinceStart: 40 }],
  'public-post-placement': [{ placementNumber: 2, receivesFlexibleEmploymentInsuranceSubsidy: true }],
  'tobacco-licence-check': [
    { district: '昆都仑区', distanceMetres: 10, disabledApplicant: true, existingFavourableLicences: 1 },
    { district: '稀土高新区', distanceMetres: 10, disabledApplicant: true },
  ],
  'skills-training-subsidy': [{ trainees: 1, classHours: 10, days: 1 }],
};

function casesOf(ruleId: string): Record<string, unknown>[] {
  const rule = rules.find((r) => r.id === ruleId)!;
  const specs = inputsOf(rule);
  const base = example(specs);
  const cases: Record<string, unknown>[] = [base, { ...base, date: undefined }, ...(extraCases[ruleId] ?? [])];
  for (const spec of specs) {
    for (const value of variantsOf(spec)) cases.push({ ...base, [spec.name]: value });
  }
  return cases.map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)));
}

describe('plain Chinese for clerks (issue 11)', () => {
  it('the code-word detector finds what the issue quoted, and passes plain words', () => {
    expect(codeWords('缺少必填项 disabledCounted（残疾职工折算人数）')).not.toEqual([]);
    expect(codeWords('延迟 = min(36, floor(14 ÷ 4) + 1)')).not.toEqual([]);
    expect(codeWords('请传 applyOutsideValidity: true')).not.toEqual([]);
    expect(codeWords('见 disabled-headcount')).not.toEqual([]);
    expect(codeWords('汇总（overquota-reward）')).not.toEqual([]);
    expect(codeWords('不符合：contract-too-short')).not.toEqual([]);
    expect(codeWords('rows[0] 缺少类别')).not.toEqual([]);
    expect(codeWords('3 × 5 × 1980.00 = 29700.00；14 ÷ 4 = 3.5，向下取整 3，取较小者 4')).toEqual([]);
  });

  for (const rule of rules) {
    it(`${rule.id}: no code word in its Chinese title, description, labels and help`, () => {
      const texts: [string, Text | undefined][] = [
        ['title', rule.title],
        ['description', rule.description],
        ...inputsOf(rule).flatMap((spec): [string, Text | undefined][] => [
          [`${spec.name} label`, spec.label],
          [`${spec.name} description`, spec.description],
          [`${spec.name} unit`, spec.unit],
          ...(spec.choices ?? []).map((c): [string, Text] => [`${spec.name} choice ${c.value}`, c.label]),
          ...(spec.fields ?? []).flatMap((f): [string, Text | undefined][] => [
            [`${spec.name}.${f.name} label`, f.label],
            [`${spec.name}.${f.name} description`, f.description],
          ]),
        ]),
        ...rule.outputs.map((o): [string, Text] => [`${o.name} output`, o.label]),
      ];
      const problems = texts.flatMap(([where, t]) => (t && codeWords(t.zh).length ? [`${where}: “${t.zh}” has ${codeWords(t.zh).join(', ')}`] : []));
      expect(problems).toEqual([]);
    });

    it(`${rule.id}: no code word in any Chinese step, condition, warning, hint or error`, () => {
      const problems: string[] = [];
      let evaluated = 0;
      for (const inputs of casesOf(rule.id)) {
        const e = evaluate(rule.id, inputs);
        evaluated++;
        for (const [where, zh] of chineseTexts(e)) {
          const words = codeWords(zh);
          if (words.length) problems.push(`${JSON.stringify(inputs)} → ${where}: “${zh}” has ${words.join(', ')}`);
        }
      }
      expect(evaluated).toBeGreaterThan(10);
      expect(problems).toEqual([]);
    });

    it(`${rule.id}: a missing or bad input is named by its Chinese label, its code stays in error.field`, () => {
      const specs = inputsOf(rule);
      const base = example(specs);
      for (const spec of specs) {
        const cases: Record<string, unknown>[] = [{ ...base, [spec.name]: spec.type === 'text' ? ['x'] : spec.type === 'records' ? 'abc' : 'abc' }];
        if (spec.required) cases.push(Object.fromEntries(Object.entries(base).filter(([k]) => k !== spec.name)));
        for (const inputs of cases) {
          const e = evaluate(rule.id, inputs);
          if (e.ok || e.error.field !== spec.name) continue;
          expect(e.error.message.zh, JSON.stringify(inputs)).toContain(spec.label.zh);
          expect(codeWords(e.error.message.zh), e.error.message.zh).toEqual([]);
        }
      }
    });
  }
});
