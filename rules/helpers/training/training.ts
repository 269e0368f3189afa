/**
 * What the two training subsidies share (clauses m6.3 and m10.2): a shortest training (days and class hours),
 * a per-person standard, and a split between the city and the district DPF.
 */
import type { Context } from '../../core/context.ts';
import { KeptFigures } from '../../core/kept-figures.ts';
import { decimalOf, money, ZERO, type Dec } from '../../core/decimal.ts';
import { personsInput, shareOutputs } from '../../core/common-specs.ts';
import { units } from '../../core/labels.ts';
import type { InputSpec, InputsOf, OutputSpec, OutputsOf } from '../../core/schema.ts';
import { splitShares } from '../../core/shares.ts';
import { text } from '../../core/text.ts';
import type { Reading } from '../../parameters/types.ts';

export interface TrainingParameters {
  minDays: Reading<number>;
  minClassHours: Reading<number>;
  perPerson: Reading<string>;
  cityShare: Reading<string>;
}

/** Length of the training, which both subsidies check. */
const lengthInputs = [
  {
    name: 'classHours',
    type: 'integer',
    required: true,
    min: 0,
    label: text('课时', 'Class hours'),
    description: text('培训课时数（不少于方案规定的课时）', 'Class hours of the training (at least what the plan requires)'),
    unit: units.classHours,
    example: 40,
  },
  {
    name: 'days',
    type: 'integer',
    required: true,
    min: 0,
    label: text('培训天数', 'Days'),
    description: text('培训天数（不少于方案规定的天数）', 'Days of the training (at least what the plan requires)'),
    unit: units.days,
    example: 5,
  },
] as const satisfies readonly InputSpec[];

/** The trainees (with `trainees`' own example or default) and the length of the training. */
export const trainingInputs = <const E extends Partial<InputSpec>>(trainees: E) =>
  [personsInput('trainees', '培训人数', 'Trainees', trainees), ...lengthInputs] as const;

/** What the shared checks read, typed from the specs above. */
export type TrainingInputs = InputsOf<ReturnType<typeof trainingInputs<{}>>>;

export const trainingOutputs = [
  { name: 'amount', type: 'money', label: text('补贴金额', 'Subsidy'), unit: units.yuan },
  ...shareOutputs,
] as const satisfies readonly OutputSpec[];

/** Checks the length of the training (不少于: inclusive); records each failed condition. */
export function checkTrainingLength(input: TrainingInputs, p: TrainingParameters, ctx: Context): void {
  ctx.condition(input.days >= p.minDays.value, 'too-few-days', () => [
    `培训 ${input.days} 天，少于 ${p.minDays.value} 天`,
    `${input.days} days is less than ${p.minDays.value}`,
  ]);
  ctx.condition(input.classHours >= p.minClassHours.value, 'too-few-class-hours', () => [
    `培训 ${input.classHours} 课时，少于 ${p.minClassHours.value} 课时`,
    `${input.classHours} class hours is less than ${p.minClassHours.value}`,
  ]);
}

/** trainees × the standard, split between city and district; zero when a condition failed. */
export function trainingAmount(input: TrainingInputs, p: TrainingParameters, ctx: Context): OutputsOf<typeof trainingOutputs> {
  if (ctx.failed.length) {
    return { amount: ZERO, cityShare: ZERO, districtShare: ZERO };
  }
  const perPerson = decimalOf(p.perPerson);
  ctx.step(() => [
    `培训 ${input.days} 天、${input.classHours} 课时，符合不少于 ${p.minDays.value} 天（${p.minClassHours.value} 课时）`,
    `${input.days} days and ${input.classHours} class hours meet the minimum of ${p.minDays.value} days (${p.minClassHours.value} class hours)`,
  ]);
  const cityShare = decimalOf(p.cityShare);
  return ctx.explain ? amountOf(perPerson, input.trainees, cityShare, ctx) : keptAmountOf(perPerson, input.trainees, cityShare, ctx);
}

type TrainingAmount = OutputsOf<typeof trainingOutputs>;

/** trainees × the standard, split between city and district (splitShares), explained as steps. */
function amountOf(perPerson: Dec, trainees: number, cityShare: Dec, ctx: Context): TrainingAmount {
  const amount = perPerson.times(trainees);
  ctx.step(() => [`${trainees} × ${money(perPerson)} = ${money(amount)}`, `${trainees} × ${money(perPerson)} = ${money(amount)}`]);
  const shares = splitShares(amount, cityShare, ctx);
  return { amount, cityShare: shares.cityShare, districtShare: shares.districtShare };
}

/**
 * amountOf's figures kept by standard, city share and number of trainees (a batch's rows name few, mostly one),
 * for an answer without explanation (which records no step): a Dec never changes, and the rows that share one share
 * its printed forms too. Frozen: every such row gets the same object.
 */
const keptAmounts = new KeptFigures<Dec, Dec, number, Readonly<TrainingAmount>>();

function keptAmountOf(perPerson: Dec, trainees: number, cityShare: Dec, ctx: Context): TrainingAmount {
  // a count of trainees is a whole number; 0 (and −0, which a Map key would not tell from it) is worked out each time
  if (!(trainees > 0)) return amountOf(perPerson, trainees, cityShare, ctx);
  return (
    keptAmounts.find(perPerson, cityShare, trainees) ??
    keptAmounts.keep(perPerson, cityShare, trainees, Object.freeze(amountOf(perPerson, trainees, cityShare, ctx)))
  );
}
