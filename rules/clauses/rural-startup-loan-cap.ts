/**
 * Rule `rural-startup-loan-cap`, clause m6.2: a guaranteed start-up loan for eligible rural and
 * pastoral disabled persons of at most (最高不超过, inclusive) 200,000 yuan.
 */
import { Dec, decimalOf, money } from '../core/decimal.ts';
import { units } from '../core/labels.ts';
import { defineRule } from '../core/rule.ts';
import { text } from '../core/text.ts';
import { baotouPlan } from '../parameters/plan.ts';
import { clauses } from '../plans/baotou-2023-43/clauses.ts';
import { grouped, wan } from '../parameters/words.ts';

export const ruralStartupLoanCap = defineRule({
  id: 'rural-startup-loan-cap',
  clause: clauses['m6.2'],
  kind: 'clause',
  title: text('农村牧区创业担保贷款额度', 'Rural start-up guaranteed loan cap'),
  description: text(
    `自主创业符合条件的农村牧区残疾人可申请最高不超过${wan(baotouPlan.ruralStartupLoan.cap)}元的创业担保贷款`,
    `Eligible rural and pastoral disabled entrepreneurs may borrow at most ${grouped(baotouPlan.ruralStartupLoan.cap)} yuan`,
  ),
  inputs: [
    {
      name: 'requestedAmount',
      type: 'money',
      required: true,
      min: 0,
      label: text('申请贷款金额', 'Requested amount'),
      description: text('申请的创业担保贷款金额（元）', 'Guaranteed start-up loan requested (yuan)'),
      unit: units.yuan,
      example: 150000,
    },
  ],
  outputs: [
    { name: 'ok', type: 'boolean', label: text('是否在额度内', 'Within the cap') },
    { name: 'cap', type: 'money', label: text('最高额度', 'Cap'), unit: units.yuan },
    { name: 'allowedAmount', type: 'money', label: text('可贷金额', 'Amount allowed'), unit: units.yuan },
  ],
  primary: 'ok',
  compute(input, ctx) {
    const cap = decimalOf(ctx.at(baotouPlan.ruralStartupLoan.cap));
    const ok = input.requestedAmount.lte(cap);
    ctx.step(() => [
      `申请 ${money(input.requestedAmount)} 元 ${ok ? '≤' : '>'} 最高 ${money(cap)} 元（含）`,
      `Requested ${money(input.requestedAmount)} ${ok ? '≤' : '>'} cap ${money(cap)} yuan (inclusive)`,
    ]);
    if (!ok) ctx.hint(() => [`须减少 ${money(input.requestedAmount.minus(cap))} 元`, `Reduce by ${money(input.requestedAmount.minus(cap))} yuan`]);
    return { ok, cap, allowedAmount: Dec.min(input.requestedAmount, cap) };
  },
});
