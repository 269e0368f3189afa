/**
 * The exact fast path: a rule's primary money amount computed in scaled integers, for bulk work where
 * the full traceable answer is not needed. It answers undefined whenever it cannot be sure to equal
 * `evaluate()` (no fast path for the rule, an input it does not read, an error case, numbers beyond
 * safe integers): then call `evaluate()`. Equality is a property test (test/rules/fast-path.test.ts).
 *
 * - `amountOf(ruleId, inputs)`: one object of named inputs, the amount as `evaluate()` prints it.
 * - `fastTable(ruleId, columns)`: rows of cells in a fixed column order (a sheet, a CSV), read by
 *   position; the amount in whole cents (an exact integer) or as text.
 */
import { inputsOf } from '../evaluate.ts';
import { blindMassageInsuranceSubsidyFast } from './blind-massage-insurance-subsidy.ts';
import { moneyText, Unsafe } from './exact.ts';
import { overquotaRewardFast } from './overquota-reward.ts';
import { rentSubsidyFast } from './rent-subsidy.ts';
import { rowReader, type Row, type RowReader } from './row.ts';
import type { CentsOf, FastRule } from './rule.ts';

const fastRules: readonly FastRule[] = [overquotaRewardFast, rentSubsidyFast, blindMassageInsuranceSubsidyFast];

interface Compiled {
  reader: RowReader;
  centsOf: CentsOf;
}

const compiled = new Map<string, Compiled>(
  fastRules.map((f) => {
    const reader = rowReader(inputsOf(f.rule));
    return [f.rule.id, { reader, centsOf: f.cents(reader.at) }];
  }),
);

/** Whole cents from a row read by `read`, or undefined (unreadable row, a case to defer, beyond safe integers). */
function centsFrom<T>(read: (source: T) => Row | undefined, centsOf: CentsOf, source: T): number | undefined {
  try {
    const row = read(source);
    return row === undefined ? undefined : centsOf(row);
  } catch (error) {
    if (error instanceof Unsafe) return undefined;
    throw error;
  }
}

/** Ids of the rules with a fast path. */
export const fastRuleIds: readonly string[] = fastRules.map((f) => f.rule.id);

/** The primary amount as `evaluate()` would print it ("29700.00"), or undefined: use `evaluate()`. */
export function amountOf(ruleId: string, inputs: unknown): string | undefined {
  const fast = compiled.get(ruleId);
  const amount = fast && centsFrom(fast.reader.read, fast.centsOf, inputs);
  return amount === undefined ? undefined : moneyText(amount);
}

export interface FastTable {
  /** Whole cents of the row's amount (29700.00 yuan → 2970000), or undefined: use `evaluate()`. */
  cents(cells: readonly unknown[]): number | undefined;
  /** The amount as `evaluate()` prints it, or undefined: use `evaluate()`. */
  amount(cells: readonly unknown[]): string | undefined;
}

/**
 * The fast path for rows of cells whose columns are these input names, in order; undefined when the
 * rule has none or a column names no input of the rule (the whole table then goes through `evaluate()`).
 */
export function fastTable(ruleId: string, columns: readonly string[]): FastTable | undefined {
  const fast = compiled.get(ruleId);
  const read = fast?.reader.table(columns);
  if (!fast || !read) return undefined;
  const cents = (cells: readonly unknown[]) => centsFrom(read, fast.centsOf, cells);
  return {
    cents,
    amount(cells) {
      const amount = cents(cells);
      return amount === undefined ? undefined : moneyText(amount);
    },
  };
}
