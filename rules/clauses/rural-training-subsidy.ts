/**
 * Rule `rural-training-subsidy`, clause m6.3: practical-skills training for rural and pastoral
 * disabled persons of at least 5 days (40 class hours), 1,500 yuan per person on average,
 * paid 50 % by the city and 50 % by the district DPF (interpretation `share-rounding`).
 */
import { defineRule } from '../core/rule.ts';
import { text } from '../core/text.ts';
import { baotouPlan } from '../parameters/plan.ts';
import { clauses } from '../parameters/clauses.ts';
import { checkTrainingLength, trainingAmount, trainingInputs, trainingOutputs, type TrainingInputs } from './training.ts';

export const ruralTrainingSubsidy = defineRule<TrainingInputs>({
  id: 'rural-training-subsidy',
  clause: clauses['m6.3'],
  kind: 'clause',
  title: text('农村牧区困难残疾人实用技术培训补贴', 'Rural practical-skills training subsidy'),
  description: text('培训不少于5天（40课时），平均每人1500元，市、旗县区各负担50%', 'At least 5 days (40 class hours); 1,500 yuan per person on average; city and district pay 50 % each'),
  inputs: trainingInputs(),
  outputs: trainingOutputs,
  primary: 'amount',
  compute(input, ctx) {
    checkTrainingLength(input, ctx.at(baotouPlan.ruralTraining), ctx);
    return trainingAmount(input, ctx.at(baotouPlan.ruralTraining), ctx);
  },
});
