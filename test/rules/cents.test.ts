import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsOf, formatCents, MoneySum } from '../../rules/core/cents.ts';
import { Dec, money } from '../../rules/core/decimal.ts';

/** Amounts as a batch's totals meet them: plain money, and now and then one too long, too precise or too large for whole cents. */
const amount = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -(10 ** 13), max: 10 ** 13 }).map((c) => formatCents(c)) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((c) => `${c}.${String(Math.abs(Number(c % 100n))).padStart(2, '0')}`) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: 0, max: 99999 })).map(([w, f]) => `${w}.${String(f).padStart(5, '0')}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('9007199254740.99', '-9007199254740.99', '4503599627370.49', '0.00', '-0.00', '7', '-3.5') },
);

describe('money as whole cents', () => {
  it('reads and prints plain amounts as decimals do', () => {
    fc.assert(
      fc.property(amount, (text) => {
        const cents = centsOf(text);
        if (cents !== undefined) expect(formatCents(cents)).toBe(money(new Dec(text)));
      }),
    );
  });

  it('a running sum is the sum decimals give, whatever the amounts and however large the total', () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 60 }), (amounts) => {
        const sum = new MoneySum();
        let expected = new Dec(0);
        for (const a of amounts) {
          sum.add(a);
          expected = expected.plus(a);
        }
        expect(sum.value().eq(expected)).toBe(true);
        expect(money(sum.value())).toBe(money(expected));
      }),
      { numRuns: 2000 },
    );
  });

  it('a sum past the safe integers of cents goes on in decimals, exactly', () => {
    const sum = new MoneySum();
    for (let i = 0; i < 10; i++) sum.add('9999999999999.99');
    sum.add('0.01'); // an odd number of cents past 2^53, which a float cannot hold
    expect(money(sum.value())).toBe('99999999999999.91');
  });
});
