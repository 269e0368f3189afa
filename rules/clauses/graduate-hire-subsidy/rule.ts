/**
 * Rule `graduate-hire-subsidy`, clause m3.2: an employer hiring a disabled new university graduate
 * (not on a public-welfare post) with a labour contract of one year or more (一年以上, inclusive) and
 * social insurance gets the plan's multiple of the local monthly minimum wage per person per year, for the plan's number of years.
 */
import { booleanInput, districtInput, monthlyMinWageInput, personsInput } from '../../core/common-specs.ts';
import { decimalOf, money, ZERO } from '../../core/decimal.ts';
import { units } from '../../core/labels.ts';
import { defineRule } from '../../core/rule.ts';
import { text } from '../../core/text.ts';
import { baotouPlan } from '../../parameters/plan.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';
import type { District } from '../../parameters/districts.ts';
import { givenMonthlyMinWage, resolveMonthlyMinWage } from '../../helpers/min-wage/rule.ts';
import { num } from '../../parameters/words.ts';

export const graduateHireSubsidy = defineRule({
  id: 'graduate-hire-subsidy',
  clause: clauses['m3.2'],
  kind: 'clause',
  title: text('安置应届高校毕业残疾人补贴', 'Subsidy for hiring disabled new graduates'),
  description: text(
    `签订一年以上劳动合同并办理社会保险（不含公益性岗位）：每人每年当地月最低工资标准${num(baotouPlan.graduateHire.minimumWageMultiplier)}倍，补贴${num(baotouPlan.graduateHire.subsidyYears)}年`,
    `Contract of a year or more with social insurance (not a public-welfare post): ${num(baotouPlan.graduateHire.minimumWageMultiplier)} × the monthly minimum wage per person per year, for ${num(baotouPlan.graduateHire.subsidyYears)} years`,
  ),
  inputs: [
    personsInput('persons', '安置人数', 'Graduates hired', { example: 2 }),
    monthlyMinWageInput,
    districtInput(false),
    {
      name: 'contractMonths',
      type: 'integer',
      required: true,
      min: 0,
      label: text('劳动合同期限', 'Contract length'),
      description: text(
        `劳动合同期限（月，须${num(baotouPlan.graduateHire.minContractMonths)}个月以上）`,
        `Labour contract length in months (${num(baotouPlan.graduateHire.minContractMonths)} or more)`,
      ),
      unit: units.months,
      example: 36,
    },
    booleanInput('socialInsurance', '是否办理社会保险', 'Social insurance paid', { example: true }),
    booleanInput('publicWelfarePost', '是否为公益性岗位', 'Public-welfare post', { required: false, default: false }),
    {
      name: 'subsidyYear',
      type: 'integer',
      min: 1,
      default: 1,
      label: text('补贴年度', 'Subsidy year'),
      description: text(
        `第几年申请补贴（1–${num(baotouPlan.graduateHire.subsidyYears)}）`,
        `Which year of the subsidy (1–${num(baotouPlan.graduateHire.subsidyYears)})`,
      ),
      unit: units.years,
    },
  ],
  outputs: [
    { name: 'amount', type: 'money', label: text('补贴金额（本年）', 'Subsidy this year'), unit: units.yuan },
    { name: 'monthlyMinWage', type: 'money', label: text('月最低工资标准', 'Monthly minimum wage'), unit: units.yuanPerMonth, optional: true },
  ],
  primary: 'amount',
  compute(input, ctx) {
    const p = ctx.at(baotouPlan.graduateHire);
    ctx.condition(input.contractMonths >= p.minContractMonths.value, 'contract-too-short', () => [
      `劳动合同 ${input.contractMonths} 个月，须一年（${p.minContractMonths.value} 个月）以上`,
      `contract of ${input.contractMonths} months; one year (${p.minContractMonths.value} months) or more is required`,
    ]);
    ctx.condition(input.socialInsurance, 'no-social-insurance', '未办理社会保险', 'no social insurance');
    ctx.condition(!input.publicWelfarePost, 'public-welfare-post', '公益性岗位不享受本项补贴', 'public-welfare posts are excluded');
    ctx.condition(input.subsidyYear <= p.subsidyYears.value, 'subsidy-years-used', () => [
      `第 ${input.subsidyYear} 年：补贴年限为 ${p.subsidyYears.value} 年`,
      `year ${input.subsidyYear}: the subsidy lasts ${p.subsidyYears.value} years`,
    ]);
    // Exclusions first: a failed condition gives 0 with its reason, and no wage is needed to say so.
    if (ctx.failed.length) {
      ctx.step(() => [
        `依据${ctx.plan.id} ${clauses['m3.2'].id}（不含公益性岗位；须签订一年以上劳动合同并办理社会保险；补贴年限 ${p.subsidyYears.value} 年）：不予补贴，补贴为0`,
        `Under plan clause ${clauses['m3.2'].id} (not a public-welfare post; a contract of a year or more with social insurance; for ${p.subsidyYears.value} years): no subsidy, 0`,
      ]);
      return { amount: ZERO, monthlyMinWage: givenMonthlyMinWage(input, ctx) };
    }
    const wage = resolveMonthlyMinWage(input, ctx);
    const multiplier = decimalOf(p.minimumWageMultiplier);
    const amount = multiplier.times(wage).times(input.persons);
    ctx.step(() => [
      `${input.persons} × ${multiplier.toFixed()} × ${money(wage)} = ${money(amount)}（第 ${input.subsidyYear} / ${p.subsidyYears.value} 年）`,
      `${input.persons} × ${multiplier.toFixed()} × ${money(wage)} = ${money(amount)} (year ${input.subsidyYear} of ${p.subsidyYears.value})`,
    ]);
    return { amount, monthlyMinWage: wage };
  },
});
