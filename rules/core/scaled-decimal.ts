/**
 * `Dec`, the exact decimal number every amount, ratio and comparison is computed in: the rules'
 * decimal.js (precision 40, ROUND_HALF_UP, no exponent notation between 1e-39 and 1e39), made cheaper
 * without changing one result.
 *
 * A value is held one of two ways:
 * - scaled: `c × 10^x`, with `c` a safe integer (|c| ≤ 2^53 − 1) without trailing zeros (zero is ±0 × 10^0, and
 *   keeps its sign as decimal.js does) and `x` a whole exponent. Every money amount, head count and ratio a
 *   rule sees is one (up to 15 significant digits);
 * - or else as the decimal.js value itself, in `j` (`c` is then NaN): more digits than a safe integer holds, an
 *   exponent beyond ±10^15, Infinity, NaN.
 * One value has one form (the scaled one whenever it fits), so equal values are equal objects.
 *
 * Semantics, per operation, are decimal.js's exactly; what differs is only how they are reached:
 * - `plus`, `minus`, `times` of scaled values whose exact result is a safe integer coefficient are done in
 *   integer arithmetic (exact: decimal.js would round only past 40 significant digits, and these have at most 16);
 * - `div` of scaled values is done in integers: a quotient that ends is exact (scaled when its digits fit); one that
 *   does not end is rounded half up to 40 significant digits by long division, straight into decimal.js's digit
 *   words (see `quotient`), and `toFixed(dp)` of such a held value is read from those words (see `heldFixed`);
 * - comparisons, `floor`, `ceil`, `round`, `toDecimalPlaces`, `toSignificantDigits`, `toFixed`, `toString`,
 *   `toNumber` and the predicates are computed from the coefficient and the exponent, with decimal.js's
 *   rounding modes and its printing (plain, no trailing zeros, `-0` printed as `0` except by `valueOf`);
 *   `toFixed()` and money's `toFixed(2)` are kept once made (in private fields, outside equality);
 * - a JS number is read as decimal.js reads it, as the shortest text that reads back as the number (`String`'s),
 *   found by arithmetic where that is certain (see `fromNumber`), else from that text;
 * - everything else (a result that overflows the coefficient, needs rounding to 40 digits, a division by a
 *   coefficient above 9·10^8 that does not come out exactly, a non-finite value, an argument decimal.js would refuse) is computed by
 *   decimal.js (`DecimalReference`, configured as the rules always had it), and its result taken back into
 *   the scaled form when it fits.
 * test/rules/decimal.test.ts checks every method the rules use against decimal.js on random and edge values.
 */
import DecimalJs from 'decimal.js';

/** decimal.js as the rules configured it: the fallback for what the scaled form cannot do exactly, and the reference the tests compare with. */
export const DecimalReference = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
type Reference = InstanceType<typeof DecimalReference>;

export type DecValue = string | number | bigint | Dec;

const MAX = Number.MAX_SAFE_INTEGER;
/** Exact powers of ten as doubles (10^22 is the last exactly representable one). */
export const EXACT_POWERS_OF_TEN: readonly number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
const POW10 = EXACT_POWERS_OF_TEN;
/** Scaled exponents stay within this (decimal.js turns exponents beyond ±9e15 into Infinity or zero: those go to it). */
const EXP_LIMIT = 1e15;
/** Exponent notation at or beyond these exponents, as configured (toExpNeg, toExpPos). */
const EXP_NEG = -40;
const EXP_POS = 40;
const HALF_UP = 4;
/** The largest decimal-places or significant-digits argument computed here; larger ones (valid or not) go to decimal.js. */
const MAX_PLACES = 100;

const validMode = (rm: number) => rm === (rm | 0) && rm >= 0 && rm <= 8;
const validPlaces = (n: number, min: number) => n === (n | 0) && n >= min && n <= MAX_PLACES;

/**
 * `a mod 10^k` (the sign of `a`, as `%`) for a safe integer `a` (0 ≤ k ≤ 22): in 32-bit integers when they hold it,
 * else as `a − trunc(a / 10^k) × 10^k` (far cheaper than a double's `%`; exact: for |a| < 2^53 the rounded quotient
 * is more than a half-unit in the last place from the next whole number, so `trunc` takes the true one).
 */
function lowDigits(a: number, k: number): number {
  if (a <= 0x7fffffff && a >= -0x7fffffff && k <= 9) return (a | 0) % (POW10[k] | 0);
  const p = POW10[k];
  return a - Math.trunc(a / p) * p;
}

/** Whether a safe integer ends in a zero digit: `c / 10` is whole exactly then (for |c| < 2^53 a quotient with a tenth left rounds to no whole number). */
const endsInZero = (c: number): boolean => {
  const q = c / 10;
  return q === Math.trunc(q);
};

/** Number of decimal digits of a positive safe integer. */
function digitCount(a: number): number {
  let n = 1;
  while (n < 16 && a >= POW10[n]) n++;
  return n;
}

/**
 * Whether dropping a remainder `r` (0 ≤ r < 10^k) of the magnitude `q·10^k + r` rounds the magnitude up, under
 * decimal.js rounding mode `rm`; `negative` is the value's sign, `k` ≥ 1.
 */
function roundsUp(q: number, r: number, k: number, negative: boolean, rm: number): boolean {
  if (r === 0) return false;
  // half = 5·10^(k−1); beyond 10^17 every safe r is below it
  const cmpHalf = k > 17 ? -1 : r < 5 * POW10[k - 1] ? -1 : r > 5 * POW10[k - 1] ? 1 : 0;
  switch (rm) {
    case 0: // ROUND_UP
      return true;
    case 1: // ROUND_DOWN
      return false;
    case 2: // ROUND_CEIL
      return !negative;
    case 3: // ROUND_FLOOR
      return negative;
    case 4: // ROUND_HALF_UP
      return cmpHalf >= 0;
    case 5: // ROUND_HALF_DOWN
      return cmpHalf > 0;
    case 6: // ROUND_HALF_EVEN
      return cmpHalf > 0 || (cmpHalf === 0 && q % 2 === 1);
    case 7: // ROUND_HALF_CEIL
      return cmpHalf > 0 || (cmpHalf === 0 && !negative);
    default: // ROUND_HALF_FLOOR
      return cmpHalf > 0 || (cmpHalf === 0 && negative);
  }
}

export class Dec {
  static readonly ROUND_UP = 0;
  static readonly ROUND_DOWN = 1;
  static readonly ROUND_CEIL = 2;
  static readonly ROUND_FLOOR = 3;
  static readonly ROUND_HALF_UP = 4;
  static readonly ROUND_HALF_DOWN = 5;
  static readonly ROUND_HALF_EVEN = 6;
  static readonly ROUND_HALF_CEIL = 7;
  static readonly ROUND_HALF_FLOOR = 8;

  /** The coefficient of the scaled form (a safe integer without trailing zeros; ±0 for zero), or NaN when `j` holds the value. */
  declare readonly c: number;
  /** The exponent of the scaled form: the value is `c × 10^x`. */
  declare readonly x: number;
  /** The value in decimal.js, when the scaled form cannot hold it; null otherwise. */
  declare readonly j: Reference | null;
  /** `toFixed()` and `toFixed(2)` (half up: money), once made (a value is printed again and again in the steps); private, so no part of equality. */
  #plain: string | undefined = undefined;
  #money: string | undefined = undefined;

  constructor(value: DecValue);
  /** Module use only: a scaled value already in its one form (safe integer coefficient without trailing zeros, ±0 with exponent 0). */
  constructor(coefficient: number, exponent: number);
  constructor(value: DecValue | Reference, exponent?: number) {
    const d = this as Writable;
    if (exponent !== undefined) {
      d.c = value as number;
      d.x = exponent;
      d.j = null;
      return;
    }
    d.c = Number.NaN;
    d.x = 0;
    d.j = null;
    if (typeof value === 'number') {
      if (fromNumber(d, value)) return;
    } else if (typeof value === 'string') {
      if (fromText(d, value)) return;
    } else if (value instanceof Dec) {
      d.c = value.c;
      d.x = value.x;
      d.j = value.j;
      return;
    }
    const j =
      value instanceof DecimalReference && value.constructor === DecimalReference ? (value as Reference) : new DecimalReference(value as DecimalJs.Value);
    if (!fromReference(d, j)) d.j = j;
  }

  /** The largest of the values (decimal.js `Decimal.max`: NaN wins; of equal values, a positive zero over a negative one). */
  static max(...values: DecValue[]): Dec {
    return values.length === 2 ? pick(toDec(values[0]), toDec(values[1]), -1) : maxOrMin(values, -1);
  }

  /** The smallest of the values (decimal.js `Decimal.min`). */
  static min(...values: DecValue[]): Dec {
    return values.length === 2 ? pick(toDec(values[0]), toDec(values[1]), 1) : maxOrMin(values, 1);
  }

  // ---- arithmetic -------------------------------------------------------------------------------------

  plus(y: DecValue): Dec {
    if (typeof y === 'number' && Number.isSafeInteger(y)) return add(this, y, 0) ?? viaReference(this.ref().plus(y));
    const b = toDec(y);
    return add(this, b.c, b.x) ?? viaReference(this.ref().plus(b.ref()));
  }

  minus(y: DecValue): Dec {
    if (typeof y === 'number' && Number.isSafeInteger(y)) return add(this, -y, 0) ?? viaReference(this.ref().minus(y));
    const b = toDec(y);
    return add(this, -b.c, b.x) ?? viaReference(this.ref().minus(b.ref()));
  }

  times(y: DecValue): Dec {
    // a whole JS number (a head count) as it stands: its trailing zeros go when the product is put in its one form
    const b = typeof y === 'number' && Number.isSafeInteger(y) ? undefined : toDec(y);
    const p = b === undefined ? this.c * (y as number) : this.c * b.c;
    const x = b === undefined ? this.x : this.x + b.x;
    if (p <= MAX && p >= -MAX && x <= EXP_LIMIT && x >= -EXP_LIMIT) return scaled(p, x);
    return viaReference(this.ref().times(toDec(y).ref()));
  }

  div(y: DecValue): Dec {
    const b = toDec(y);
    const a = this.c;
    const x = this.x - b.x;
    if (b.c !== 0 && x <= EXP_LIMIT && x >= -EXP_LIMIT) {
      if (a % b.c === 0) return scaled(a / b.c, x);
      const q = a === a && b.c === b.c ? quotient(a, b.c, x) : undefined; // both scaled (NaN marks the other form)
      if (q !== undefined) return q;
    }
    return viaReference(this.ref().div(b.ref()));
  }

  abs(): Dec {
    if (this.j === null) return this.c < 0 || Object.is(this.c, -0) ? new Dec(-this.c, this.x) : this;
    return viaReference(this.j.abs());
  }

  negated(): Dec {
    return this.j === null ? new Dec(-this.c, this.x) : viaReference(this.j.negated());
  }

  // ---- rounding -----------------------------------------------------------------------------------------

  /** Rounded to a whole number towards −∞. */
  floor(): Dec {
    return this.j === null ? this.roundedAt(-this.x, Dec.ROUND_FLOOR) : viaReference(this.j.floor());
  }

  /** Rounded to a whole number towards +∞. */
  ceil(): Dec {
    return this.j === null ? this.roundedAt(-this.x, Dec.ROUND_CEIL) : viaReference(this.j.ceil());
  }

  /** Rounded to a whole number, half up. */
  round(): Dec {
    return this.j === null ? this.roundedAt(-this.x, HALF_UP) : viaReference(this.j.round());
  }

  /** Rounded to `dp` decimal places (mode `rm`, half up by default); unchanged without `dp`. */
  toDecimalPlaces(dp?: number, rm?: number): Dec {
    if (dp === undefined) return this.j === null ? this : viaReference(this.j.toDecimalPlaces());
    if (this.j === null && validPlaces(dp, 0) && (rm === undefined || validMode(rm))) return this.roundedAt(-this.x - dp, rm ?? HALF_UP);
    return viaReference(this.ref().toDecimalPlaces(dp, rm as DecimalJs.Rounding));
  }

  /** Rounded to `sd` significant digits (mode `rm`, half up by default; 40 digits without `sd`). */
  toSignificantDigits(sd?: number, rm?: number): Dec {
    // a scaled coefficient has at most 16 digits: to 16 or more it is unchanged (no digit counted)
    if (this.j === null && sd !== undefined && sd >= 16 && validPlaces(sd, 1) && (rm === undefined || validMode(rm))) return this;
    if (this.j === null && sd !== undefined && validPlaces(sd, 1) && (rm === undefined || validMode(rm))) {
      return this.c === 0 ? this : this.roundedAt(digitCount(Math.abs(this.c)) - sd, rm ?? HALF_UP);
    }
    if (this.j === null && sd === undefined) return this; // at most 16 digits: 40 keeps them all
    return viaReference(sd === undefined ? this.ref().toSignificantDigits() : this.ref().toSignificantDigits(sd, rm as DecimalJs.Rounding));
  }

  /** The scaled value with its last `k` coefficient digits rounded away (mode `rm`); itself when k ≤ 0. */
  private roundedAt(k: number, rm: number): Dec {
    if (k <= 0) return this;
    const negative = this.c < 0;
    const a = negative ? -this.c : this.c;
    let q = 0;
    let r = a;
    if (k <= 22) {
      r = lowDigits(a, k);
      q = (a - r) / POW10[k];
    }
    if (roundsUp(q, r, k, negative, rm)) q++;
    return scaled(negative ? -q : q, this.x + k);
  }

  // ---- comparison ---------------------------------------------------------------------------------------

  /** 1, 0 or −1 as this is greater than, equal to or less than `y` (NaN when either is NaN); −0 equals 0. */
  comparedTo(y: DecValue): number {
    const b = typeof y === 'number' && Number.isSafeInteger(y) ? undefined : toDec(y);
    let a = this.c;
    let c = b === undefined ? (y as number) : b.c;
    const bx = b === undefined ? 0 : b.x;
    if (this.x !== bx) {
      const d = this.x - bx;
      if (d > 0) a = d <= 22 ? a * POW10[d] : Number.NaN;
      else c = -d <= 22 ? c * POW10[-d] : Number.NaN;
    }
    if (a <= MAX && a >= -MAX && c <= MAX && c >= -MAX) return a > c ? 1 : a < c ? -1 : 0;
    return this.ref().comparedTo(toDec(y).ref());
  }

  eq(y: DecValue): boolean {
    return this.comparedTo(y) === 0;
  }

  gt(y: DecValue): boolean {
    return this.comparedTo(y) > 0;
  }

  gte(y: DecValue): boolean {
    const k = this.comparedTo(y);
    return k === 1 || k === 0;
  }

  lt(y: DecValue): boolean {
    return this.comparedTo(y) < 0;
  }

  lte(y: DecValue): boolean {
    return this.comparedTo(y) < 1;
  }

  // ---- predicates and parts -----------------------------------------------------------------------------

  isZero(): boolean {
    return this.j === null ? this.c === 0 : this.j.isZero();
  }

  isInteger(): boolean {
    return this.j === null ? this.x >= 0 : this.j.isInteger();
  }

  isFinite(): boolean {
    return this.j === null || this.j.isFinite();
  }

  isNaN(): boolean {
    return this.j !== null && this.j.isNaN();
  }

  /** True for negative values and −0. */
  isNegative(): boolean {
    return this.j === null ? this.c < 0 || Object.is(this.c, -0) : this.j.isNegative();
  }

  isPositive(): boolean {
    return this.j === null ? !this.isNegative() : this.j.isPositive();
  }

  /** Decimal places of the value as it stands (no trailing zeros): 0 for whole numbers. */
  decimalPlaces(): number {
    return this.j === null ? (this.x < 0 ? -this.x : 0) : this.j.decimalPlaces();
  }

  /** decimal.js's exponent: the power of ten of the leading digit (0 for zero). */
  get e(): number {
    if (this.j !== null) return this.j.e;
    return this.c === 0 ? 0 : digitCount(Math.abs(this.c)) - 1 + this.x;
  }

  // ---- output -------------------------------------------------------------------------------------------

  /**
   * The value in plain notation: as it stands without `dp` (no trailing zeros), else rounded to `dp` places
   * (mode `rm`, half up by default) with exactly `dp` decimals. A minus sign for any negative value other than −0.
   */
  toFixed(dp?: number, rm?: number): string {
    if (this.j !== null) {
      if (dp === undefined) return this.j.toFixed();
      const shown = validPlaces(dp, 0) && (rm === undefined || validMode(rm)) ? heldFixed(this.j, dp, rm ?? HALF_UP) : undefined;
      return shown ?? this.j.toFixed(dp, rm as DecimalJs.Rounding);
    }
    if (dp === undefined) return (this.#plain ??= plainOf(this.c, this.x));
    if (dp === 2 && (rm === undefined || rm === HALF_UP)) return (this.#money ??= this.fixed(2, HALF_UP));
    if (!validPlaces(dp, 0) || (rm !== undefined && !validMode(rm))) return this.ref().toFixed(dp, rm as DecimalJs.Rounding);
    return this.fixed(dp, rm ?? HALF_UP);
  }

  /** `toFixed(dp, rm)` of a scaled value (dp and rm valid). */
  private fixed(dp: number, rm: number): string {
    const negative = this.c < 0;
    const a = negative ? -this.c : this.c;
    // n: the value × 10^dp as a whole number, rounded
    const k = -this.x - dp;
    let n: number;
    if (k <= 0)
      n = k >= -22 ? a * POW10[0 - k] : Number.POSITIVE_INFINITY; // 0 − k: never −0 (an index V8 would not take as a whole number)
    else {
      let r = a;
      n = 0;
      if (k <= 22) {
        r = lowDigits(a, k);
        n = (a - r) / POW10[k];
      }
      if (roundsUp(n, r, k, negative, rm)) n++;
    }
    if (n > MAX) {
      // too long for a safe integer (k ≤ 0 here): the coefficient's digits and zeros
      const digits = (String(a) + '0'.repeat(-k)).padStart(dp + 1, '0');
      return `${negative ? '-' : ''}${digits.slice(0, digits.length - dp)}${dp > 0 ? `.${digits.slice(digits.length - dp)}` : ''}`;
    }
    return fixedOf(negative, n, dp);
  }

  /** decimal.js's `toString`: plain, or exponent notation for exponents ≤ −40 or ≥ 40; −0 is "0". */
  toString(): string {
    if (this.j !== null) return this.j.toString();
    return (this.c < 0 ? '-' : '') + this.unsigned();
  }

  /** decimal.js's `valueOf`: as `toString`, but −0 is "-0". */
  valueOf(): string {
    if (this.j !== null) return this.j.valueOf();
    return (this.c < 0 || Object.is(this.c, -0) ? '-' : '') + this.unsigned();
  }

  toJSON(): string {
    return this.valueOf();
  }

  /** The nearest JS number (−0 stays −0). */
  toNumber(): number {
    if (this.j !== null) return this.j.toNumber();
    const c = this.c;
    const x = this.x;
    if (c === 0 || x === 0) return c;
    // one operation on exact operands (|c| < 2^53, 10^|x| exact up to 10^22) rounds once, to the double nearest the
    // value: the number its text reads as
    if (x > 0 && x <= 22) return c * POW10[x];
    if (x < 0 && x >= -22) return c / POW10[-x];
    return Number(`${c}e${x}`);
  }

  /** The digits without sign, as `toString` shows them. */
  private unsigned(): string {
    const digits = String(Math.abs(this.c));
    const e = this.c === 0 ? 0 : digits.length - 1 + this.x;
    if (e > EXP_NEG && e < EXP_POS) return plainDigits(digits, this.x);
    return `${digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits}${e < 0 ? 'e' : 'e+'}${e}`;
  }

  /** The value in decimal.js (made for the rare operation the scaled form leaves to it). */
  private ref(): Reference {
    if (this.j !== null) return this.j;
    return this.c === 0 ? new DecimalReference(this.c) : new DecimalReference(`${this.c}e${this.x}`);
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

/** A JS number, string or bigint as a Dec (a Dec as itself): the arguments of every operation. */
function toDec(y: DecValue): Dec {
  if (y instanceof Dec) return y;
  if (typeof y === 'number' && (y | 0) === y && y >= 0 && y < SMALL_INTEGERS.length && 1 / y > 0) return SMALL_INTEGERS[y];
  return new Dec(y);
}
/** Small whole numbers as arguments (`Dec.max(0, x)`, a division by a head count), made once: a Dec never changes. */
const SMALL_INTEGERS: readonly Dec[] = Array.from({ length: 256 }, (_, i) => new Dec(i));

type Writable = { c: number; x: number; j: Reference | null };

/**
 * A JS number in the scaled form, as decimal.js reads it (the shortest text that reads back as the number, as
 * `String` writes it): whole numbers as they are; others as the fewest decimal places whose text reads back as
 * the number, found by arithmetic (`m / 10^k` is correctly rounded, so it equals the number exactly when that text
 * reads back as it; with m ≤ 10^15 the number's spacing is under half a unit of the k-th place, so that text is
 * the only one with k places and is the shortest). False for what this does not settle (then its text is read).
 */
function fromNumber(d: Writable, v: number): boolean {
  const a = v < 0 ? -v : v;
  if (a <= MAX && Math.floor(a) === a) {
    let c = v;
    let x = 0;
    if (c !== 0)
      while (endsInZero(c)) {
        c /= 10;
        x++;
      }
    d.c = c;
    d.x = x;
    return true;
  }
  if (a < 1e15 && a > 1e-7) {
    for (let k = 1; k <= 22; k++) {
      let m = Math.round(a * POW10[k]);
      if (m > 1e15) break;
      if (m / POW10[k] === a) {
        let x = -k;
        while (endsInZero(m)) {
          m /= 10;
          x++;
        }
        d.c = v < 0 ? -m : m;
        d.x = x;
        return true;
      }
    }
  }
  return Number.isFinite(v) && fromText(d, String(v));
}

/** The scaled value `c × 10^x` (c a safe integer), in its one form. */
function scaled(c: number, x: number): Dec {
  if (c === 0) return new Dec(c, 0);
  if ((c | 0) === c) {
    // a 32-bit coefficient (nearly every one): its zeros dropped in integer arithmetic, cheaper than a double's division
    let n = c | 0;
    while (n % 10 === 0) {
      n = (n / 10) | 0;
      x++;
    }
    return new Dec(n, x);
  }
  while (endsInZero(c)) {
    c /= 10;
    x++;
  }
  return new Dec(c, x);
}

/** `a + c × 10^x` in the scaled form, or undefined when it does not fit there. */
function add(a: Dec, c: number, x: number): Dec | undefined {
  let s: number;
  if (a.x === x) s = a.c + c;
  else if (a.x > x) {
    const d = a.x - x;
    if (d > 22) return undefined;
    const t = a.c * POW10[d];
    if (!(t <= MAX && t >= -MAX)) return undefined;
    s = t + c;
  } else {
    const d = x - a.x;
    if (d > 22) return undefined;
    const t = c * POW10[d];
    if (!(t <= MAX && t >= -MAX)) return undefined;
    s = a.c + t;
    x = a.x;
  }
  return s <= MAX && s >= -MAX ? scaled(s, x) : undefined;
}

/** Powers of 1e7, decimal.js's word base: the words of a quotient are aligned on them, as decimal.js aligns its digits. */
const WORD = 1e7;
const WORD_DIGITS = 7;
/** decimal.js's precision: a quotient that does not end is rounded to this many significant digits. */
const PRECISION = 40;
/** The largest divisor whose remainders times 1e7 stay safe integers (the long division below works a word at a time). */
const MAX_WORD_DIVISOR = Math.floor(MAX / WORD);

/**
 * `(a / b) × 10^x` for safe integer coefficients (`b` ≠ 0, `a` not a multiple of `b`), as decimal.js divides:
 * - a quotient that ends (the part of `b` prime to 10 divides `a`) is exact: `a/t × 2^i5^j-complement`, scaled,
 *   when that is a safe integer;
 * - one that does not end is rounded half up to 40 significant digits (never a tie: the digits do not end), by
 *   long division a word (7 digits) at a time, into decimal.js's own digit words (`d`, aligned on powers of
 *   1e7 from the units; `e` the exponent of the leading digit), held as that decimal.js value.
 * Undefined for what this does not settle (a divisor above `MAX_WORD_DIVISOR`, a quotient ending past the safe
 * integers, a dividend that cannot be shifted onto the word grid): decimal.js then divides.
 */
function quotient(a: number, b: number, x: number): Dec | undefined {
  const negative = a < 0 !== b < 0;
  const n = a < 0 ? -a : a;
  const d = b < 0 ? -b : b;
  // d = 2^twos · 5^fives · t, t prime to 10: n/d ends exactly when t divides n
  let t = d;
  let twos = 0;
  let fives = 0;
  while (t % 2 === 0) {
    t /= 2;
    twos++;
  }
  while (t % 5 === 0) {
    t /= 5;
    fives++;
  }
  if (n % t === 0) {
    // in lowest terms n/d = p / (2^twos · 5^fives), and = p × 2^(k−twos) × 5^(k−fives) / 10^k with k = max(twos, fives)
    // (one of the two factors is 1): the shortest decimal, whose digits fit a safe integer when the quotient's do
    let p = n / t;
    while (twos > 0 && p % 2 === 0) {
      p /= 2;
      twos--;
    }
    while (fives > 0 && p % 5 === 0) {
      p /= 5;
      fives--;
    }
    const k = twos > fives ? twos : fives;
    for (let i = twos; i < k && p <= MAX; i++) p *= 2;
    for (let i = fives; i < k && p <= MAX; i++) p *= 5;
    const e = x - k;
    return p <= MAX && e >= -EXP_LIMIT ? scaled(negative ? -p : p, e) : undefined;
  }
  if (d > MAX_WORD_DIVISOR) return undefined;
  // the exponent as whole words (m) and a shift of the dividend (x − 7m digits) onto the word grid
  const m = Math.floor(x / WORD_DIGITS);
  const shifted = n * POW10[x - m * WORD_DIGITS];
  if (shifted > MAX) return undefined;
  // every division below is of safe integers by at most 9·10^8: `floor` of the rounded quotient is the true one (the
  // next whole number is at least 1/d away, more than half a unit in the last place), and the rest exact
  let whole = Math.floor(shifted / d);
  let r = shifted - whole * d;
  // the words, most significant first, from the first non-zero one; `top`: the power of 1e7 of the first word
  const words: number[] = [];
  let top = -1;
  while (whole > 0) {
    const word = lowDigits(whole, WORD_DIGITS);
    words.unshift(word);
    whole = (whole - word) / WORD;
    top++;
  }
  if (top < 0) top = 0;
  let digits = words.length > 0 ? digitCount(words[0]) + WORD_DIGITS * (words.length - 1) : 0;
  while (digits < PRECISION) {
    r *= WORD;
    const word = Math.floor(r / d);
    r -= word * d;
    if (words.length === 0) {
      top--;
      if (word === 0) continue;
      digits = digitCount(word);
    } else digits += WORD_DIGITS;
    words.push(word);
  }
  // round half up at the 40th significant digit: `drop` digits of the last word go, then the remainder r/d
  const drop = digits - PRECISION;
  let last = words.length - 1;
  const low = lowDigits(words[last], drop);
  words[last] -= low;
  let carried = false; // past the last word
  if (drop > 0 ? low >= 5 * POW10[drop - 1] : 2 * r >= d) {
    words[last] += POW10[drop];
    carried = words[last] >= WORD;
    while (words[last] >= WORD && last > 0) {
      words[last] -= WORD;
      words[--last]++;
    }
    if (words[0] >= WORD) {
      words[0] -= WORD;
      words.unshift(1);
      top++;
    }
  }
  while (words[words.length - 1] === 0) words.pop();
  const e = WORD_DIGITS * (top + m) + digitCount(words[0]) - 1;
  const j = new DecimalReference({ s: negative ? -1 : 1, e, d: words, toStringTag: DECIMAL_TAG } as never);
  // without a carry the digits are more than a safe integer holds (a run of zeros in n/d is shorter than d's digits,
  // and the 40 run 24 past the 16 whole digits at most); a carry, which could end in zeros, goes the general way
  return carried ? viaReference(j) : held(j);
}
/** How decimal.js recognises a value of its own kind made elsewhere (its `isDecimalInstance`): read as the digit words it carries. */
const DECIMAL_TAG = '[object Decimal]';

/** decimal.js's `Decimal.max` (n = −1) and `Decimal.min` (n = 1). */
function maxOrMin(values: DecValue[], n: number): Dec {
  let x = toDec(values[0]);
  for (let i = 1; i < values.length; i++) x = pick(x, toDec(values[i]), n);
  return x;
}

/** One step of `maxOrMin`: `x`, or `y` when it is NaN or comes first as `n` asks (of equal values, the zero whose sign comes first). */
function pick(x: Dec, y: Dec, n: number): Dec {
  if (y.isNaN()) return y;
  const k = x.comparedTo(y);
  return k === n || (k === 0 && (x.isNegative() ? -1 : 1) === n) ? y : x;
}

/** Runs of zeros, to pad digits with. */
const ZEROS = Array.from({ length: 16 }, (_, i) => '0'.repeat(i));

/**
 * The texts of 0 to 999, and of 000 to 999 as three digits: a whole number under 10^9 is printed by joining them
 * (`String` of a number V8 has not printed lately calls into its runtime, several times dearer than a join).
 */
const UNDER_THOUSAND = Array.from({ length: 1000 }, (_, i) => String(i));
const THREE_DIGITS = UNDER_THOUSAND.map((digits) => digits.padStart(3, '0'));

/**
 * A whole number (0 ≤ w < 2^53) in digits. Under 10^9 it is split in 32-bit integers divided by a constant and
 * truncated (`(n / 1000) | 0`), which V8 computes by a multiplication (a division's remainder, or one by a variable, is dearer).
 */
export function wholeText(w: number): string {
  if (w < 1000) return UNDER_THOUSAND[w];
  if (w < 1e9) {
    const n = w | 0;
    const high = (n / 1000) | 0;
    if (high < 1000) return UNDER_THOUSAND[high] + THREE_DIGITS[n - high * 1000];
    const top = (high / 1000) | 0;
    return UNDER_THOUSAND[top] + THREE_DIGITS[high - top * 1000] + THREE_DIGITS[n - high * 1000];
  }
  return String(w);
}

/** `r` (0 ≤ r < 10^places, places ≤ 15) as exactly `places` digits. */
function placesOf(r: number, places: number): string {
  const digits = wholeText(r);
  return digits.length < places ? ZEROS[places - digits.length] + digits : digits;
}

/** A point and one, two or three places: ".0" to ".999", by the number of places and the places as a whole number (money prints ".00" to ".99" on every amount). */
const POINT_PLACES: readonly (readonly string[])[] = [
  [],
  ...[1, 2, 3].map((places) => Array.from({ length: 10 ** places }, (_, r) => `.${String(r).padStart(places, '0')}`)),
];

/** `whole` and `r` (0 ≤ r < 10^places, 1 ≤ places ≤ 15) as `whole.rrr`, with exactly `places` decimals. */
const pointed = (whole: number, r: number, places: number): string =>
  places <= 3 ? wholeText(whole) + POINT_PLACES[places][r] : `${wholeText(whole)}.${placesOf(r, places)}`;

/**
 * `n / 10^places` with exactly `places` decimals, for 0 ≤ n ≤ 2^31 − 1 and 1 ≤ places ≤ 3 (money's cents, most
 * ratios and head counts): `pointed` of its whole part found by a constant divisor, truncated (V8 multiplies; see `wholeText`).
 */
function pointedInt32(n: number, places: number): string {
  const m = n | 0;
  const whole = places === 2 ? (m / 100) | 0 : places === 1 ? (m / 10) | 0 : (m / 1000) | 0;
  return pointed(whole, m - whole * POW10[places], places);
}

/** `n / 10^places` (n a safe integer, 1 ≤ places ≤ 15) with exactly `places` decimals: by `pointedInt32` where it serves. */
function scaledText(n: number, places: number): string {
  if (places <= 3 && n <= 0x7fffffff) return pointedInt32(n, places);
  const r = lowDigits(n, places);
  return pointed((n - r) / POW10[places], r, places);
}

/** `n / 10^dp` (n a safe integer, the magnitude) with exactly `dp` decimals, and a minus sign when `negative`. */
function fixedOf(negative: boolean, n: number, dp: number): string {
  if (dp === 0) return negative ? `-${wholeText(n)}` : wholeText(n);
  if (dp > 15) {
    const digits = String(n).padStart(dp + 1, '0');
    return `${negative ? '-' : ''}${digits.slice(0, digits.length - dp)}.${digits.slice(digits.length - dp)}`;
  }
  const text = scaledText(n, dp);
  return negative ? `-${text}` : text;
}

/**
 * decimal.js's `toFixed(dp, rm)` of a value it holds (a quotient's 40 digits …), read from its digit words (`d`,
 * base 1e7, aligned on powers of 1e7 from the units, `e` the exponent of the leading digit), when the rounded
 * value × 10^dp is under 10^15; undefined otherwise (NaN, ±Infinity, longer results: decimal.js prints them).
 */
function heldFixed(j: Reference, dp: number, rm: number): string | undefined {
  const words = j.d;
  const e = j.e;
  if (!words || e + dp + 1 > 15) return undefined;
  const top = Math.floor(e / WORD_DIGITS);
  // n: the kept digits (value × 10^dp, truncated); r: the first dropped digits (k of them) and one more digit, 1 when any later one is not 0
  let n = 0;
  let r = -1;
  let k = 0;
  let tail = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const shift = WORD_DIGITS * (top - i) + dp; // the power of ten of the word's units, in units of 10^−dp
    if (shift >= 0) n += word * POW10[shift];
    else if (r < 0) {
      if (shift >= -WORD_DIGITS) {
        k = -shift;
        r = lowDigits(word, k);
        n += (word - r) / POW10[k];
      } else {
        // the leading word lies wholly more than a word below 10^−dp: a non-zero remainder under a tenth
        k = 1;
        r = 0;
        tail = true;
      }
    } else if (word !== 0) tail = true;
  }
  if (r < 0) return fixedOf(j.s < 0, n, dp); // nothing dropped
  const up = roundsUp(n, r * 10 + (tail ? 1 : 0), k + 1, j.s < 0, rm);
  return fixedOf(j.s < 0, up ? n + 1 : n, dp);
}

/** decimal.js's `toFixed()` of the scaled value `c × 10^x`: plain, no trailing zeros, "-" for negatives but −0. */
function plainOf(c: number, x: number): string {
  const negative = c < 0;
  const a = negative ? -c : c;
  let text: string;
  if (x === 0) text = wholeText(a);
  else if (x > 0 && x <= 22 && a * POW10[x] <= MAX) {
    text = wholeText(a * POW10[x]); // exact when it is a safe integer (a product past 2^53 − 1 does not round back under it)
  } else if (x < 0 && x >= -15) text = scaledText(a, -x);
  else text = plainDigits(String(a), x);
  return negative ? `-${text}` : text;
}

/** The plain digits of `digits × 10^x` (digits without sign or trailing zeros). */
function plainDigits(digits: string, x: number): string {
  if (x >= 0) return digits === '0' ? digits : digits + '0'.repeat(x);
  const whole = digits.length + x;
  return whole > 0 ? `${digits.slice(0, whole)}.${digits.slice(whole)}` : `0.${'0'.repeat(-whole)}${digits}`;
}

/**
 * A decimal text (decimal.js's own syntax: sign, digits, point, exponent) with at most 15 significant digits and
 * a modest exponent, in the scaled form; false for anything else (decimal.js then reads it, or refuses it).
 */
function fromText(d: Writable, text: string): boolean {
  const n = text.length;
  let i = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 45 /* - */) {
    negative = true;
    i = 1;
  } else if (first === 43 /* + */) i = 1;
  let c = 0;
  let x = 0;
  let significant = 0;
  let zeros = 0; // zeros met after the last non-zero digit, not yet in c
  let digits = 0;
  let point = false;
  for (; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      digits++;
      if (point) x--;
      if (ch === 48) {
        if (c !== 0) zeros++;
      } else {
        significant += zeros + 1;
        if (significant > 15) return false;
        c = c * POW10[zeros + 1] + (ch - 48);
        zeros = 0;
      }
    } else if (ch === 46 /* . */ && !point) point = true;
    else if ((ch === 101 || ch === 69) /* e E */ && digits > 0) {
      const exponent = text.slice(i + 1);
      if (!EXPONENT.test(exponent)) return false;
      x += Number(exponent);
      i = n;
    } else return false;
  }
  if (digits === 0) return false;
  if (c === 0) {
    d.c = negative ? -0 : 0;
    d.x = 0;
    return true;
  }
  x += zeros;
  if (x > EXP_LIMIT || x < -EXP_LIMIT) return false;
  d.c = negative ? -c : c;
  d.x = x;
  return true;
}
const EXPONENT = /^[+-]?\d{1,15}$/;

/** A decimal.js value in the scaled form, when it fits there (finite, at most 16 digits, a safe integer, a modest exponent). */
function fromReference(d: Writable, j: Reference): boolean {
  const words = j.d;
  if (!words) return false;
  if (j.isZero()) {
    d.c = j.s < 0 ? -0 : 0;
    d.x = 0;
    return true;
  }
  if (words.length > 4) return false;
  let digits = String(words[0]);
  for (let w = 1; w < words.length; w++) digits += String(words[w]).padStart(7, '0');
  let end = digits.length;
  while (digits.charCodeAt(end - 1) === 48) end--;
  if (end > 16) return false;
  const c = Number(digits.slice(0, end));
  const x = j.e - (end - 1);
  if (c > MAX || x > EXP_LIMIT || x < -EXP_LIMIT) return false;
  d.c = j.s < 0 ? -c : c;
  d.x = x;
  return true;
}

/** A decimal.js result as a Dec: scaled when it fits. */
function viaReference(j: Reference): Dec {
  return new Dec(j as never);
}

/** A decimal.js value known not to fit the scaled form, as a Dec. */
function held(j: Reference): Dec {
  const d = new Dec(Number.NaN, 0);
  (d as unknown as Writable).j = j;
  return d;
}
