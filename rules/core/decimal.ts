/**
 * Exact decimal arithmetic for every amount, ratio and comparison: `Dec` (rules/core/scaled-decimal.ts), the
 * rules' decimal.js (precision 40, ROUND_HALF_UP (四舍五入), no exponent notation in output) computed as scaled
 * integers where that is exact, with the same results; and how the rules print decimals.
 */
import { Dec, wholeText } from './scaled-decimal.ts';

export { Dec };

/**
 * Zero and one, made once: a Dec never changes (and keeps its printed forms once made), so an answer of 0 (an
 * excluded case, a rate of 1) shares these rather than making and printing a new one per row.
 */
export const ZERO = new Dec(0);
export const ONE = new Dec(1);

/** Rounds once, to 0.01 yuan, half up, and prints exactly two decimals: "29700.00". */
export function money(value: Dec): string {
  return value.toFixed(2, Dec.ROUND_HALF_UP);
}

/** The value rounded as `money` rounds it (0.01 yuan, half up), as a decimal: the same value as `new Dec(money(value))`, without the text. */
export function toCents(value: Dec): Dec {
  const cents = value.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  // a zero keeps the sign its printed form gives it (−0 prints as "0.00", a small negative as "-0.00")
  return cents.isZero() ? new Dec(money(value)) : cents;
}

/** True when `money` shows the value exactly (it has no part of a cent): compared as numbers, not as printed text. */
export function isWholeCents(value: Dec): boolean {
  return toCents(value).eq(value);
}

/** A decimal as a plain string without trailing zeros: 6, 6.5, 0.015. */
export function plain(value: Dec): string {
  return value.toFixed();
}

/**
 * A whole number (a head count, a number of months) in digits, as `String` writes it: joined from the digit texts
 * decimals are printed with (`String` of a number V8 has not printed lately calls into its runtime, dearer).
 */
export function count(n: number): string {
  return n >= 0 && n <= Number.MAX_SAFE_INTEGER && Math.floor(n) === n ? wholeText(n) : String(n);
}

/** A ratio as a percentage with trailing zeros dropped: 0.015 → "1.5%". Made once per value (the ratios are parameters, shown in every step). */
const percents = new WeakMap<Dec, string>();
export function percent(value: Dec): string {
  let shown = percents.get(value);
  if (shown === undefined) percents.set(value, (shown = `${value.times(100).toFixed()}%`));
  return shown;
}

/** A policy parameter's value as a decimal, made once per parameter (parameters are constant data). */
const parameterDecimals = new WeakMap<object, Dec>();
export function decimalOf(parameter: { value: string | number }): Dec {
  let d = parameterDecimals.get(parameter);
  if (d === undefined) parameterDecimals.set(parameter, (d = new Dec(parameter.value)));
  return d;
}
