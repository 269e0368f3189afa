import { Context, sharedReadings, type ReadingsMemo } from './core/context.ts';
import { sharedPart } from './core/answer-json.ts';
import { coerceInputs, coerceInputSlots, inputListOf, isRecord, type InputList, type SlotValues } from './core/coerce.ts';
import { applyOutsideValidityInput, commonInputs, dateInput } from './core/common-inputs.ts';
import { RuleError, type RuleErrorBody } from './core/errors.ts';
import { OutputFormats } from './core/format.ts';
import type { RuleDefinition } from './core/rule.ts';
import type { FailedCondition, InputSpec, OutputSpec } from './core/schema.ts';
import { groupThousands, periodLabel } from './core/periods.ts';
import { periodsOfWindow } from './core/window-periods.ts';
import { pointingMessage } from './core/projection-words.ts';
import type { Text } from './core/text.ts';
import type { Interpretation } from './interpretations.ts';
import { servedParameters, type ParameterSet } from './parameters/index.ts';
import { planFor, planInForce, policyRefOf, type Clause, type Plan, type PolicyRef } from './plans/index.ts';
import { rules } from './registry.ts';
import { RULESET_VERSION } from './version.ts';

export type { PolicyRef } from './plans/index.ts';

export interface Success {
  ok: true;
  rule: string;
  result: Record<string, unknown>;
  /** False when the case failed a condition of the clause: then `failedConditions` says which, in words. */
  eligible: boolean;
  failedConditions: FailedCondition[];
  /** Present when no date was given and the answer changes inside the plan's window: the answer on each side. */
  byDate?: DatedAnswer[];
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
  /** Present when the refusal is only that a date is missing: the answer on each side of a change. */
  byDate?: DatedAnswer[];
}

/** The answer for claims dated `from` … `to` (inclusive), when no date was given. */
export interface DatedAnswer {
  from: string;
  to: string;
  eligible: boolean;
  result: Record<string, unknown>;
}

export type Evaluation = Success | Failure;

/** The latest plan: what a rule's metadata and a batch's header name (each result names the plan of its own date). */
export const currentPolicyRef = (parameters: ParameterSet = servedParameters): PolicyRef => policyRefOf(parameters.plans[parameters.plans.length - 1]);

/** A rule's inputs as callers see them: its own, then `date` and `applyOutsideValidity` unless it declares them. */
export function inputsOf(rule: RuleDefinition): InputSpec[] {
  const own = rule.inputs;
  return [...own, ...commonInputs.filter((c) => !own.some((i) => i.name === c.name))];
}

/**
 * What every evaluation of a rule reads of it, made once per rule (rules never change): its inputs as callers see
 * them, whether the plans' validity windows bind it, and how its outputs are printed. A batch holds its rule's.
 */
export class RuleFacts {
  readonly rule: RuleDefinition;
  readonly inputs: InputSpec[];
  /** Its inputs as coercion reads them (looked up once, not per evaluation). */
  readonly inputList: InputList;
  /** A clause rule bound to the validity windows (not one that answers questions about them itself). */
  readonly windowed: boolean;
  /** Its outputs' formats, in order (see `formatOutputs`). */
  readonly outputs: OutputFormats;

  constructor(rule: RuleDefinition) {
    this.rule = rule;
    this.inputs = inputsOf(rule);
    this.inputList = inputListOf(this.inputs);
    this.windowed = rule.kind === 'clause' && !rule.answersValidity;
    this.outputs = new OutputFormats(rule.outputs);
    if (rule.sources) sharedPart(rule.sources); // every answer lists them
  }

  /** What its answers read of the plan last applied (a batch's rows, and most quick checks, apply one plan). */
  private lastPlan: PlanFacts | undefined = undefined;

  /** The readings its lone evaluations share, for the parameter set last asked for (nearly always the served one). */
  private lastShared: ReadingsMemo | undefined = undefined;

  /** The readings lone evaluations against `parameters` share (`sharedReadings`), without looking them up again for the same set. */
  sharedReadings(parameters: ParameterSet): ReadingsMemo {
    const last = this.lastShared;
    if (last !== undefined && last.parameters === parameters) return last;
    return (this.lastShared = sharedReadings(parameters));
  }

  /** What its answers read of `plan`: the clause it cites there (if the plan has it) and the plan, as answers show them. */
  ofPlan(plan: Plan): PlanFacts {
    const last = this.lastPlan;
    if (last !== undefined && last.plan === plan) return last;
    const clause: Clause | undefined = plan.clauses[this.rule.clause.key];
    return (this.lastPlan = { plan, clause, clauseRef: clause && clauseRefOf(clause), policy: planRefOf(plan), undatedWarning: undatedWarning(plan) });
  }
}

/** What an answer shows of one plan, for one rule (see `RuleFacts.ofPlan`). */
interface PlanFacts {
  plan: Plan;
  /** The rule's clause in the plan's words; none when the plan has no such clause. */
  clause: Clause | undefined;
  clauseRef: Success['clause'] | undefined;
  policy: PolicyRef;
  /** The warning of an answer without a date, applied on this plan. */
  undatedWarning: Readonly<Text>;
}

const ruleFacts = new WeakMap<RuleDefinition, RuleFacts>();
export function factsOf(rule: RuleDefinition): RuleFacts {
  let facts = ruleFacts.get(rule);
  if (!facts) ruleFacts.set(rule, (facts = new RuleFacts(rule)));
  return facts;
}

/** What an answer shows of the clause applied and of its plan: made once per clause and per plan (both immutable), shared by the answers (and their JSON text written once, core/answer-json.ts). */
const clauseRefs = new WeakMap<Clause, Success['clause']>();
function clauseRefOf(clause: Clause): Success['clause'] {
  let ref = clauseRefs.get(clause);
  if (!ref) clauseRefs.set(clause, (ref = sharedPart(Object.freeze({ id: clause.id, text: clause.text, heading: clause.heading }))));
  return ref;
}
const policyRefs = new WeakMap<Plan, PolicyRef>();
function planRefOf(plan: Plan): PolicyRef {
  let ref = policyRefs.get(plan);
  if (!ref) policyRefs.set(plan, (ref = sharedPart(Object.freeze(policyRefOf(plan)))));
  return ref;
}

const windowOf = (plan: Plan) => `${plan.validFrom} – ${plan.validTo}`;

/** The warning of an answer without a date, in the words of the plan applied (made once per plan: plans are immutable). */
const undatedWarnings = new WeakMap<Plan, Readonly<Text>>();
function undatedWarning(plan: Plan): Readonly<Text> {
  let warning = undatedWarnings.get(plan);
  if (!warning) {
    warning = sharedPart(
      Object.freeze({
        zh: `未给出所涉日期：按 ${plan.id}（有效期 ${windowOf(plan)}）计算`,
        en: `No date given: applied ${plan.id} (valid ${windowOf(plan)})`,
      }),
    );
    undatedWarnings.set(plan, warning);
  }
  return warning;
}

/** The validity windows (each plan's clause 四) of a windowed rule: an error on a date no plan covers, unless the caller asks to apply the nearest plan anyway. */
function checkValidity(rule: RuleDefinition, input: Record<string, unknown>, ctx: Context, planFacts: PlanFacts): void {
  const date = ctx.date;
  const plan = ctx.plan;
  if (date === undefined) {
    ctx.warnFixed(planFacts.undatedWarning);
    return;
  }
  const plans = ctx.parameters.plans;
  if (planInForce(date, plans)) return;
  ctx.rely('effective-date');
  const windows = plans.map((p) => `${p.id}（${windowOf(p)}）`).join('、');
  const windowsEn = plans.map((p) => `${p.id} (${windowOf(p)})`).join(', ');
  if (input.applyOutsideValidity === true) {
    ctx.warn(
      `${date} 不在 ${plan.id} 有效期（${windowOf(plan)}）内；应要求仍按该方案计算`,
      `${date} is outside the validity of ${plan.id} (${windowOf(plan)}); applied anyway as asked`,
    );
    return;
  }
  // A clerk who types the filing date here is told what the date is for, before the switch that applies a plan anyway.
  const { message, control } = pointingMessage(
    {
      zh: `${date} 不在任何方案的有效期内：${windows}。“${dateInput.label.zh}”是申报所针对的日期（所奖励或补贴的期间内的一天），不是填表或申报的日期：请填该期间内的日期。如该期间确在有效期外仍需按 ${plan.id} 计算，`,
      en: `${date} is outside the validity of every plan: ${windowsEn}. "${dateInput.label.en}" is the date the claim is for (a day in the period rewarded or subsidised), not the date of filing: give a date in that period. If the period really lies outside and ${plan.id} must apply anyway, `,
    },
    applyOutsideValidityInput,
    true,
  );
  throw new RuleError('policy-not-in-force', message, input.date === undefined ? (rule.claimDateField ?? 'date') : 'date', control);
}

/** The clause a rule cites, in the words of the plan applied; a plan without that clause has no such rule. */
function clauseIn(rule: RuleDefinition, { plan, clause }: PlanFacts): Clause {
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
  /** False for an untraced answer: no explanation steps, hints or interpretations are made (batch rows do not carry them). */
  explain?: boolean;
  /** The parameter set to read every number and plan from (`buildParameters`); the served one by default. */
  parameters?: ParameterSet;
  /** A batch's readings of parameters and groups, kept across its rows (for the same parameter set); lone evaluations share one. */
  readings?: ReadingsMemo;
  /** A batch's one context, made with these options and renewed for each row (`Context.renew`); lone evaluations make their own. */
  rowContext?: Context;
}

/** Each registered rule's facts, by its id: made once (the registry never changes), so a quick check looks its rule up once. */
const factsById: ReadonlyMap<string, RuleFacts> = new Map(rules.map((rule) => [rule.id, factsOf(rule)]));
const NO_OPTIONS: EvaluateOptions = Object.freeze({});

/** Runs one rule on raw inputs. Never throws: bad input, an unknown rule or a refusal is `{ ok: false, error }`. */
export function evaluate(ruleId: string, rawInputs: unknown, options: Pick<EvaluateOptions, 'parameters'> = NO_OPTIONS): Evaluation {
  const facts = factsById.get(ruleId);
  if (!facts) {
    return failure(ruleId, {
      code: 'unknown-rule',
      field: 'rule',
      message: { zh: `没有编号为“${ruleId}”的规则`, en: `There is no rule "${ruleId}"` },
    });
  }
  return evaluateWith(facts, rawInputs, options, successOf);
}

export function evaluateRule(rule: RuleDefinition, rawInputs: unknown, options: EvaluateOptions = NO_OPTIONS): Evaluation {
  return evaluateWith(factsOf(rule), rawInputs, options, successOf);
}

/** What a batch row keeps of an answer: the figures, the verdict and the warnings (and the figures by date); no steps or references. */
export type RowFigures = Pick<Success, 'ok' | 'rule' | 'result' | 'eligible' | 'failedConditions' | 'warnings' | 'byDate'>;
export type RowEvaluation = RowFigures | Failure;

/** How an evaluation that computed is answered, from its context, its formatted result and the clause it applied. */
type AnswerOf<E extends RowFigures> = (rule: RuleDefinition, ctx: Context, result: Record<string, unknown>, plan: PlanFacts) => E;

const successOf: AnswerOf<Success> = (rule, ctx, result, plan) => ({
  ok: true,
  rule: rule.id,
  result,
  eligible: ctx.failed.length === 0,
  failedConditions: ctx.failed,
  clause: plan.clauseRef!,
  policy: plan.policy,
  sources: rule.sources ?? [],
  rulesetVersion: RULESET_VERSION,
  steps: ctx.steps,
  warnings: ctx.warnings,
  interpretations: ctx.relied,
  hints: ctx.hints,
});

const figuresOf: AnswerOf<RowFigures> = (rule, ctx, result) => ({
  ok: true,
  rule: rule.id,
  result,
  eligible: ctx.failedGiven.length === 0,
  failedConditions: ctx.failedGiven as FailedCondition[],
  warnings: ctx.warningsGiven as Text[],
});

function evaluateWith<E extends RowFigures>(facts: RuleFacts, rawInputs: unknown, options: EvaluateOptions, answerOf: AnswerOf<E>): E | Failure {
  let input: Record<string, unknown>;
  try {
    input = coerceInputs(rawInputs ?? {}, facts.inputList);
  } catch (error) {
    return refusalOf(facts.rule, error);
  }
  // only inputs given as an object are evaluated again by date (the date is put beside them)
  return evaluateCoerced(facts, input, isRecord(rawInputs), options, answerOf);
}

/**
 * The evaluation of `evaluateRule` of a batch row, its inputs read by slot (`SlotValues`: from an object, or a table's
 * cells), answered with only what a batch row carries (nothing every row would repeat); `facts` are the rule's (a batch holds them).
 */
export function evaluateRow(slots: SlotValues, options: EvaluateOptions, facts: RuleFacts): RowEvaluation {
  let input: Record<string, unknown>;
  try {
    input = coerceInputSlots(slots, facts.inputList);
  } catch (error) {
    return refusalOf(facts.rule, error);
  }
  return evaluateCoerced(facts, input, true, options, figuresOf);
}

/** An evaluation of coerced inputs; `byDate`: whether an answer that could change with the date it was not given is answered on each date. */
function evaluateCoerced<E extends RowFigures>(
  facts: RuleFacts,
  input: Record<string, unknown>,
  byDate: boolean,
  options: EvaluateOptions,
  answerOf: AnswerOf<E>,
): E | Failure {
  let ctx: Context;
  try {
    ctx = contextFor(facts, input, options);
  } catch (error) {
    return refusalOf(facts.rule, error);
  }
  const answer = answerIn(facts, input, ctx, answerOf);
  // An answer given without a date, from a rule that looked for one: does it change inside the plan's window?
  if (!facts.windowed || !byDate || ctx.dateForWarning !== undefined) return answer;
  if (answer.ok ? !ctx.dateRead && !ctx.undatedReadChanges : answer.error.field !== 'date') return answer;
  return withAnswersByDate(facts, input, answer, options.parameters ?? servedParameters, options.readings);
}

/** The context a case is evaluated in: its date (given, or the rule's claim date), the batch's state and readings, or the readings lone evaluations share. */
function contextFor(facts: RuleFacts, input: Record<string, unknown>, options: EvaluateOptions): Context {
  const date = (input.date as string | undefined) ?? facts.rule.claimDate?.(input);
  const reused = options.rowContext;
  if (reused !== undefined) {
    reused.renew(date);
    return reused;
  }
  return new Context(
    date,
    options.batchState,
    options.explain,
    options.parameters,
    // a batch's own memo, else the one lone evaluations share
    options.readings ?? facts.sharedReadings(options.parameters ?? servedParameters),
  );
}

/**
 * One evaluation of coerced inputs in its context: the answer, or the refusal. After it, the context tells whether
 * the answer could depend on a date the case did not give: it read the date (`dateRead`) or a parameter on the plan date that changes within the window (`undatedReadChanges`).
 */
function answerIn<E extends RowFigures>(facts: RuleFacts, input: Record<string, unknown>, ctx: Context, answerOf: AnswerOf<E>): E | Failure {
  const rule = facts.rule;
  try {
    const plan = facts.ofPlan(ctx.plan);
    if (facts.windowed) checkValidity(rule, input, ctx, plan);
    clauseIn(rule, plan); // a plan without the clause the rule computes refuses
    ctx.dateRead = false;
    const raw = rule.compute(input, ctx);
    return answerOf(rule, ctx, facts.outputs.format(raw), plan);
  } catch (error) {
    return refusalOf(rule, error);
  }
}

/** A refusal (a RuleError) as the failure it is; anything else thrown is a bug, answered as an internal error. */
function refusalOf(rule: RuleDefinition, error: unknown): Failure {
  if (error instanceof RuleError) return failure(rule.id, error.body);
  return failure(rule.id, {
    code: 'internal-error',
    message: {
      zh: `规则“${rule.title.zh}”内部错误，请报告：${String(error)}`,
      en: `Internal error in rule ${rule.id}, please report it: ${String(error)}`,
    },
  });
}

/**
 * Generic, never by rule: the case is evaluated on the first day of every period of the window. If the
 * primary answer differs between periods, the answer says so first and gives the figure on each side;
 * a refusal that was only "the date is missing" then gives the figures too.
 */
function withAnswersByDate<E extends RowFigures>(
  facts: RuleFacts,
  input: Record<string, unknown>,
  answer: E | Failure,
  parameters: ParameterSet,
  readings: ReadingsMemo | undefined,
): E | Failure {
  // With no date, the plan applied is the latest one (see `planFor`): its window is cut.
  const rule = facts.rule;
  const periods = periodsOfWindow(planFor(undefined, parameters.plans), parameters);
  if (periods.length < 2) return answer;
  const byDate: DatedAnswer[] = [];
  for (const [from, to] of periods) {
    // Only the figures are needed (no steps), and not the batch's cross-row state: the row was already counted once.
    // The inputs were coerced once; a date as `from` is (a checked YYYY-MM-DD) coerces to itself.
    const datedInput = { ...input, date: from };
    let dated: RowEvaluation;
    try {
      dated = answerIn(facts, datedInput, contextFor(facts, datedInput, { explain: false, parameters, readings }), figuresOf);
    } catch (error) {
      dated = refusalOf(rule, error);
    }
    if (!dated.ok) return answer;
    byDate.push({ from, to, eligible: dated.eligible, result: dated.result });
  }
  const primary = rule.outputs.find((o) => o.name === rule.primary)!;
  const figures = byDate.map((d) => JSON.stringify([d.eligible, d.result[rule.primary]]));
  if (new Set(figures).size < 2) return answer;
  const notice = dateNotice(byDate, primary);
  if (answer.ok) return { ...answer, byDate, warnings: [notice, ...answer.warnings] };
  return { ...answer, error: { ...answer.error, message: notice }, byDate };
}

/** "未给出所涉日期，而奖励金额（每年）随日期而变：2024-12-01 之前 29,700.00 元；自 2024-12-01 起 34,050.00 元。请填写所涉日期" */
function dateNotice(byDate: DatedAnswer[], primary: OutputSpec): Text {
  const parts = byDate.map((d, i) => {
    const value = d.result[primary.name];
    const figure = typeof value === 'string' && primary.type === 'money' ? groupThousands(value) : String(value);
    const unit = (lang: 'zh' | 'en') => (primary.unit ? ` ${primary.unit[lang]}` : '');
    const when = periodLabel(byDate, i);
    return d.eligible
      ? { zh: `${when.zh} ${figure}${unit('zh')}`, en: `${figure}${unit('en')} ${when.en}` }
      : { zh: `${when.zh} 不符合条件`, en: `not eligible ${when.en}` };
  });
  return {
    zh: `未给出所涉日期，而${primary.label.zh}随日期而变：${parts.map((p) => p.zh).join('；')}。请填写所涉日期`,
    en: `No date given, and the ${primary.label.en.toLowerCase()} depends on it: ${parts.map((p) => p.en).join('; ')}. Give the date of the claim`,
  };
}
