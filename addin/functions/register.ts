/**
 * Every rule in the registry becomes an Excel function `BT.<RULE_ID>` taking its inputs positionally in
 * `inputsOf(rule)` order (RULES.md's order, then `date`, `applyOutsideValidity`), plus `BT.EXPLAIN`.
 * Nothing here knows a rule by name: new rules appear by being registered in `rules/registry.ts`.
 */
import { listRules, type RuleMetadata } from '../../rules/index.ts';
import type { CustomFunctionsApi } from '../office-host.ts';
import type { Cell } from './cells.ts';
import { toCustomFunctionsError } from './errors.ts';
import { evaluateCell, explainEvaluation } from './evaluate-cell.ts';
import { explanationRows } from './explain.ts';
import { uiLanguage } from './language.ts';

export { findRuleMetadata } from './evaluate-cell.ts';

export const EXPLAIN_ID = 'EXPLAIN';

/** The function Excel calls for one rule: Excel arguments in, the rule's primary output (or a CustomFunctions.Error) out. */
export function cellFunctionFor(meta: RuleMetadata, cf: CustomFunctionsApi): (...args: unknown[]) => Cell {
  return (...args: unknown[]) => {
    const answer = evaluateCell(meta, args, uiLanguage());
    if (!answer.ok) throw toCustomFunctionsError(answer.error, cf);
    return answer.cell;
  };
}

/** `BT.EXPLAIN(rule, …arguments)`: Excel passes the repeating arguments as one array of (1×1 or larger) matrices. */
export function explainFunction(cf: CustomFunctionsApi, rules: readonly RuleMetadata[] = listRules()) {
  return (rule: unknown, args: unknown[] | null | undefined): (string | number | boolean)[][] => {
    const explained = explainEvaluation(rule, args ?? [], rules);
    if (!explained.ok) throw toCustomFunctionsError(explained.error, cf);
    return explanationRows(explained.meta, explained.evaluation, uiLanguage());
  };
}

/** Associates every function id of the generated metadata with its code. */
export function registerFunctions(cf: CustomFunctionsApi): string[] {
  const rules = listRules();
  for (const meta of rules) cf.associate(meta.functionName, cellFunctionFor(meta, cf));
  cf.associate(EXPLAIN_ID, explainFunction(cf, rules));
  return [...rules.map((r) => r.functionName), EXPLAIN_ID];
}
