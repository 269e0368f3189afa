/**
 * Rule `rent-subsidy`, clause m9.2: a self-employed disabled person renting premises in Baotou,
 * whose entity has operated normally for a full year (满一年) and who applies within three years of
 * starting (三年内), gets min(actual monthly rent, the plan's cap) a month, for at most the plan's number of months
 * in total; shared between the city and the district by the plan's share. Blind-massage shops are outside this subsidy (interpretation `rent-blind-massage`).
 */
import { booleanInput, shareOutputs, type With } from '../../core/common-specs.ts';
import { Dec, decimalOf, money, ZERO } from '../../core/decimal.ts';
import { units } from '../../core/labels.ts';
import { defineRule } from '../../core/rule.ts';
import { splitShares } from '../../core/shares.ts';
import type { InputSpec } from '../../core/schema.ts';
import { text, type Text } from '../../core/text.ts';
import { baotouPlan } from '../../parameters/plan.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';
import { grouped, num, pct, pctEn } from '../../parameters/words.ts';

type MonthsSpec<N extends string> = { name: N; type: 'integer'; required: true; min: 0; label: Text; description: Text; unit: Text };
const monthsInput = <const N extends string, const E extends Partial<InputSpec>>(name: N, zh: string, en: string, extra: E): With<MonthsSpec<N>, E> =>
  ({ name, type: 'integer', required: true, min: 0, label: text(zh, en), description: text(zh, en), unit: units.months, ...extra }) as never;

/** More months operating than since starting: a warning whose words never change (one object for every row that gives it). */
const OPERATING_BEYOND_START = Object.freeze(text('运营月数大于创业月数，请核对', 'Months operating exceed months since starting; please check'));

/** The answer of a case outside the subsidy: nothing, one object for every such case. */
const NO_SUBSIDY = Object.freeze({ amount: ZERO, monthsGranted: 0, monthlySubsidy: ZERO, cityShare: ZERO, districtShare: ZERO });

export const rentSubsidy = defineRule({
  id: 'rent-subsidy',
  clause: clauses['m9.2'],
  kind: 'clause',
  title: text('自主创业残疾人场地租金补贴', 'Rent subsidy for self-employed disabled persons'),
  description: text(
    `正常运营满${num(baotouPlan.rentSubsidy.minMonthsOperating)}个月、自主创业${num(baotouPlan.rentSubsidy.applyWithinMonths)}个月内申请：按实际月租金、每月最高${num(baotouPlan.rentSubsidy.monthlyCap)}元补贴，累计不超过${num(baotouPlan.rentSubsidy.maxMonths)}个月，市级残联负担${pct(baotouPlan.rentSubsidy.cityShare)}；盲人按摩店除外`,
    `Operating ${num(baotouPlan.rentSubsidy.minMonthsOperating)} months and applying within ${num(baotouPlan.rentSubsidy.applyWithinMonths)} months of starting: actual rent up to ${grouped(baotouPlan.rentSubsidy.monthlyCap)} yuan a month, at most ${num(baotouPlan.rentSubsidy.maxMonths)} months in total, the city paying ${pctEn(baotouPlan.rentSubsidy.cityShare)}; blind-massage shops excluded`,
  ),
  inputs: [
    {
      name: 'monthlyRent',
      type: 'money',
      required: true,
      min: 0,
      label: text('实际月租金', 'Actual monthly rent'),
      aliases: ['月租金', '月租金额'],
      description: text('实际支付的场地月租金', 'Monthly rent actually paid'),
      unit: units.yuanPerMonth,
      example: 800,
    },
    monthsInput('months', '本次申请补贴月数', 'Months claimed now', { example: 12 }),
    monthsInput('monthsOperating', '取得营业执照后正常运营月数', 'Months operating since registration', { example: 14 }),
    monthsInput('monthsSinceStart', '自主创业至申请时的月数', 'Months since starting the business', { example: 14 }),
    monthsInput('monthsAlreadySubsidised', '已享受补贴月数', 'Months already subsidised', { required: false, default: 0 }),
    booleanInput('blindMassageShop', '是否为盲人按摩店', 'Blind-massage shop', { required: false, default: false }),
  ],
  outputs: [
    { name: 'amount', type: 'money', label: text('补贴金额', 'Subsidy'), unit: units.yuan },
    { name: 'monthsGranted', type: 'integer', label: text('补贴月数', 'Months granted'), unit: units.months },
    { name: 'monthlySubsidy', type: 'money', label: text('月补贴额', 'Monthly subsidy'), unit: units.yuanPerMonth },
    ...shareOutputs,
  ],
  primary: 'amount',
  compute(input, ctx) {
    const p = ctx.at(baotouPlan.rentSubsidy);
    const cap = decimalOf(p.monthlyCap);
    if (input.blindMassageShop) {
      ctx.rely('rent-blind-massage');
      ctx.condition(false, 'blind-massage-shop', '盲人按摩店不适用本项场地租金补贴', 'blind-massage shops are outside this rent subsidy');
      return NO_SUBSIDY;
    }
    ctx.condition(input.monthsOperating >= p.minMonthsOperating.value, 'operating-less-than-a-year', () => [
      `正常运营 ${input.monthsOperating} 个月，未满 ${p.minMonthsOperating.value} 个月`,
      `operating ${input.monthsOperating} months, less than the full ${p.minMonthsOperating.value}`,
    ]);
    ctx.condition(input.monthsSinceStart <= p.applyWithinMonths.value, 'applied-after-three-years', () => [
      `自主创业已 ${input.monthsSinceStart} 个月，须在 ${p.applyWithinMonths.value} 个月内申请`,
      `${input.monthsSinceStart} months since starting; the application must come within ${p.applyWithinMonths.value}`,
    ]);
    const remaining = Math.max(0, p.maxMonths.value - input.monthsAlreadySubsidised);
    ctx.condition(remaining > 0, 'subsidy-months-used', () => [
      `已享受 ${input.monthsAlreadySubsidised} 个月，累计不超过 ${p.maxMonths.value} 个月`,
      `${input.monthsAlreadySubsidised} months already subsidised; at most ${p.maxMonths.value} in total`,
    ]);
    if (input.monthsOperating > input.monthsSinceStart) ctx.warnFixed(OPERATING_BEYOND_START);
    if (ctx.failed.length) return NO_SUBSIDY;
    const monthlySubsidy = Dec.min(input.monthlyRent, cap);
    ctx.step(() => {
      const rent = money(input.monthlyRent);
      const capShown = money(cap);
      return input.monthlyRent.lt(cap)
        ? [`实际租金 ${rent} 元低于 ${capShown} 元：按实际租金补贴`, `Actual rent ${rent} is below ${capShown}: the actual rent is paid`]
        : [`实际租金 ${rent} 元，每月最高 ${capShown} 元`, `Actual rent ${rent}, capped at ${capShown} a month`];
    });
    const monthsGranted = Math.min(input.months, remaining);
    if (monthsGranted < input.months) {
      ctx.step(() => [
        `累计上限 ${p.maxMonths.value} 个月，已享受 ${input.monthsAlreadySubsidised} 个月：本次只可补 ${monthsGranted} 个月`,
        `At most ${p.maxMonths.value} months in total, ${input.monthsAlreadySubsidised} used: ${monthsGranted} months can be paid now`,
      ]);
    }
    const amount = monthlySubsidy.times(monthsGranted);
    ctx.step(() => {
      const product = `${money(monthlySubsidy)} × ${monthsGranted} = ${money(amount)}`;
      return [product, product];
    });
    const shares = splitShares(amount, decimalOf(p.cityShare), ctx);
    const left = remaining - monthsGranted;
    ctx.hint(() => [`此后还可补贴 ${left} 个月`, `${left} more months can be subsidised later`]);
    return { amount, monthsGranted, monthlySubsidy, cityShare: shares.cityShare, districtShare: shares.districtShare };
  },
});
