import type { RuleDefinition } from './core/rule.ts';
import type { InputSpec, OutputSpec } from './core/schema.ts';
import type { Text } from './core/text.ts';
import { inputsOf, policyRef, type PolicyRef } from './evaluate.ts';
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

export function metadataOf(rule: RuleDefinition): RuleMetadata {
  return {
    id: rule.id,
    functionName: functionNameOf(rule.id),
    kind: rule.kind,
    title: rule.title,
    description: rule.description,
    clause: { id: rule.clause.id, heading: rule.clause.heading, text: rule.clause.text },
    policy: policyRef,
    sources: rule.sources ?? [],
    inputs: inputsOf(rule),
    outputs: rule.outputs,
    primary: rule.primary,
  };
}

export const listRules = (): RuleMetadata[] => rules.map(metadataOf);
