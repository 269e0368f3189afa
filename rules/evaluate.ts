import { Context } from './core/context.ts';
import { coerceObject } from './core/coerce.ts';
import { commonInputs } from './core/common-inputs.ts';
import { RuleError, type RuleErrorBody } from './core/errors.ts';
import { formatOutputs } from './core/format.ts';
import type { RuleDefinition } from './core/rule.ts';
import type { InputSpec } from './core/schema.ts';
import type { Text } from './core/text.ts';
import { interpretations, type Interpretation } from './interpretations.ts';
import { policy } from './parameters/baotou-2023-43.ts';
import { findRule } from './registry.ts';
import { RULESET_VERSION } from './version.ts';

export interface PolicyRef {
  id: string;
  title: Text;
  validFrom: string;
  validTo: string;
}

export interface Success {
  ok: true;
  rule: string;
  result: Record<string, unknown>;
  clause: { id: string; text: string; heading: Text };
  policy: PolicyRef;
  sources: readonly string[];
  rulesetVersion: string;
  steps: Text[];
  warnings: Text[];
  interpretations: Interpretation[];
  hints: Text[];
}

export interface Failure {
  ok: false;
  rule: string;
  rulesetVersion: string;
  error: RuleErrorBody;
}

export type Evaluation = Success | Failure;

export const policyRef: PolicyRef = { id: policy.id, title: policy.title, validFrom: policy.validFrom, validTo: policy.validTo };

/** A rule's inputs as callers see them: its own, then `date` and `applyOutsideValidity` unless it declares them. */
export function inputsOf(rule: RuleDefinition): InputSpec[] {
  const own = rule.inputs;
  return [...own, ...commonInputs.filter((c) => !own.some((i) => i.name === c.name))];
}
const inputCache = new WeakMap<RuleDefinition, InputSpec[]>();
const cachedInputs = (rule: RuleDefinition) => {
  let specs = inputCache.get(rule);
  if (!specs) inputCache.set(rule, (specs = inputsOf(rule)));
  return specs;
};

const window = `${policy.validFrom} – ${policy.validTo}`;
const noDateGiven: Text = Object.freeze({
  zh: `未给出所涉日期：按 ${policy.id}（有效期 ${window}）计算`,
  en: `No date given: applied ${policy.id} (valid ${window})`,
});

/** The plan's validity window (clause 四): an error outside it unless the caller asks to apply it anyway. */
function checkValidity(rule: RuleDefinition, input: Record<string, unknown>, ctx: Context): void {
  if (rule.kind !== 'clause' || rule.answersValidity) return;
  const date = ctx.date;
  if (date === undefined) {
    ctx.warnFixed(noDateGiven);
    return;
  }
  if (date >= policy.validFrom && date <= policy.validTo) return;
  ctx.rely('effective-date');
  if (input.applyOutsideValidity === true) {
    ctx.warn(
      `${date} 不在 ${policy.id} 有效期（${window}）内；应要求仍按本版本计算`,
      `${date} is outside the validity of ${policy.id} (${window}); applied anyway as asked`,
    );
    return;
  }
  throw new RuleError(
    'policy-not-in-force',
    {
      zh: `${date} 不在 ${policy.id} 的有效期（${window}）内。如确需按本版本计算，请传 applyOutsideValidity: true`,
      en: `${date} is outside the validity of ${policy.id} (${window}). Pass applyOutsideValidity: true to apply this version anyway`,
    },
    input.date === undefined ? (rule.claimDateField ?? 'date') : 'date',
  );
}

const failure = (rule: string, error: RuleErrorBody): Failure => ({ ok: false, rule, rulesetVersion: RULESET_VERSION, error });

export interface EvaluateOptions {
  /** Cross-row state of a batch (see `RuleDefinition.batchState`). */
  batchState?: unknown;
  /** False to skip rendering the explanation steps (batch rows do not carry them). */
  explain?: boolean;
}

/** Runs one rule on raw inputs. Never throws: bad input, an unknown rule or a refusal is `{ ok: false, error }`. */
export function evaluate(ruleId: string, rawInputs: unknown): Evaluation {
  const rule = findRule(ruleId);
  if (!rule) {
    return failure(ruleId, {
      code: 'unknown-rule',
      field: 'rule',
      message: { zh: `没有编号为“${ruleId}”的规则`, en: `There is no rule "${ruleId}"` },
    });
  }
  return evaluateRule(rule, rawInputs);
}

export function evaluateRule(rule: RuleDefinition, rawInputs: unknown, options: EvaluateOptions = {}): Evaluation {
  try {
    const input = coerceObject(rawInputs ?? {}, cachedInputs(rule));
    const ctx = new Context((input.date as string | undefined) ?? rule.claimDate?.(input), options.batchState, options.explain);
    checkValidity(rule, input, ctx);
    const raw = rule.compute(input, ctx);
    return {
      ok: true,
      rule: rule.id,
      result: formatOutputs(raw, rule.outputs),
      clause: { id: rule.clause.id, text: rule.clause.text, heading: rule.clause.heading },
      policy: policyRef,
      sources: rule.sources ?? [],
      rulesetVersion: RULESET_VERSION,
      steps: ctx.steps,
      warnings: ctx.warnings,
      interpretations: [...ctx.relied].map((id) => interpretations[id]),
      hints: ctx.hints,
    };
  } catch (error) {
    if (error instanceof RuleError) return failure(rule.id, error.body);
    return failure(rule.id, {
      code: 'internal-error',
      message: {
        zh: `规则 ${rule.id} 内部错误，请报告：${String(error)}`,
        en: `Internal error in rule ${rule.id}, please report it: ${String(error)}`,
      },
    });
  }
}
