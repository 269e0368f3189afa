// A result a rule shares between cases (a frozen object, as rent-subsidy's nothing for a case outside it) is printed once
// and its printed form shared in turn (OutputFormats): the same answer as printing an unshared copy, frozen, and never
// given for another result.
import { describe, expect, it } from 'vitest';
import { OutputFormats } from '../../rules/core/format.ts';
import { Dec, ZERO } from '../../rules/core/decimal.ts';
import { BatchEvaluator } from '../../rules/batch.ts';
import { evaluate, findRule } from '../../rules/index.ts';
import type { OutputSpec } from '../../rules/core/schema.ts';

const outputs: OutputSpec[] = [
  { name: 'amount', type: 'money', label: { zh: '金额', en: 'Amount' } },
  { name: 'months', type: 'integer', label: { zh: '月数', en: 'Months' } },
  { name: 'share', type: 'ratio', label: { zh: '比例', en: 'Share' } },
];

describe('a shared result', () => {
  it('is printed as an unshared copy is, frozen once found, and no other result gets its print', () => {
    const formats = new OutputFormats(outputs);
    const shared = Object.freeze({ amount: ZERO, months: 0, share: new Dec('0.5') });
    const expected = new OutputFormats(outputs).format({ ...shared });
    expect(expected).toEqual({ amount: '0.00', months: 0, share: '0.5000' });
    const printed: Record<string, unknown>[] = [];
    for (let i = 0; i < 300; i++) {
      printed.push(formats.format(shared));
      // an unfrozen result between, different every time: printed for itself
      expect(formats.format({ amount: new Dec(i), months: i, share: new Dec('0.25') })).toEqual({ amount: `${i}.00`, months: i, share: '0.2500' });
      // an equal but unfrozen copy of the shared one is printed afresh, not given the shared print
      const copy = formats.format({ ...shared });
      expect(copy).toEqual(expected);
      expect(Object.isFrozen(copy)).toBe(false);
    }
    for (const one of printed) expect(one).toEqual(expected);
    // found within the first few hundred, and from then on the one print
    expect(Object.isFrozen(printed[299])).toBe(true);
    expect(printed[299]).toBe(printed[298]);
  });

  it('rent-subsidy: a batch of cases outside the subsidy gets the answer evaluate() gives each', () => {
    const rule = findRule('rent-subsidy')!;
    const batch = new BatchEvaluator(rule);
    const outside = { monthlyRent: 800, months: 12, monthsOperating: 14, monthsSinceStart: 14, blindMassageShop: true };
    const inside = { ...outside, blindMassageShop: false };
    for (let i = 0; i < 200; i++) {
      const raw = i % 3 === 0 ? inside : outside;
      const alone = evaluate(rule.id, raw);
      if (!alone.ok) throw new Error(alone.error.message.en);
      expect(batch.add(raw).result).toEqual(alone.result);
    }
    expect(batch.summary.ok).toBe(200);
  });
});
