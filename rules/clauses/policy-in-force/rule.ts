/**
 * Rule `policy-in-force`, clause 四: whether a date falls in the plan's validity window — in force
 * the plan's number of days after publication (interpretation `effective-date`) until its last day, both inclusive.
 */
import { addDays } from '../../core/dates.ts';
import { defineRule } from '../../core/rule.ts';
import { text } from '../../core/text.ts';
import { baotouPlan } from '../../parameters/plan.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';
import type { Plan } from '../../plans/index.ts';

/** The first day a plan is in force, `days` after its publication: found once per plan and number of days (a batch's rows share them). */
const firstDays = new WeakMap<Plan, Map<number, string>>();
function inForceFrom(plan: Plan, days: number): string {
  let byDays = firstDays.get(plan);
  if (!byDays) firstDays.set(plan, (byDays = new Map()));
  let from = byDays.get(days);
  if (from === undefined) byDays.set(days, (from = addDays(plan.publishedOn, days)));
  return from;
}

export const policyInForce = defineRule({
  id: 'policy-in-force',
  clause: clauses.四,
  kind: 'clause',
  answersValidity: true,
  title: text('方案是否有效', 'Is the plan in force'),
  description: text(
    '某日是否在某一方案的施行期内（各方案的有效期见 /v1/policies）',
    'Whether a date is within a plan’s validity (each plan’s window: /v1/policies)',
  ),
  inputs: [
    {
      name: 'date',
      type: 'date',
      required: true,
      label: text('日期', 'Date'),
      description: text('要判断的日期 YYYY-MM-DD', 'The date to check, YYYY-MM-DD'),
      example: '2024-06-30',
    },
  ],
  outputs: [
    { name: 'inForce', type: 'boolean', label: text('是否有效', 'In force') },
    { name: 'validFrom', type: 'date', label: text('施行日', 'In force from') },
    { name: 'validTo', type: 'date', label: text('有效期至', 'Valid until') },
  ],
  primary: 'inForce',
  compute(input, ctx) {
    const policy = ctx.plan;
    const effectiveAfterDays = ctx.at(baotouPlan.validity.effectiveAfterDays);
    const from = inForceFrom(policy, effectiveAfterDays.value);
    ctx.rely('effective-date');
    ctx.step(() => [
      `${policy.publishedOn} 发布，${effectiveAfterDays.value} 日后施行：${from}；有效期至 ${policy.validTo}`,
      `Published ${policy.publishedOn}, in force ${effectiveAfterDays.value} days later: ${from}; valid until ${policy.validTo}`,
    ]);
    const inForce = input.date >= from && input.date <= policy.validTo;
    ctx.step(() => [
      inForce ? `${input.date} 在有效期内` : `${input.date} 不在有效期内`,
      inForce ? `${input.date} is within the validity` : `${input.date} is outside the validity`,
    ]);
    return { inForce, validFrom: from, validTo: policy.validTo };
  },
});
