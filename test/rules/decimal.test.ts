/**
 * `Dec` against decimal.js configured as the rules always had it (`DecimalReference`): every method the
 * rules use, on random and edge values (negatives, −0, halves at every place, safe-integer limits, more
 * digits than a safe integer or than the 40-digit precision, tiny and huge exponents, NaN and Infinity).
 * Results are compared by `valueOf()` (all digits, the sign of zero) and printed forms by their strings.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { count, Dec, isWholeCents, money, percent, plain, toCents } from '../../rules/core/decimal.ts';
import { MoneySum } from '../../rules/core/cents.ts';
import { DecimalReference } from '../../rules/core/scaled-decimal.ts';

type Ref = InstanceType<typeof DecimalReference>;

const EDGES = [
  '0',
  '-0',
  '0.0',
  '-0.000',
  '1',
  '-1',
  '0.5',
  '-0.5',
  '1.5',
  '-1.5',
  '2.5',
  '-2.5',
  '0.005',
  '-0.005',
  '0.015',
  '0.0049999',
  '-0.0050001',
  '0.125',
  '29700.00',
  '34050.005',
  '-12.3400',
  '100',
  '1e2',
  '1E-2',
  '+7',
  '5.',
  '.5',
  '-.75e1',
  '999999999999999',
  '999999999999999.5',
  '9999999999999999',
  '9007199254740991',
  '-9007199254740991',
  '9007199254740992',
  '9007199254740993',
  '0.9007199254740993',
  '123456789012345678901234567890',
  '1234567890123456789012345678901234567890123',
  '-0.00000000000000000000000000000000000000001234',
  '1e39',
  '1e40',
  '9.99e39',
  '1e-39',
  '1e-40',
  '1.5e-41',
  '1e400',
  '-1e-400',
  '4.4e15',
  '1e15',
  '1e-15',
  '0.0000001',
  '3.000000000000000000001',
];

/** Decimal texts: any sign, up to 25 whole and 25 fractional digits, sometimes an exponent. */
const decimalText = fc
  .tuple(
    fc.constantFrom('', '-', '+', '-'),
    fc.stringMatching(/^\d{0,25}$/),
    fc.option(fc.stringMatching(/^\d{0,25}$/)),
    fc.option(fc.integer({ min: -60, max: 60 })),
  )
  .filter(([, whole, frac]) => whole.length > 0 || (frac ?? '').length > 0)
  .map(([sign, whole, frac, exp]) => `${sign}${whole}${frac === null ? '' : `.${frac}`}${exp === null ? '' : `e${exp}`}`);

/** Short decimals, as amounts and ratios are: few digits, many halves and zeros. */
const shortText = fc
  .tuple(fc.boolean(), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 6 }))
  .map(([negative, n, places]) => `${negative ? '-' : ''}${n}e-${places}`);

const numberValue = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.maxSafeInteger(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  // amounts as spreadsheets and JSON hold them: cents, mills, and sums that are not what they look like (0.1 + 0.2)
  fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(10, 100, 1000, 3, 7, 1e6)).map(([n, d]) => n / d),
  fc.tuple(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 })).map(([a, b]) => a / 100 + b / 100),
  fc.constantFrom(0, -0, 0.1, 0.1 + 0.2, 0.005, 1e21, -1e-7, 1.5e-7, 2 ** 53, 2 ** 53 + 2, 5e-324, Number.MAX_VALUE, 999999999999999.9, 0.30000000000000004),
);

const text = fc.oneof({ weight: 3, arbitrary: decimalText }, { weight: 3, arbitrary: shortText }, { weight: 2, arbitrary: fc.constantFrom(...EDGES) });
const value = fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: numberValue });

const pair = (v: string | number): [Dec, Ref] => [new Dec(v), new DecimalReference(v)];

/** Same value, same sign of zero, and the one form of that value (a Dec made from its own text is equal to it). */
function same(got: Dec, want: Ref): void {
  expect(got.valueOf()).toBe(want.valueOf());
  if (!want.isNaN()) expect(got).toEqual(new Dec(got.valueOf()));
}

const RUNS = { numRuns: 1500 };

describe('Dec equals decimal.js (precision 40, ROUND_HALF_UP)', () => {
  it('reads strings and numbers as decimal.js does, and prints them the same way', () => {
    fc.assert(
      fc.property(value, (v) => {
        const [d, r] = pair(v);
        same(d, r);
        expect(d.toFixed()).toBe(r.toFixed());
        expect(d.toString()).toBe(r.toString());
        expect(`${d}`).toBe(`${r}`);
        expect(JSON.stringify({ d })).toBe(JSON.stringify({ d: r }));
        expect(Object.is(d.toNumber(), r.toNumber())).toBe(true);
        expect(d.e).toBe(r.e);
        expect(d.decimalPlaces()).toBe(r.decimalPlaces());
        expect([d.isZero(), d.isInteger(), d.isFinite(), d.isNaN(), d.isNegative(), d.isPositive()]).toEqual([
          r.isZero(),
          r.isInteger(),
          r.isFinite(),
          r.isNaN(),
          r.isNegative(),
          r.isPositive(),
        ]);
        same(new Dec(d), r);
        expect(money(d)).toBe(r.toFixed(2, DecimalReference.ROUND_HALF_UP));
        expect(plain(d)).toBe(r.toFixed());
        expect(percent(d)).toBe(`${r.times(100).toFixed()}%`);
      }),
      RUNS,
    );
  });

  it('reads JS numbers exactly as decimal.js does (many, as the shortest text that reads back as the number)', () => {
    fc.assert(
      fc.property(numberValue, (v) => {
        expect(new Dec(v).valueOf()).toBe(new DecimalReference(v).valueOf());
      }),
      { numRuns: 20_000 },
    );
  });

  it('plus, minus, times and div give decimal.js results, digit for digit', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        const [da, ra] = pair(a);
        const [db, rb] = pair(b);
        same(da.plus(db), ra.plus(rb));
        same(da.minus(db), ra.minus(rb));
        same(da.times(db), ra.times(rb));
        same(da.div(db), ra.div(rb));
        // plain JS numbers and texts as arguments, as the rules pass them
        same(da.plus(b), ra.plus(b));
        same(da.times(b), ra.times(b));
        same(da.minus(b), ra.minus(b));
        same(da.div(b), ra.div(b));
      }),
      RUNS,
    );
  });

  it('chains of operations stay equal (results fed back in, scaled or not)', () => {
    fc.assert(
      fc.property(value, fc.array(fc.tuple(fc.constantFrom('plus', 'minus', 'times', 'div'), value), { minLength: 1, maxLength: 8 }), (start, steps) => {
        let [d, r] = pair(start);
        for (const [op, v] of steps) {
          d = d[op](new Dec(v));
          r = r[op](new DecimalReference(v));
          same(d, r);
        }
        expect(d.toFixed(2)).toBe(r.toFixed(2));
      }),
      { numRuns: 1500 },
    );
  });

  it('compares as decimal.js does (−0 equals 0; NaN compares false)', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        const [da, ra] = pair(a);
        const [db, rb] = pair(b);
        expect(da.comparedTo(db)).toBe(ra.comparedTo(rb));
        expect([da.eq(db), da.gt(db), da.gte(db), da.lt(db), da.lte(db)]).toEqual([ra.eq(rb), ra.gt(rb), ra.gte(rb), ra.lt(rb), ra.lte(rb)]);
        expect([da.eq(b), da.gt(b), da.gte(b), da.lt(b), da.lte(b)]).toEqual([ra.eq(b), ra.gt(b), ra.gte(b), ra.lt(b), ra.lte(b)]);
        same(Dec.max(da, db), DecimalReference.max(ra, rb));
        same(Dec.min(da, db), DecimalReference.min(ra, rb));
        same(Dec.max(0, da), DecimalReference.max(0, ra));
        same(Dec.min(b, da, 0), DecimalReference.min(b, ra, 0));
      }),
      RUNS,
    );
  });

  it('rounds as decimal.js does: floor, ceil, round, toDecimalPlaces, toSignificantDigits, toFixed(dp, rm), in every mode', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 45 }), fc.integer({ min: 1, max: 45 }), fc.integer({ min: 0, max: 8 }), (v, dp, sd, rm) => {
        const [d, r] = pair(v);
        const mode = rm as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
        same(d.floor(), r.floor());
        same(d.ceil(), r.ceil());
        same(d.round(), r.round());
        same(d.abs(), r.abs());
        same(d.negated(), r.negated());
        same(d.toDecimalPlaces(), r.toDecimalPlaces());
        same(d.toDecimalPlaces(dp), r.toDecimalPlaces(dp));
        same(d.toDecimalPlaces(dp, mode), r.toDecimalPlaces(dp, mode));
        same(d.toSignificantDigits(), r.toSignificantDigits());
        same(d.toSignificantDigits(sd), r.toSignificantDigits(sd));
        same(d.toSignificantDigits(sd, mode), r.toSignificantDigits(sd, mode));
        expect(d.toFixed(dp)).toBe(r.toFixed(dp));
        expect(d.toFixed(dp, mode)).toBe(r.toFixed(dp, mode));
        expect(d.toFixed(dp % 5, mode)).toBe(r.toFixed(dp % 5, mode));
      }),
      RUNS,
    );
  });

  it('every edge value against every other, through every operation', () => {
    const ops = ['plus', 'minus', 'times', 'div'] as const;
    for (const a of EDGES) {
      const [da, ra] = pair(a);
      for (const b of EDGES) {
        const [db, rb] = pair(b);
        for (const op of ops) same(da[op](db), ra[op](rb));
        expect(da.comparedTo(db)).toBe(ra.comparedTo(rb));
      }
      for (let dp = 0; dp <= 4; dp++) for (let rm = 0; rm <= 8; rm++) expect(da.toFixed(dp, rm as 0)).toBe(ra.toFixed(dp, rm as 0));
    }
  });

  it('NaN, ±Infinity and division by zero behave as in decimal.js', () => {
    const specials: (string | number)[] = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 'NaN', 'Infinity', '-Infinity', 0, '-0', 5, '-2.5'];
    for (const a of specials) {
      const [da, ra] = pair(a);
      expect([da.toFixed(), da.toFixed(2), da.toString(), da.isFinite(), da.isNaN()]).toEqual([
        ra.toFixed(),
        ra.toFixed(2),
        ra.toString(),
        ra.isFinite(),
        ra.isNaN(),
      ]);
      for (const b of specials) {
        const [db, rb] = pair(b);
        for (const op of ['plus', 'minus', 'times', 'div'] as const) expect(da[op](db).valueOf()).toBe(ra[op](rb).valueOf());
        expect(da.comparedTo(db)).toBe(ra.comparedTo(rb));
        expect(da.gt(db)).toBe(ra.gt(rb));
        expect(Dec.max(da, db).valueOf()).toBe(DecimalReference.max(ra, rb).valueOf());
      }
    }
  });

  it('refuses what decimal.js refuses, with its message', () => {
    const bad: unknown[] = ['', ' 1', '1 ', '-', '+', '.', 'e5', '1e', '1e+', '1.2.3', '--1', '+-1', '1,000', '１', 'abc', {}, null, undefined, true];
    for (const v of bad) {
      let message = '';
      try {
        new DecimalReference(v as string);
      } catch (error) {
        message = String(error);
      }
      expect(message).not.toBe('');
      expect(() => new Dec(v as string)).toThrow(message.replace(/^Error: /, ''));
    }
    // decimal.js's other syntaxes, which the rules never send, are still read as it reads them
    for (const v of ['0x1f', '0b101', '0o17', '1_000', '0x1.8p1']) same(new Dec(v), new DecimalReference(v));
    expect(() => new Dec(1).toFixed(-1)).toThrow(/DecimalError/);
    expect(() => new Dec(1).toDecimalPlaces(1, 9 as 0)).toThrow(/DecimalError/);
  });

  it('divides scaled values as decimal.js does, without it: exact quotients scaled, the others rounded to 40 digits', () => {
    const MAX = Number.MAX_SAFE_INTEGER;
    /** The largest divisor coefficient divided here a word (7 digits) at a time; larger ones are left to decimal.js. */
    const WORD_DIVISOR = Math.floor(MAX / 1e7);
    const coefficient = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }),
      fc.integer({ min: -MAX, max: MAX }),
      fc.constantFrom(
        1,
        -1,
        3,
        7,
        9,
        11,
        13,
        99,
        997,
        4096,
        3125,
        65536 * 3,
        MAX,
        -MAX,
        MAX - 1,
        2 ** 52,
        999999999999999,
        WORD_DIVISOR,
        WORD_DIVISOR - 1,
        WORD_DIVISOR + 1,
      ),
      // divisors with twos and fives beside another factor, dividends that cancel it (21/12 = 1.75)
      fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 40 })).map(([t, i, k]) => t * 2 ** i * 5 ** (k % 9)),
    );
    const divisor = coefficient.filter((c) => c !== 0);
    const exponent = fc.integer({ min: -30, max: 30 });
    const divideSpy = vi.spyOn(DecimalReference.prototype, 'div');
    try {
      fc.assert(
        fc.property(coefficient, exponent, divisor, exponent, fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 8 }), (a, xa, b, xb, dp, rm) => {
          const [da, ra] = pair(`${a}e${xa}`);
          const [db, rb] = pair(`${b}e${xb}`);
          divideSpy.mockClear();
          const q = da.div(db);
          const divisions = divideSpy.mock.calls.length;
          const want = ra.div(rb);
          same(q, want);
          // no decimal.js division for a quotient that does not end (divisor coefficient up to WORD_DIVISOR), nor for one that ends within 15 digits
          let t = Math.abs(b);
          while (t % 2 === 0) t /= 2;
          while (t % 5 === 0) t /= 5;
          const ends = a % t === 0;
          if (ends ? want.sd() <= 15 : Math.abs(b) <= WORD_DIVISOR && Math.abs(a) <= 1e9) expect(divisions).toBe(0);
          // an exact quotient of up to 15 digits is scaled; one that does not end has 40 digits and is held
          if (want.d!.length <= 2) expect(q.j).toBeNull();
          const mode = rm as 0;
          expect(q.toFixed(dp, mode)).toBe(want.toFixed(dp, mode));
          expect([q.toFixed(2), q.toFixed(4), q.toFixed(0)]).toEqual([want.toFixed(2), want.toFixed(4), want.toFixed(0)]);
          expect(money(q)).toBe(want.toFixed(2));
          expect(q.comparedTo(da)).toBe(want.comparedTo(ra));
          // a held quotient carried on: through decimal.js, as before
          same(q.times(db), want.times(rb));
          same(q.toDecimalPlaces(dp, mode), want.toDecimalPlaces(dp, mode));
        }),
        RUNS,
      );
    } finally {
      divideSpy.mockRestore();
    }
  });

  it('divides head counts and cents without decimal.js: a ratio shown to 4 places, amounts in cents', () => {
    const divideSpy = vi.spyOn(DecimalReference.prototype, 'div');
    const fixedSpy = vi.spyOn(DecimalReference.prototype, 'toFixed');
    const ratios: [number, number, Dec, string][] = [];
    const amounts: [number, Dec][] = [];
    let sum: Dec;
    try {
      for (let total = 1; total <= 400; total++) {
        for (const part of [0, 1, 2, 3, Math.floor(total / 7), Math.floor(total * 0.15), total - 1, total]) {
          const ratio = new Dec(part).div(total);
          ratios.push([part, total, ratio, ratio.toFixed(4)]);
        }
      }
      for (const cents of [0, 1, 5, 50, 99, 101, 2970000, 2970005, -1, -2970005, 900719925474099]) amounts.push([cents, new Dec(cents).div(100)]);
      const sums = new MoneySum();
      sums.add('29700.05');
      sums.add(0.1);
      sum = sums.value();
      expect(divideSpy).not.toHaveBeenCalled();
      expect(fixedSpy).not.toHaveBeenCalled();
    } finally {
      divideSpy.mockRestore();
      fixedSpy.mockRestore();
    }
    for (const [part, total, ratio, shown] of ratios) {
      const want = new DecimalReference(part).div(total);
      same(ratio, want);
      expect(shown).toBe(want.toFixed(4));
      expect(ratio.gte('0.15')).toBe(want.gte('0.15'));
    }
    for (const [cents, amount] of amounts) {
      same(amount, new DecimalReference(cents).div(100));
      expect(amount.j).toBeNull();
    }
    expect(sum.toFixed()).toBe('29700.15');
    expect(sum.j).toBeNull();
  });

  it('near the safe-integer limit: trailing zeros, remainders and rounding of 16-digit coefficients', () => {
    const MAX = Number.MAX_SAFE_INTEGER;
    const big = fc.oneof(
      fc.integer({ min: -MAX, max: MAX }),
      fc.integer({ min: MAX - 1000, max: MAX }),
      fc.integer({ min: -MAX, max: -MAX + 1000 }),
      fc.integer({ min: 1, max: 900719925474099 }).map((n) => n * 10),
      fc.integer({ min: 2 ** 31 - 1000, max: 2 ** 31 + 1000 }),
    );
    fc.assert(
      fc.property(
        big,
        fc.integer({ min: -20, max: 5 }),
        big,
        fc.integer({ min: -20, max: 5 }),
        fc.integer({ min: 0, max: 22 }),
        fc.integer({ min: 0, max: 8 }),
        (a, xa, b, xb, dp, rm) => {
          const [da, ra] = pair(`${a}e${xa}`);
          const [db, rb] = pair(`${b}e${xb}`);
          const mode = rm as 0;
          same(da.plus(db), ra.plus(rb));
          same(da.times(db), ra.times(rb));
          same(da.times(10), ra.times(10));
          same(da.toDecimalPlaces(dp, mode), ra.toDecimalPlaces(dp, mode));
          same(da.floor(), ra.floor());
          expect(da.toFixed(dp, mode)).toBe(ra.toFixed(dp, mode));
          expect(money(da)).toBe(ra.toFixed(2));
          expect(plain(da)).toBe(ra.toFixed());
        },
      ),
      RUNS,
    );
  });

  it('small whole numbers as arguments: the sign of zero kept (max(−0, 0) is 0, min is −0)', () => {
    for (const [a, b] of [
      [0, -0],
      [-0, 0],
      [-0, -0],
      [0, 0],
      [5, 5],
      [1023, 1024],
    ] as const) {
      same(Dec.max(a, b), DecimalReference.max(a, b));
      same(Dec.min(a, b), DecimalReference.min(a, b));
      same(new Dec(7).div(a === 0 ? 1 : a), new DecimalReference(7).div(a === 0 ? 1 : a));
      same(new Dec('-0').plus(b), new DecimalReference('-0').plus(b));
    }
  });

  it('keeps money in the scaled form: no decimal.js value behind everyday amounts', () => {
    fc.assert(
      fc.property(shortText, shortText, (a, b) => {
        const r = new Dec(a).times(b).plus(a).minus(b);
        expect(r.j).toBeNull();
        expect(Number.isSafeInteger(r.c)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('money rounding as numbers', () => {
  it('toCents is the value money prints, read back; isWholeCents says money shows the value exactly', () => {
    fc.assert(
      fc.property(text, (v) => {
        const d = new Dec(v);
        if (!d.isFinite()) return;
        const printed = new Dec(money(d));
        expect(toCents(d).valueOf()).toBe(printed.valueOf());
        expect([money(toCents(d)), plain(toCents(d))]).toEqual([money(printed), plain(printed)]);
        expect(isWholeCents(d)).toBe(printed.eq(d));
      }),
      RUNS,
    );
  });
});

describe('count', () => {
  it('prints a number as String does: whole numbers from the digit texts, anything else by String', () => {
    const numbers = [0, -0, 1, 9, 10, 999, 1000, 1001, 4999, 100000, 999999, 1000000, 123456789, 999999999, 1e9, 1234567890123, Number.MAX_SAFE_INTEGER];
    const others = [-1, -1000, 1.5, 0.1, 2 ** 53, 1e21, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (const n of [...numbers, ...others]) expect(count(n)).toBe(String(n));
    fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => count(n) === String(n)));
  });
});
