/**
 * Money as whole cents in a JS number, where that is exact: a plain amount of at most two decimals and
 * thirteen whole digits, and sums that stay safe integers. Anything else goes through exact decimals;
 * both give the same figures.
 */
import { Dec } from './decimal.ts';

/** Whole digits an amount held as cents may have: 10^13 yuan is 10^15 cents, well inside the safe integers. */
const MAX_WHOLE_DIGITS = 13;

/**
 * Whole cents of a plain amount ("29700.00" → 2970000): an optional minus, 1–13 digits, and an optional
 * point with one or two digits; undefined for anything else (decimals must do it). Read digit by digit:
 * every amount of every row of a batch's totals comes through here.
 */
export function centsOf(text: string): number | undefined {
  const negative = text.charCodeAt(0) === 45;
  let at = negative ? 1 : 0;
  let whole = 0;
  const start = at;
  for (; at < text.length; at++) {
    const d = text.charCodeAt(at) - 48;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
  }
  const wholeDigits = at - start;
  if (wholeDigits < 1 || wholeDigits > MAX_WHOLE_DIGITS) return undefined;
  let fraction = 0;
  if (at < text.length) {
    if (text.charCodeAt(at) !== 46) return undefined;
    const places = text.length - at - 1;
    if (places < 1 || places > 2) return undefined;
    for (let i = at + 1; i < text.length; i++) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return undefined;
      fraction = fraction * 10 + d;
    }
    if (places === 1) fraction *= 10;
  }
  const cents = whole * 100 + fraction;
  return negative ? -cents : cents;
}

/** Whole cents printed as money: 2970000 → "29700.00". */
export const formatCents = (cents: number): string => {
  const a = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
};

/**
 * An exact running sum of amounts: whole cents while every amount is plain and the sum a safe integer,
 * then (from that exact figure on) decimals, added one by one as decimals would have added them all.
 */
export class MoneySum {
  private cents = 0;
  private decimal: Dec | undefined;

  add(value: string | number): void {
    if (this.decimal === undefined && typeof value === 'string') {
      const cents = centsOf(value);
      if (cents !== undefined && Number.isSafeInteger(this.cents + cents)) {
        this.cents += cents;
        return;
      }
    }
    this.decimal = (this.decimal ?? new Dec(this.cents).div(100)).plus(value);
  }

  /** The sum, exact. */
  value(): Dec {
    return this.decimal ?? new Dec(this.cents).div(100);
  }
}
