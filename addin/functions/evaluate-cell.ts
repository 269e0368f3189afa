/**
 * One spreadsheet call of a rule, whatever the host: positional cell arguments in, the rule's primary
 * output as a cell (or the rule's refusal) out. Excel (register.ts) and WPS (addin/wps/functions.ts)
 * both call this, so they share the cell conversions of cells.ts and differ only in how a host shows
 * an error.
 */
import { evaluate, functionNameOf, listRules, type Evaluation, type RuleErrorBody, type RuleMetadata } from '../../rules/index.ts';
import { argumentsToInputs, outputToCell, type Cell } from './cells.ts';
import type { Lang } from './language.ts';

export type CellAnswer = { ok: true; cell: Cell } | { ok: false; error: RuleErrorBody };

export function evaluateCell(meta: RuleMetadata, args: readonly unknown[], lang: Lang): CellAnswer {
  const evaluation = evaluate(meta.id, argumentsToInputs(args, meta.inputs));
  if (!evaluation.ok) return { ok: false, error: evaluation.error };
  return {
    ok: true,
    cell: outputToCell(
      evaluation.result[meta.primary],
      meta.outputs.find((o) => o.name === meta.primary),
      lang,
    ),
  };
}

/** A rule named as in Excel (`OVERQUOTA_REWARD`) or by its id (`overquota-reward`), any case. */
export function findRuleMetadata(name: unknown, rules: readonly RuleMetadata[] = listRules()): RuleMetadata | undefined {
  if (typeof name !== 'string') return undefined;
  const wanted = functionNameOf(name.trim()).replace(/^BT\./, '');
  return rules.find((r) => r.functionName === wanted);
}

/** `EXPLAIN(rule, …arguments)`: the rule's evaluation, or the refusal of an unknown rule name. */
export function explainEvaluation(
  rule: unknown,
  args: readonly unknown[],
  rules: readonly RuleMetadata[] = listRules(),
): { ok: true; meta: RuleMetadata; evaluation: Evaluation } | { ok: false; error: RuleErrorBody } {
  const meta = findRuleMetadata(rule, rules);
  if (!meta) {
    const evaluation = evaluate(String(rule), {});
    return { ok: false, error: evaluation.ok ? { code: 'unknown-rule', message: { zh: '未知规则', en: 'Unknown rule' } } : evaluation.error };
  }
  return { ok: true, meta, evaluation: evaluate(meta.id, argumentsToInputs(args, meta.inputs)) };
}
