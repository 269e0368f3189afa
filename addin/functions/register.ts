/**
 * Every rule in the registry becomes an Excel function `BT.<RULE_ID>` taking its inputs positionally in
 * `inputsOf(rule)` order (RULES.md's order, then `date`, `applyOutsideValidity`), plus `BT.EXPLAIN`.
 * Nothing here knows a rule by name: new rules appear by being registered in `rules/registry.ts`.
 */
import { evaluate, functionNameOf, listRules, type RuleMetadata } from '../../rules/index.ts';
import type { CustomFunctionsApi } from '../office-host.ts';
import { argumentsToInputs, outputToCell, type Cell } from './cells.ts';
import { toCustomFunctionsError } from './errors.ts';
import { explanationRows } from './explain.ts';
import { uiLanguage } from './language.ts';

export const EXPLAIN_ID = 'EXPLAIN';

/** The function Excel calls for one rule: Excel arguments in, the rule's primary output (or a CustomFunctions.Error) out. */
export function cellFunctionFor(meta: RuleMetadata, cf: CustomFunctionsApi): (...args: unknown[]) => Cell {
  const primary = meta.outputs.find((o) => o.name === meta.primary);
  return (...args: unknown[]) => {
    const evaluation = evaluate(meta.id, argumentsToInputs(args, meta.inputs));
    if (!evaluation.ok) throw toCustomFunctionsError(evaluation.error, cf);
    return outputToCell(evaluation.result[meta.primary], primary, uiLanguage());
  };
}

/** A rule named as in Excel (`OVERQUOTA_REWARD`) or by its id (`overquota-reward`), any case. */
export function findRuleMetadata(name: unknown, rules: readonly RuleMetadata[] = listRules()): RuleMetadata | undefined {
  if (typeof name !== 'string') return undefined;
  const wanted = functionNameOf(name.trim()).replace(/^BT\./, '');
  return rules.find((r) => r.functionName === wanted);
}

/** `BT.EXPLAIN(rule, …arguments)`: Excel passes the repeating arguments as one array of (1×1 or larger) matrices. */
export function explainFunction(cf: CustomFunctionsApi, rules: readonly RuleMetadata[] = listRules()) {
  return (rule: unknown, args: unknown[] | null | undefined): (string | number | boolean)[][] => {
    const meta = findRuleMetadata(rule, rules);
    if (!meta) {
      const evaluation = evaluate(String(rule), {});
      throw toCustomFunctionsError(evaluation.ok ? { code: 'unknown-rule', message: { zh: '未知规则', en: 'Unknown rule' } } : evaluation.error, cf);
    }
    const evaluation = evaluate(meta.id, argumentsToInputs(args ?? [], meta.inputs));
    return explanationRows(meta, evaluation, uiLanguage());
  };
}

/** Associates every function id of the generated metadata with its code. */
export function registerFunctions(cf: CustomFunctionsApi): string[] {
  const rules = listRules();
  for (const meta of rules) cf.associate(meta.functionName, cellFunctionFor(meta, cf));
  cf.associate(EXPLAIN_ID, explainFunction(cf, rules));
  return [...rules.map((r) => r.functionName), EXPLAIN_ID];
}
