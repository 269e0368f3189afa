import type { RuleDefinition } from './core/rule.ts';
import type { InputSpec, OutputSpec } from './core/schema.ts';
import type { Text } from './core/text.ts';
import { inputsOf, type PolicyRef } from './evaluate.ts';
import { listPlans } from './parameters/index.ts';
import { policyRefOf } from './plans/index.ts';
import { rules } from './registry.ts';

/** What a projection needs to know about a rule, without its function. */
export interface RuleMetadata {
  id: string;
  /** Excel's function name: the id in upper snake case. */
  functionName: string;
  kind: 'clause' | 'helper';
  title: Text;
  description: Text;
  clause: { id: string; heading: Text; text: string };
  policy: PolicyRef;
  sources: readonly string[];
  inputs: InputSpec[];
  outputs: readonly OutputSpec[];
  primary: string;
}

export const functionNameOf = (ruleId: string) => ruleId.toUpperCase().replace(/-/g, '_');

/** A rule as the latest plan words it (its clause in that plan's text). */
export function metadataOf(rule: RuleDefinition): RuleMetadata {
  const plan = listPlans()[listPlans().length - 1];
  const clause = plan.clauses[rule.clause.key] ?? rule.clause;
  return {
    id: rule.id,
    functionName: functionNameOf(rule.id),
    kind: rule.kind,
    title: rule.title,
    description: rule.description,
    clause: { id: clause.id, heading: clause.heading, text: clause.text },
    policy: policyRefOf(plan),
    sources: rule.sources ?? [],
    inputs: inputsOf(rule),
    outputs: rule.outputs,
    primary: rule.primary,
  };
}

export const listRules = (): RuleMetadata[] => rules.map(metadataOf);
