/**
 * Rule `rural-training-subsidy`, clause m6.3: practical-skills training for rural and pastoral
 * disabled persons of at least the plan's days (and class hours), the plan's standard per person on average,
 * shared between the city and the district DPF by the plan's share (interpretation `share-rounding`).
 */
import { defineRule } from '../../core/rule.ts';
import { text } from '../../core/text.ts';
import { baotouPlan } from '../../parameters/plan.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';
import { checkTrainingLength, trainingAmount, trainingInputs, trainingOutputs } from '../../helpers/training/training.ts';
import { grouped, num, pct, pctEn } from '../../parameters/words.ts';

export const ruralTrainingSubsidy = defineRule({
  id: 'rural-training-subsidy',
  clause: clauses['m6.3'],
  kind: 'clause',
  title: text('农村牧区困难残疾人实用技术培训补贴', 'Rural practical-skills training subsidy'),
  description: text(
    `培训不少于${num(baotouPlan.ruralTraining.minDays)}天（${num(baotouPlan.ruralTraining.minClassHours)}课时），平均每人${num(baotouPlan.ruralTraining.perPerson)}元，市级残联负担${pct(baotouPlan.ruralTraining.cityShare)}`,
    `At least ${num(baotouPlan.ruralTraining.minDays)} days (${num(baotouPlan.ruralTraining.minClassHours)} class hours); ${grouped(baotouPlan.ruralTraining.perPerson)} yuan per person on average; the city pays ${pctEn(baotouPlan.ruralTraining.cityShare)}`,
  ),
  inputs: trainingInputs({ example: 20 }),
  outputs: trainingOutputs,
  primary: 'amount',
  compute(input, ctx) {
    const p = ctx.at(baotouPlan.ruralTraining);
    checkTrainingLength(input, p, ctx);
    return trainingAmount(input, p, ctx);
  },
});
