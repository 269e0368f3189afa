/**
 * Rule `overquota-reward`, clause m3.2: units whose counted disabled employees exceed (超过, strictly)
 * the quota share of in-service staff get, per whole person above the quota, the plan's multiple of the local
 * monthly minimum wage per year. Fiscal-funded units and centralized-employment institutions are excluded.
 * Interpretations: `overquota-whole-persons`, `min-wage-date`.
 */
import { count, decimalOf, money, ONE, percent, plain, ZERO, type Dec } from '../../core/decimal.ts';
import { disabledCountedInput, districtInput, monthlyMinWageInput, totalStaffInput } from '../../core/common-specs.ts';
import { fail } from '../../core/errors.ts';
import { units } from '../../core/labels.ts';
import { defineRule } from '../../core/rule.ts';
import { text } from '../../core/text.ts';
import { baotouPlan } from '../../parameters/plan.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';
import type { District } from '../../parameters/districts.ts';
import { headcount, quota } from '../../parameters/inner-mongolia.ts';
import { documentsOf } from '../../parameters/types.ts';
import { givenMonthlyMinWage, resolveMonthlyMinWage } from '../../helpers/min-wage/rule.ts';
import { num, pct, pctEn } from '../../parameters/words.ts';

type UnitKind = 'enterprise' | 'fiscal-funded' | 'centralized-employment';

/** The numbers the reward reads, read together (in this order: the first without a value on the date is the one refused). */
const parametersRead = {
  ratio: quota.ratio,
  multiplier: baotouPlan.overquotaReward.minimumWageMultiplier,
  doubleWeight: headcount.doubleWeight,
};

/**
 * The end of the step of a case not above the quota, for the quota share: made once per share (a parameter), its
 * share and Chinese words being a join too short for V8 to keep as a pair (copied in its runtime, every time).
 */
const notAboveEnds = new WeakMap<Dec, string>();
function notAboveEnd(ratio: Dec): string {
  let end = notAboveEnds.get(ratio);
  if (end === undefined) notAboveEnds.set(ratio, (end = `（须“超过”${percent(ratio)}）：0 人超比例`));
  return end;
}

export const overquotaReward = defineRule({
  id: 'overquota-reward',
  clause: clauses['m3.2'],
  kind: 'clause',
  title: text('超比例安排残疾人就业奖励', `Reward for employing disabled persons above the ${pctEn(quota.ratio)} quota`),
  description: text(
    `安排残疾人就业超过在职职工总数${pct(quota.ratio)}的用人单位，每超额安排1名残疾人，每年奖励当地月最低工资标准的${num(baotouPlan.overquotaReward.minimumWageMultiplier)}倍`,
    `Per whole disabled person above ${pctEn(quota.ratio)} of in-service staff, ${num(baotouPlan.overquotaReward.minimumWageMultiplier)} × the local monthly minimum wage per year`,
  ),
  sources: documentsOf(quota.ratio),
  inputs: [
    totalStaffInput({ description: text('本单位在职职工总数（人）', 'Total in-service staff of the unit'), example: 400 }),
    disabledCountedInput({ example: 9 }),
    monthlyMinWageInput,
    districtInput(false),
    {
      name: 'unitKind',
      type: 'choice',
      default: 'enterprise',
      label: text('单位类型', 'Kind of unit'),
      description: text(
        '用人单位类型；财政拨款单位和集中安排残疾人就业机构不享受',
        'Kind of unit; fiscal-funded units and centralized-employment institutions are excluded',
      ),
      choices: [
        { value: 'enterprise', label: text('用人单位（企业等）', 'employer (enterprise etc.)'), aliases: ['企业', '用人单位'] },
        { value: 'fiscal-funded', label: text('财政拨款的单位', 'fiscal-funded unit'), aliases: ['财政拨款单位'] },
        { value: 'centralized-employment', label: text('集中安排残疾人就业机构', 'centralized-employment institution'), aliases: ['集中安排'] },
      ],
    },
  ],
  outputs: [
    { name: 'amount', type: 'money', label: text('奖励金额（每年）', 'Reward per year'), unit: units.yuan },
    { name: 'excessPersons', type: 'integer', label: text('超比例人数', 'Persons above the quota'), unit: units.persons },
    { name: 'quotaPersons', type: 'decimal', label: text(`${pct(quota.ratio)}对应人数`, `${pctEn(quota.ratio)} of staff`), unit: units.persons },
    { name: 'monthlyMinWage', type: 'money', label: text('月最低工资标准', 'Monthly minimum wage'), unit: units.yuanPerMonth, optional: true },
  ],
  primary: 'amount',
  compute(input, ctx) {
    const read = ctx.at(parametersRead);
    const ratio = decimalOf(read.ratio);
    const multiplier = decimalOf(read.multiplier);
    const maxWeight = read.doubleWeight.value;
    if (input.disabledCounted.gt(input.totalStaff * maxWeight)) {
      fail(
        'inconsistent-input',
        `残疾职工折算人数 ${plain(input.disabledCounted)} 超过在职职工总数的 ${maxWeight} 倍，无法成立`,
        `disabledCounted ${plain(input.disabledCounted)} is more than ${maxWeight} × totalStaff: impossible`,
        'disabledCounted',
      );
    }
    const quotaPersons = ratio.times(input.totalStaff);
    // The words are made only when explaining (a batch row has none), in blocks rather than a render per step: this rule's explanation is on the quick check's hot path.
    if (ctx.explain) {
      const product = `${percent(ratio)} × ${count(input.totalStaff)} = ${plain(quotaPersons)}`;
      ctx.step(product, product);
    }
    if (input.unitKind !== 'enterprise') {
      // Exclusions first: an excluded unit gets 0 with the reason, whatever its wage (none is needed).
      const kind =
        input.unitKind === 'fiscal-funded'
          ? text('财政拨款的单位', 'fiscal-funded units')
          : text('集中安排残疾人就业机构', 'centralized-employment institutions');
      ctx.condition(false, 'excluded-unit-kind', () => [
        `${kind.zh}不享受超比例奖励（${ctx.plan.id} ${clauses['m3.2'].id}：“不含财政拨款的单位和集中安排残疾人就业机构”）`,
        `${kind.en} are excluded from the reward (plan clause ${clauses['m3.2'].id})`,
      ]);
      return { amount: ZERO, excessPersons: 0, quotaPersons, monthlyMinWage: givenMonthlyMinWage(input, ctx) };
    }
    const above = input.disabledCounted.minus(quotaPersons);
    const aboveQuota = above.gt(0);
    // whole persons above the quota (none at or below it)
    const excessPersons = aboveQuota ? above.floor() : ZERO;
    ctx.rely('overquota-whole-persons');
    if (ctx.explain && aboveQuota) {
      // Joined from the right, so that a figure meets the "−" (or the Chinese words, below) in a join long enough for V8
      // to keep as a pair: a short join of Latin and Chinese text is copied in its runtime, several times dearer.
      const difference = plain(input.disabledCounted) + (' − ' + (plain(quotaPersons) + (' = ' + plain(above))));
      const persons = plain(excessPersons);
      ctx.step(`${difference}，取整 ${persons} 人超比例`, `${difference}; ${persons} whole persons above the quota`);
    } else if (ctx.explain) {
      const counted = plain(input.disabledCounted);
      const quotaShown = plain(quotaPersons);
      const share = percent(ratio);
      // joined from the right, as above, onto the step's end made once per quota share
      ctx.step(
        counted + (' 未超过 ' + (quotaShown + notAboveEnd(ratio))),
        `${counted} does not exceed ${quotaShown} (must be strictly above ${share}): 0 persons above the quota`,
      );
    }
    if (excessPersons.isZero()) {
      // No whole person above the quota: 0, and no wage is needed to say so.
      const wage = givenMonthlyMinWage(input, ctx);
      if (ctx.explain) {
        const moreNeeded = plain(ONE.minus(above)); // the quota + 1 − counted
        ctx.hint('再增加 ' + (moreNeeded + ' 名折算残疾职工，可得奖励'), `${moreNeeded} more counted disabled employees earn the reward`);
      }
      return { amount: ZERO, excessPersons: 0, quotaPersons, monthlyMinWage: wage };
    }
    const wage = resolveMonthlyMinWage(input, ctx);
    // the plan's multiple of the wage, per whole person above the quota and year
    const perPerson = multiplier.times(wage);
    const amount = excessPersons.times(perPerson);
    if (ctx.explain) {
      const product = `${plain(excessPersons)} × ${plain(multiplier)} × ${money(wage)} = ${money(amount)}`;
      ctx.step(product, product);
      const moreNeeded = plain(excessPersons.plus(1).minus(above)); // the quota + the persons above + 1 − counted
      const more = money(perPerson);
      ctx.hint(
        '再增加 ' + (moreNeeded + ` 名折算残疾职工，可再多得 ${more} 元/年`),
        `${moreNeeded} more counted disabled employees reach the next step (+${more} yuan a year)`,
      );
    }
    return { amount, excessPersons: excessPersons.toNumber(), quotaPersons, monthlyMinWage: wage };
  },
});
