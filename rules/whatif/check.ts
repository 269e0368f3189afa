/**
 * A what-if quick check: one case answered twice by the same rule, on the stored parameters (the
 * baseline) and with the overrides (the reform), with the difference of the primary output.
 */
import { Dec, money } from '../core/decimal.ts';
import type { RuleDefinition } from '../core/rule.ts';
import { evaluateRule, type Evaluation } from '../evaluate.ts';
import { echoOverrides, WHATIF_MARK, type Overrides } from './overrides.ts';
import type { Text } from '../core/text.ts';

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

export function whatIfCheck(rule: RuleDefinition, inputs: unknown, overrides: Overrides): WhatIfCheck {
  const baseline = evaluateRule(rule, inputs);
  const reform = evaluateRule(rule, inputs, { overrides });
  const out: WhatIfCheck = { whatif: true, mark: WHATIF_MARK, rule: rule.id, overrides: echoOverrides(overrides, dateOf(inputs)), baseline, reform };
  if (baseline.ok && reform.ok) {
    const change = changeOf(rule, baseline.result[rule.primary], reform.result[rule.primary]);
    if (change !== undefined) out.change = change;
  }
  return out;
}
