import { Context } from './core/context.ts';
import { coerceObject } from './core/coerce.ts';
import { commonInputs } from './core/common-inputs.ts';
import { RuleError, type RuleErrorBody } from './core/errors.ts';
import { formatOutputs } from './core/format.ts';
import type { RuleDefinition } from './core/rule.ts';
import type { InputSpec } from './core/schema.ts';
import type { Text } from './core/text.ts';
import { interpretations, type Interpretation } from './interpretations.ts';
import { listPlans, planInForce, policyRefOf, type Plan, type PolicyRef } from './plans/index.ts';
import { findRule } from './registry.ts';
import { RULESET_VERSION } from './version.ts';

export type { PolicyRef } from './plans/index.ts';

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

/** The latest plan: what a rule's metadata and a batch's header name (each result names the plan of its own date). */
export const currentPolicyRef = (): PolicyRef => policyRefOf(listPlans()[listPlans().length - 1]);

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

const windowOf = (plan: Plan) => `${plan.validFrom} – ${plan.validTo}`;
const noDateGiven = new WeakMap<Plan, Text>();

/** The validity windows (each plan's clause 四): an error on a date no plan covers, unless the caller asks to apply the nearest plan anyway. */
function checkValidity(rule: RuleDefinition, input: Record<string, unknown>, ctx: Context): void {
  if (rule.kind !== 'clause' || rule.answersValidity) return;
  const date = ctx.date;
  const plan = ctx.plan;
  if (date === undefined) {
    let warning = noDateGiven.get(plan);
    if (!warning) {
      warning = Object.freeze({ zh: `未给出所涉日期：按 ${plan.id}（有效期 ${windowOf(plan)}）计算`, en: `No date given: applied ${plan.id} (valid ${windowOf(plan)})` });
      noDateGiven.set(plan, warning);
    }
    ctx.warnFixed(warning);
    return;
  }
  if (planInForce(date)) return;
  ctx.rely('effective-date');
  const windows = listPlans().map((p) => `${p.id}（${windowOf(p)}）`).join('、');
  const windowsEn = listPlans().map((p) => `${p.id} (${windowOf(p)})`).join(', ');
  if (input.applyOutsideValidity === true) {
    ctx.warn(
      `${date} 不在 ${plan.id} 有效期（${windowOf(plan)}）内；应要求仍按该方案计算`,
      `${date} is outside the validity of ${plan.id} (${windowOf(plan)}); applied anyway as asked`,
    );
    return;
  }
  throw new RuleError(
    'policy-not-in-force',
    {
      zh: `${date} 不在任何方案的有效期内：${windows}。如确需按 ${plan.id} 计算，请传 applyOutsideValidity: true`,
      en: `${date} is outside the validity of every plan: ${windowsEn}. Pass applyOutsideValidity: true to apply ${plan.id} anyway`,
    },
    input.date === undefined ? (rule.claimDateField ?? 'date') : 'date',
  );
}

/** The clause a rule cites, in the words of the plan applied; a plan without that clause has no such rule. */
function clauseIn(rule: RuleDefinition, plan: Plan) {
  const clause = plan.clauses[rule.clause.key];
  if (!clause) {
    throw new RuleError(
      'policy-not-in-force',
      { zh: `${plan.id} 没有本规则依据的条款（${rule.clause.id}）`, en: `${plan.id} has no clause ${rule.clause.id}, which this rule computes` },
      'date',
    );
  }
  return clause;
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
    const clause = clauseIn(rule, ctx.plan);
    const raw = rule.compute(input, ctx);
    return {
      ok: true,
      rule: rule.id,
      result: formatOutputs(raw, rule.outputs),
      clause: { id: clause.id, text: clause.text, heading: clause.heading },
      policy: policyRefOf(ctx.plan),
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
