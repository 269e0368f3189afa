/**
 * core/answer-json.ts: an answer's text, with the parts answers share written from their text made once, is exactly
 * JSON.stringify's, for every rule on its inputs' examples and on variants of each (missing, junk, every choice, dates
 * inside and outside the plans' windows: refusals, answers by date and warnings included).
 */
import { describe, expect, it } from 'vitest';
import { answerJson, sharedPart } from '../../rules/core/answer-json.ts';
import { evaluate, inputsOf } from '../../rules/evaluate.ts';
import { rules } from '../../rules/registry.ts';
import type { InputSpec } from '../../rules/core/schema.ts';

function variantsOf(spec: InputSpec): unknown[] {
  const values: unknown[] = [undefined, 'abc', spec.example];
  if (spec.type === 'date') values.push('2023-04-22', '2024-06-30', '2024-12-01', '2025-06-30', '1950-01-01');
  if (spec.type === 'boolean') values.push(true, false);
  if (spec.type === 'choice') values.push(...spec.choices!.map((c) => c.value));
  if (spec.type === 'integer' || spec.type === 'decimal' || spec.type === 'money') values.push(0, 1, 36, 1000, '1.5', -1);
  if (spec.type === 'records') values.push([{ category: 4, grade: 2, contractMonths: 12, paidAtLeastMinWage: true, socialInsurance: true }]);
  return values;
}

describe('answerJson', () => {
  it.each(rules.map((rule) => [rule.id, rule] as const))('%s: the same text as JSON.stringify', (_id, rule) => {
    const specs = inputsOf(rule);
    const example: Record<string, unknown> = {};
    for (const spec of specs) if (spec.example !== undefined) example[spec.name] = spec.example;
    const cases: unknown[] = [example, {}, null, 'x'];
    for (const spec of specs) for (const value of variantsOf(spec)) cases.push({ ...example, [spec.name]: value });
    let shared = 0;
    for (const inputs of cases) {
      const answer = evaluate(rule.id, inputs);
      const text = answerJson(answer);
      expect(text).toBe(JSON.stringify(answer));
      if (answer.ok) shared++;
    }
    expect(shared).toBeGreaterThan(0);
  });

  it('plain data of any shape, shared parts anywhere', () => {
    const part = sharedPart(Object.freeze({ zh: '条款', en: 'clause "quoted"\n' }));
    const values = [
      {},
      { a: undefined, b: () => 1, c: Symbol('s'), d: 1 },
      { list: [undefined, () => 1, part, [part], { part }], part, n: null, x: NaN, y: -0, s: '\u2028\ud800' },
      { toJSON: () => 'own' },
      { date: new Date(0), list: Object.assign([1], { toJSON: () => 'listed' }) },
      { '"key"': 1, 2: 'two', 1: 'one' },
    ];
    for (const value of values) expect(answerJson(value)).toBe(JSON.stringify(value));
  });
});
