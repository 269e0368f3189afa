/**
 * `amountOf(ruleId, inputs)`: a rule's primary money amount computed exactly in scaled integers,
 * for bulk work where the full traceable answer is not needed. It returns undefined whenever it cannot
 * be sure to equal `evaluate()` (no fast path for the rule, an input it does not read, an error case,
 * numbers beyond safe integers): then call `evaluate()`. Equality is a property test (test/rules/fast-path.test.ts).
 */
import { inputsOf } from '../evaluate.ts';
import { blindMassageInsuranceSubsidyFast } from './blind-massage-insurance-subsidy.ts';
import { Unsafe } from './exact.ts';
import { inputReader, type FastInputs } from './inputs.ts';
import { levyDueFast } from './levy-due.ts';
import { overquotaRewardFast } from './overquota-reward.ts';
import { rentSubsidyFast } from './rent-subsidy.ts';
import type { FastRule } from './rule.ts';

const fastRules: readonly FastRule[] = [overquotaRewardFast, rentSubsidyFast, levyDueFast, blindMassageInsuranceSubsidyFast];

interface Prepared {
  read: (raw: unknown) => FastInputs | undefined;
  amount: (input: FastInputs) => string | undefined;
}

const prepared = new Map<string, Prepared>(
  fastRules.map((f) => [f.rule.id, { read: inputReader(inputsOf(f.rule)), amount: f.amount }]),
);

/** Ids of the rules with a fast path. */
export const fastRuleIds: readonly string[] = fastRules.map((f) => f.rule.id);

/** The primary amount as `evaluate()` would print it ("29700.00"), or undefined: use `evaluate()`. */
export function amountOf(ruleId: string, inputs: unknown): string | undefined {
  const fast = prepared.get(ruleId);
  if (!fast) return undefined;
  try {
    const input = fast.read(inputs);
    return input && fast.amount(input);
  } catch (error) {
    if (error instanceof Unsafe) return undefined;
    throw error;
  }
}
