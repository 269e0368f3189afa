/**
 * A what-if quick check: one case answered twice by the same rule, on the stored parameters (the
 * baseline) and with the overrides (the reform), with the difference of the primary output.
 */
import { Dec, money } from '../core/decimal.ts';
import type { RuleDefinition } from '../core/rule.ts';
import { evaluateRule, type Evaluation } from '../evaluate.ts';
import { echoOverrides, WHATIF_MARK, type Overrides } from './overrides.ts';
import type { Text } from '../core/text.ts';
import type { ParameterSet } from '../parameters/index.ts';
import { valueOn, type Parameter } from '../parameters/types.ts';
import { planDateFor, planFor } from '../plans/index.ts';

export interface WhatIfCheck {
  whatif: true;
  /** 测算 / What-if: never an answer to a claim. */
  mark: Text;
  rule: string;
  overrides: ReturnType<typeof echoOverrides>;
  baseline: Evaluation;
  reform: Evaluation;
  /** reform − baseline of the primary output, where both are numbers (money printed to the fen). */
  change?: string;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** reform − baseline of a primary value: money to the fen, other numbers exactly; undefined for anything else. */
export function changeOf(rule: Pick<RuleDefinition, 'outputs' | 'primary'>, baseline: unknown, reform: unknown): string | undefined {
  const numeric = (v: unknown) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && NUMBER.test(v));
  if (!numeric(baseline) || !numeric(reform)) return undefined;
  const d = new Dec(reform as string | number).minus(new Dec(baseline as string | number));
  return rule.outputs.find((o) => o.name === rule.primary)?.type === 'money' ? money(d) : d.toFixed();
}

/** The date the overrides' current values are read on: the case's own date, else today. */
const dateOf = (inputs: unknown) => {
  const d = (inputs as { date?: unknown } | null)?.date;
  return typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : new Date().toISOString().slice(0, 10);
};

/**
 * The overrides' set, seen through getters that note each overridden parameter an evaluation looks up:
 * so the steps name only what the case read. (The set itself stays as it is; the view is made per check.)
 */
function noting(overrides: Overrides): { parameters: ParameterSet; read: Set<string> } {
  const read = new Set<string>();
  const byId: Record<string, Parameter> = { ...overrides.parameters.byId };
  for (const { parameter: id } of overrides.list) {
    const p = overrides.parameters.byId[id];
    Object.defineProperty(byId, id, { get: () => (read.add(id), p), enumerable: true });
  }
  return { parameters: Object.freeze({ ...overrides.parameters, byId: Object.freeze(byId) }), read };
}

/** The date a parameter is read on for these inputs: a plan's number on the plan date, any other on the claim's date. */
function readDate(parameter: Parameter, inputs: unknown, set: ParameterSet): string {
  const d = (inputs as { date?: unknown } | null)?.date;
  const date = typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : undefined;
  return parameter.plan || date === undefined ? planDateFor(planFor(date, set.plans), date) : date;
}

/** 测算：<description>（<id>）由 <stored> 改为 <used>: one step per overridden parameter the case read. */
function overrideSteps(overrides: Overrides, read: ReadonlySet<string>, inputs: unknown): Text[] {
  return [...read].map((id) => {
    const parameter = overrides.base.byId[id];
    const date = readDate(parameter, inputs, overrides.base);
    const stored = valueOn(parameter, date)?.value ?? null;
    const used = valueOn(overrides.parameters.byId[id], date)?.value ?? null;
    return {
      zh: `测算：${parameter.description.zh}（${id}）由 ${stored ?? '无'} 改为 ${used ?? '无'}`,
      en: `What-if: ${id} (${parameter.description.en}) changed from ${stored ?? 'none'} to ${used ?? 'none'}`,
    };
  });
}

export function whatIfCheck(rule: RuleDefinition, inputs: unknown, overrides: Overrides): WhatIfCheck {
  const baseline = evaluateRule(rule, inputs, { parameters: overrides.base });
  const view = noting(overrides);
  const evaluated = evaluateRule(rule, inputs, { parameters: view.parameters });
  const reform = evaluated.ok ? { ...evaluated, steps: [...overrideSteps(overrides, view.read, inputs), ...evaluated.steps] } : evaluated;
  const out: WhatIfCheck = { whatif: true, mark: WHATIF_MARK, rule: rule.id, overrides: echoOverrides(overrides, dateOf(inputs)), baseline, reform };
  if (baseline.ok && reform.ok) {
    const change = changeOf(rule, baseline.result[rule.primary], reform.result[rule.primary]);
    if (change !== undefined) out.change = change;
  }
  return out;
}
