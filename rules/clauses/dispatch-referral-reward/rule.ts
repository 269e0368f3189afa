/**
 * Rule `dispatch-referral-reward`, clause m3.2: a labour-dispatch agency gets the plan's reward for each
 * disabled person it placed who signed a labour contract and stayed employed a year or more (一年以上, inclusive).
 */
import { personsInput } from '../../core/common-specs.ts';
import { Dec, decimalOf, money } from '../../core/decimal.ts';
import { fail } from '../../core/errors.ts';
import { units } from '../../core/labels.ts';
import { defineRule } from '../../core/rule.ts';
import { text } from '../../core/text.ts';
import { baotouPlan } from '../../parameters/plan.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';
import { num } from '../../parameters/words.ts';

export const dispatchReferralReward = defineRule({
  id: 'dispatch-referral-reward',
  clause: clauses['m3.2'],
  kind: 'clause',
  title: text('劳务派遣机构推荐残疾人就业补贴', 'Referral reward for labour-dispatch agencies'),
  description: text(
    `推荐残疾人签订劳动合同并稳定就业一年以上，每安置1人奖励${num(baotouPlan.dispatchReferral.rewardPerPerson)}元`,
    `${num(baotouPlan.dispatchReferral.rewardPerPerson)} yuan per disabled person placed who stays employed a year or more`,
  ),
  inputs: [
    personsInput('persons', '推荐安置人数', 'Persons placed', { required: false, example: 3 }),
    {
      name: 'employedMonths',
      type: 'integer-list',
      min: 0,
      label: text('每人已就业月数', 'Months employed, per person'),
      description: text('每名被安置者已稳定就业的月数，如 "14,12,7"', 'Months each placed person has been employed, e.g. "14,12,7"'),
      unit: units.months,
      example: '14,12,7',
    },
    personsInput('personsStable12Months', '稳定就业满一年人数', `Persons employed ${num(baotouPlan.dispatchReferral.minEmployedMonths)} months or more`, {
      required: false,
    }),
  ],
  outputs: [
    { name: 'amount', type: 'money', label: text('奖励金额', 'Reward'), unit: units.yuan },
    { name: 'qualifyingPersons', type: 'integer', label: text('符合人数', 'Qualifying persons'), unit: units.persons },
  ],
  primary: 'amount',
  compute(input, ctx) {
    const p = ctx.at(baotouPlan.dispatchReferral);
    const minMonths = p.minEmployedMonths.value;
    let qualifying: number;
    const employedMonths = input.employedMonths;
    if (employedMonths !== undefined) {
      if (input.persons !== undefined && input.persons !== employedMonths.length) {
        fail(
          'inconsistent-input',
          `推荐安置人数为 ${input.persons}，但每人已就业月数列了 ${employedMonths.length} 人`,
          `persons is ${input.persons} but employedMonths lists ${employedMonths.length} people`,
          'employedMonths',
        );
      }
      qualifying = employedMonths.filter((m) => m >= minMonths).length;
      ctx.step(() => [
        `${employedMonths.length} 人中就业满 ${minMonths} 个月的：${qualifying} 人`,
        `${qualifying} of ${employedMonths.length} persons employed ${minMonths} months or more`,
      ]);
      const waiting = employedMonths.filter((m) => m < minMonths).map((m) => minMonths - m);
      if (waiting.length) {
        ctx.hint(() => [
          `另有 ${waiting.length} 人未满一年，最快 ${Math.min(...waiting)} 个月后可符合`,
          `${waiting.length} more persons qualify once employed a full year; the nearest in ${Math.min(...waiting)} months`,
        ]);
      }
    } else if (input.personsStable12Months !== undefined) {
      if (input.persons !== undefined && input.personsStable12Months > input.persons) {
        fail(
          'inconsistent-input',
          `稳定就业满一年人数 ${input.personsStable12Months} 大于推荐安置人数 ${input.persons}`,
          `personsStable12Months ${input.personsStable12Months} exceeds persons ${input.persons}`,
          'personsStable12Months',
        );
      }
      qualifying = input.personsStable12Months;
      ctx.step(() => [`稳定就业满一年：${qualifying} 人`, `Employed a full year: ${qualifying} persons`]);
    } else {
      fail('missing-input', '请填写每人已就业月数，或稳定就业满一年人数', 'Give employedMonths (per person) or personsStable12Months', 'employedMonths');
    }
    const perPerson = decimalOf(p.rewardPerPerson);
    const amount = perPerson.times(qualifying);
    ctx.step(() => [`${qualifying} × ${money(perPerson)} = ${money(amount)}`, `${qualifying} × ${money(perPerson)} = ${money(amount)}`]);
    return { amount, qualifyingPersons: qualifying };
  },
});
