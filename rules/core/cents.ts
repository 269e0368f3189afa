/**
 * Money as whole cents in a JS number, where that is exact: a plain amount of at most two decimals and
 * thirteen whole digits, and sums that stay safe integers. Anything else goes through exact decimals;
 * both give the same figures.
 */
import { Dec } from './decimal.ts';

/** An amount with at most two decimals and few enough digits to be held exactly as whole cents. */
const CENTS = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/;

/** Whole cents of a plain amount ("29700.00" → 2970000), or undefined when decimals must do it. */
export function centsOf(text: string): number | undefined {
  const m = CENTS.exec(text);
  if (!m) return undefined;
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -cents : cents;
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
