import type { Clause } from '../plans/clause.ts';
import type { Context } from './context.ts';
import type { commonInputs } from './common-inputs.ts';
import type { InputSpec, InputsOf, OutputSpec, OutputsOf } from './schema.ts';
import type { Text } from './text.ts';

/**
 * One rule: metadata a projection needs and the pure function. Adding a rule means writing one of
 * these in `rules/clauses/<id>/rule.ts` (a helper: `rules/helpers/<id>/`) with its table of cases beside it, and adding it to `registry.ts`.
 */
export interface RuleDefinition<I = any, O = Record<string, unknown>> {
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
  compute(input: I, ctx: Context): O;
}

/** What `compute` receives: the rule's own inputs and the two every rule takes (`date`, `applyOutsideValidity`), typed from their specs. */
export type RuleInputs<Specs extends readonly InputSpec[]> = InputsOf<Specs> & InputsOf<typeof commonInputs>;

/** A rule as written in its folder (`rules/clauses/<id>/rule.ts`): its `compute` is typed from its own `inputs` and `outputs`, and `primary` names one of its outputs. */
export interface RuleSpec<Specs extends readonly InputSpec[], Outputs extends readonly OutputSpec[]> extends Omit<
  RuleDefinition<RuleInputs<Specs>, OutputsOf<Outputs>>,
  'inputs' | 'outputs' | 'primary'
> {
  /** Every name a literal (a spec typed as plain `InputSpec` would drop out of the derived type: a compile error here). */
  inputs: string extends Specs[number]['name'] ? 'every input spec needs a literal name: declare shared specs `as const satisfies InputSpec`' : Specs;
  outputs: string extends Outputs[number]['name'] ? 'every output spec needs a literal name: declare shared specs `as const satisfies OutputSpec`' : Outputs;
  primary: Outputs[number]['name'];
}

/**
 * Declares a rule. The input and output types come from the specs themselves (declare shared specs
 * `as const satisfies InputSpec`), so there is no second description of a rule's inputs to drift.
 */
export function defineRule<const Specs extends readonly InputSpec[], const Outputs extends readonly OutputSpec[]>(
  rule: RuleSpec<Specs, Outputs>,
): RuleDefinition<RuleInputs<Specs>, OutputsOf<Outputs>>;
export function defineRule(rule: any): RuleDefinition {
  return rule;
}
