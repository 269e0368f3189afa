import type { RuleDefinition } from '../core/rule.ts';
import type { Row } from './row.ts';

/** Whole cents of the rule's primary amount for one row, or undefined when `evaluate()` must answer it. */
export type CentsOf = (row: Row) => number | undefined;

/**
 * An exact fast path for one rule's primary money amount: the same answer as `evaluate()`'s primary
 * output, or undefined when the case needs the full decimal path (errors, lookups, large numbers).
 * `cents` is given the slot of each input by name (see `Row`) and returns the function for one row.
 */
export interface FastRule {
  rule: RuleDefinition;
  cents(at: Readonly<Record<string, number>>): CentsOf;
}
