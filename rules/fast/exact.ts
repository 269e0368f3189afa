/**
 * Exact arithmetic on JavaScript safe integers for the fast path (`amountOf`): decimals become
 * scaled integers (n / 10^k), policy ratios reduced fractions, and every product is checked to stay
 * below 2^53 — past it the fast path gives up (`Unsafe`) and the caller uses `evaluate()`.
 * Rounding is ROUND_HALF_UP to 0.01, once, as `rules/core/decimal.ts`'s `money` does.
 */

/** A fraction of safe integers; `d` > 0. */
export interface Fraction {
  n: number;
  d: number;
}

/** Thrown when an intermediate would leave the safe-integer range: the decimal path takes over. */
export class Unsafe extends Error {}
const UNSAFE = new Unsafe('fast path: beyond safe integers');

const MAX = Number.MAX_SAFE_INTEGER;
/** Magnitudes coerce.ts refuses as typing errors; the fast path defers on them. */
const LIMIT = 1e15;
/** Scaled values stay below 2^52, where a double holds each multiple of 10^-k exactly once. */
const SCALED_LIMIT = 2 ** 52;
const POWERS = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];
const MAX_SCALE = POWERS.length - 1;

/** a × b, or `Unsafe` when it leaves the safe range. */
export function mul(a: number, b: number): number {
  const p = a * b;
  if (p > MAX || p < -MAX) throw UNSAFE;
  return p;
}

/** a + b, or `Unsafe`. */
export function add(a: number, b: number): number {
  const s = a + b;
  if (s > MAX || s < -MAX) throw UNSAFE;
  return s;
}

const gcd = (a: number, b: number): number => {
  a = Math.abs(a);
  while (b) [a, b] = [b, a % b];
  return a || 1;
};

/** A policy number written as a decimal string ("0.015") as a reduced fraction (3/200). */
export function fractionOf(text: string | number): Fraction {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(text));
  if (!m) throw new Error(`not a plain decimal: ${text}`);
  const digits = m[2] ?? '';
  const n = Number(m[1] + digits);
  const d = 10 ** digits.length;
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) throw new Error(`too long for the fast path: ${text}`);
  const g = gcd(n, d);
  return { n: n / g, d: d / g };
}

const PLAIN = /^(\d{1,15})(?:\.(\d{1,6}))?$/;

/**
 * A raw number or plain numeric string as an exact scaled integer, or undefined when it is not one
 * the fast path can hold exactly (more than 6 decimals, too large, signs, grouping, spaces …).
 * A number is read as its shortest decimal form, as decimal.js reads it: 0.1 is 1/10.
 */
export function scaledOf(value: unknown): Fraction | undefined {
  if (typeof value === 'number') {
    if (!(value >= -LIMIT && value <= LIMIT)) return undefined;
    for (let k = 0; k <= MAX_SCALE; k++) {
      const d = POWERS[k];
      const v = value * d;
      if (v > SCALED_LIMIT || v < -SCALED_LIMIT) return undefined;
      const n = Math.round(v);
      if (n / d === value) return { n: n === 0 ? 0 : n, d };
    }
    return undefined;
  }
  if (typeof value === 'string') {
    const m = PLAIN.exec(value);
    if (!m) return undefined;
    const digits = m[2] ?? '';
    const n = Number(m[1] + digits);
    if (!Number.isSafeInteger(n) || n > SCALED_LIMIT) return undefined;
    return { n, d: POWERS[digits.length] };
  }
  return undefined;
}

/** Compares a with b: negative, zero or positive. */
export function compare(a: Fraction, b: Fraction): number {
  return mul(a.n, b.d) - mul(b.n, a.d);
}

/** n / d rounded half up (away from zero on a tie) to an integer; d > 0. */
export function roundHalfUp(n: number, d: number): number {
  if (n < 0) return -roundHalfUp(-n, d);
  let q = Math.floor(n / d);
  let r = n - q * d;
  // the float quotient may be one off near an integer: correct it exactly
  if (r < 0) (q -= 1), (r += d);
  else if (r >= d) (q += 1), (r -= d);
  return r * 2 >= d ? q + 1 : q;
}

/** floor(n / d) exactly; d > 0. */
export function floorDiv(n: number, d: number): number {
  let q = Math.floor(n / d);
  const r = n - q * d;
  if (r < 0) q -= 1;
  else if (r >= d) q += 1;
  return q;
}

/** Whole cents as the money string `money()` prints: 2970000 → "29700.00". */
export function moneyText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const a = Math.abs(cents);
  const fen = a % 100;
  return `${sign}${(a - fen) / 100}.${fen < 10 ? '0' : ''}${fen}`;
}

/** An exact amount n / d yuan (n ≥ 0, both safe integers), rounded once to 0.01 half up, as a money string. */
export function money(n: number, d: number): string {
  if (d % 100 === 0) return moneyText(roundHalfUp(n, d / 100));
  const fen = n * 100;
  if (fen <= MAX) return moneyText(roundHalfUp(fen, d));
  // n × 100 leaves the safe range: round in BigInt, which is exact at any size
  const N = BigInt(n) * 100n;
  const D = BigInt(d);
  const q = N / D;
  const cents = (N - q * D) * 2n >= D ? q + 1n : q;
  if (cents > BigInt(MAX)) throw UNSAFE;
  return moneyText(Number(cents));
}
