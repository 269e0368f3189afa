/**
 * Exact arithmetic on JavaScript safe integers for the fast path (`amountOf`): a decimal is a scaled
 * integer over a power of ten, a policy ratio a reduced fraction, and every product is checked to stay
 * below 2^53 — past it the fast path gives up (`Unsafe`) and the caller uses `evaluate()`.
 * Rounding is ROUND_HALF_UP to whole cents, once, as `rules/core/decimal.ts`'s `money` does.
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
export const LIMIT = 1e15;
/** Scaled values stay below 2^52, where a double holds each multiple of 10^-k exactly once. */
export const SCALED_LIMIT = 2 ** 52;
/** 10^k for the decimals the fast path holds (at most six). */
export const POWERS = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

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

/** Compares an/ad with bn/bd (both denominators > 0): negative, zero or positive. */
export function compare(an: number, ad: number, bn: number, bd: number): number {
  return mul(an, bd) - mul(bn, ad);
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

/** An exact amount n / d yuan (both safe integers, d > 0) in whole cents, rounded once half up. */
export function cents(n: number, d: number): number {
  const perCent = d / 100;
  if (Math.floor(perCent) === perCent) return roundHalfUp(n, perCent);
  const fen = n * 100;
  if (fen <= MAX && fen >= -MAX) return roundHalfUp(fen, d);
  // n × 100 leaves the safe range: round in BigInt, which is exact at any size
  const N = BigInt(n < 0 ? -n : n) * 100n;
  const D = BigInt(d);
  const q = N / D;
  const rounded = (N - q * D) * 2n >= D ? q + 1n : q;
  if (rounded > BigInt(MAX)) throw UNSAFE;
  return n < 0 ? -Number(rounded) : Number(rounded);
}

const FEN = Array.from({ length: 100 }, (_, fen) => (fen < 10 ? '.0' : '.') + fen);

/** Whole cents as the money string `money()` prints: 2970000 → "29700.00". */
export function moneyText(amount: number): string {
  const a = amount < 0 ? -amount : amount;
  const yuan = Math.floor(a / 100);
  const text = yuan + FEN[a - yuan * 100];
  return amount < 0 ? `-${text}` : text;
}
