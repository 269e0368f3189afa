/**
 * Rule `blind-massage-insurance-subsidy`, clause m8.2: the plan's share of the social insurance a blind masseur
 * actually paid in the previous year, for at most (不超过, inclusive) the plan's number of years per person.
 */
import { decimalOf, money, percent, ZERO } from '../../core/decimal.ts';
import { units } from '../../core/labels.ts';
import { defineRule } from '../../core/rule.ts';
import { text } from '../../core/text.ts';
import { baotouPlan } from '../../parameters/plan.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';
import { num, pct, pctEn } from '../../parameters/words.ts';

export const blindMassageInsuranceSubsidy = defineRule({
  id: 'blind-massage-insurance-subsidy',
  clause: clauses['m8.2'],
  kind: 'clause',
  title: text('盲人按摩从业人员社会保险补贴', 'Social-insurance subsidy for blind masseurs'),
  description: text(
    `按上一年度实际缴纳社会保险金额的${pct(baotouPlan.blindMassageInsurance.share)}补贴，每人不超过${num(baotouPlan.blindMassageInsurance.maxYears)}年`,
    `${pctEn(baotouPlan.blindMassageInsurance.share)} of the social insurance paid in the previous year, at most ${num(baotouPlan.blindMassageInsurance.maxYears)} years per person`,
  ),
  inputs: [
    {
      name: 'insurancePaidLastYear',
      type: 'money',
      required: true,
      min: 0,
      label: text('上一年度实际缴纳社保金额', 'Social insurance paid last year'),
      description: text('上一年度实际缴纳的社会保险金额（元）', 'Social insurance actually paid in the previous year (yuan)'),
      unit: units.yuan,
      example: '12345.67',
    },
    {
      name: 'yearsAlreadySubsidised',
      type: 'integer',
      min: 0,
      default: 0,
      label: text('已享受补贴年数', 'Years already subsidised'),
      description: text('此前已享受本项补贴的年数', 'Years this subsidy was already received'),
      unit: units.years,
    },
  ],
  outputs: [
    { name: 'amount', type: 'money', label: text('补贴金额', 'Subsidy'), unit: units.yuan },
    { name: 'yearsRemaining', type: 'integer', label: text('剩余可补贴年数', 'Years remaining'), unit: units.years },
  ],
  primary: 'amount',
  compute(input, ctx) {
    const { share, maxYears } = ctx.at(baotouPlan.blindMassageInsurance);
    const rate = decimalOf(share);
    const eligible = ctx.condition(input.yearsAlreadySubsidised < maxYears.value, 'subsidy-years-used', () => [
      `已享受 ${input.yearsAlreadySubsidised} 年，每人不超过 ${maxYears.value} 年`,
      `${input.yearsAlreadySubsidised} years already subsidised; at most ${maxYears.value} years per person`,
    ]);
    const yearsRemaining = Math.max(0, maxYears.value - input.yearsAlreadySubsidised - (eligible ? 1 : 0));
    if (!eligible) return { amount: ZERO, yearsRemaining: 0 };
    const amount = input.insurancePaidLastYear.times(rate);
    ctx.step(() => [
      `${money(input.insurancePaidLastYear)} × ${percent(rate)} = ${amount.toFixed()}，四舍五入到分：${money(amount)}`,
      `${money(input.insurancePaidLastYear)} × ${percent(rate)} = ${amount.toFixed()}, rounded half up to 0.01: ${money(amount)}`,
    ]);
    ctx.step(() => [
      `本年为第 ${input.yearsAlreadySubsidised + 1} 年，之后还可补贴 ${yearsRemaining} 年`,
      `This is year ${input.yearsAlreadySubsidised + 1}; ${yearsRemaining} more years possible afterwards`,
    ]);
    return { amount, yearsRemaining };
  },
});
