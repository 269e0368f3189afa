import type { Clause } from '../parameters/clauses.ts';
import type { Context } from './context.ts';
import type { InputSpec, OutputSpec } from './schema.ts';
import type { Text } from './text.ts';

/**
 * One rule: metadata a projection needs and the pure function. Adding a rule means writing one of
 * these in `rules/clauses/`, adding it to `registry.ts`, and its tests.
 */
export interface RuleDefinition<I = any> {
  /** Stable id, kebab case: `overquota-reward`. Excel's function is its upper snake case. */
  id: string;
  /** The plan's clause this rule computes (for helpers: the clause that relies on them). */
  clause: Clause;
  /** `clause`: the plan's own rule, bound to the plan's validity window. `helper`: a national or regional rule with its own dates. */
  kind: 'clause' | 'helper';
  /** A clause rule that itself answers questions about the validity window (`policy-in-force`). */
  answersValidity?: boolean;
  title: Text;
  description: Text;
  /** Documents beyond the plan the rule relies on (helpers). */
  sources?: readonly string[];
  inputs: readonly InputSpec[];
  outputs: readonly OutputSpec[];
  /** The output a cell shows, a batch compares `claimed` against, and the CSV's amount column. */
  primary: string;
  /** The date the claim concerns when the inputs give it in another form (e.g. a report year). */
  claimDate?: (input: I) => string | undefined;
  /** The input `claimDate` derives the date from, named in a validity error. */
  claimDateField?: string;
  /** Fresh cross-row state for a batch; rows are evaluated in input order. */
  batchState?: () => unknown;
  compute(input: I, ctx: Context): Record<string, unknown>;
}

export const defineRule = <I>(rule: RuleDefinition<I>): RuleDefinition<I> => rule;
