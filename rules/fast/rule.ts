import type { RuleDefinition } from '../core/rule.ts';
import type { FastInputs } from './inputs.ts';

/**
 * An exact fast path for one rule's primary money amount: the same answer as `evaluate()`'s primary
 * output, or undefined when the case needs the full decimal path (errors, lookups, large numbers).
 */
export interface FastRule {
  rule: RuleDefinition;
  amount(input: FastInputs): string | undefined;
}
