/**
 * Rule `skills-training-subsidy`, clause m10.2: vocational skills training of at least the plan's days
 * (and class hours), the plan's standard per person per session, at most the plan's number of sessions a person
 * a year, the same project at the same level not twice within the plan's window; shared between city and district.
 * In a batch (one row per person-session with personId, project, level, date) the rows are read in
 * order and a session beyond the yearly number in a calendar year, or a repeat within the window, gets no subsidy
 * (interpretation `training-year`).
 */
import type { Context } from '../../core/context.ts';
import { withinPeriod } from '../../core/dates.ts';
import { defineRule } from '../../core/rule.ts';
import type { InputsOf } from '../../core/schema.ts';
import { text } from '../../core/text.ts';
import { baotouPlan } from '../../parameters/plan.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';
import { checkTrainingLength, trainingAmount, trainingInputs, trainingOutputs } from '../../helpers/training/training.ts';
import { grouped, num, pct, pctEn } from '../../parameters/words.ts';

interface Session {
  date: string;
  project?: string;
  level?: string;
}

/** Sessions already subsidised in this batch, by person. */
type SessionsByPerson = Map<string, Session[]>;

const textInput = <const N extends string>(name: N, zh: string, en: string) => ({
  name,
  type: 'text' as const,
  label: text(zh, en),
  description: text(`${zh}（批量核对时用于判断次数和重复）`, `${en} (used in batches to find sessions over the yearly limit and repeats)`),
});

/** Who took which session: what the batch checks per person. */
const sessionInputs = [
  { ...textInput('personId', '学员编号', 'Trainee id'), personal: true },
  textInput('project', '培训项目', 'Training project'),
  textInput('level', '培训等级', 'Level'),
] as const;
type Inputs = InputsOf<typeof sessionInputs>;

function checkSessionLimits(input: Inputs, ctx: Context, seen: SessionsByPerson): void {
  if (input.personId === undefined) return;
  if (ctx.date === undefined)
    ctx.missing('date', '批量核对培训次数时须填写所涉日期（开班日期）', 'date (the session date) is needed to check sessions per person');
  const { maxSessionsPerYear, repeatWindowMonths } = ctx.at(baotouPlan.skillsTraining);
  const date = ctx.date;
  const earlier = seen.get(input.personId) ?? [];
  ctx.rely('training-year');
  if (input.project !== undefined) ctx.rely('period-end');
  const sameYear = earlier.filter((s) => s.date.slice(0, 4) === date.slice(0, 4)).length;
  ctx.condition(sameYear < maxSessionsPerYear.value, 'sessions-per-year', () => [
    `${input.personId} 在 ${date.slice(0, 4)} 年已享受 ${sameYear} 次，每人每年不超过 ${maxSessionsPerYear.value} 次`,
    `${input.personId} already had ${sameYear} sessions in ${date.slice(0, 4)}; at most ${maxSessionsPerYear.value} a year`,
  ]);
  if (input.project !== undefined) {
    const repeat = earlier.find(
      (s) =>
        s.project === input.project &&
        s.level === input.level &&
        (s.date <= date ? withinPeriod(s.date, repeatWindowMonths.value, date) : withinPeriod(date, repeatWindowMonths.value, s.date)),
    );
    ctx.condition(repeat === undefined, 'repeat-within-year', () => [
      `同一培训项目同一等级（${input.project} ${input.level ?? ''}）一年内已于 ${repeat?.date} 享受`,
      `the same project at the same level (${input.project} ${input.level ?? ''}) was already subsidised on ${repeat?.date}, within a year`,
    ]);
  }
  if (ctx.failed.length === 0) seen.set(input.personId, [...earlier, { date, project: input.project, level: input.level }]);
}

export const skillsTrainingSubsidy = defineRule({
  id: 'skills-training-subsidy',
  clause: clauses['m10.2'],
  kind: 'clause',
  title: text('残疾人职业技能培训补贴', 'Vocational skills training subsidy'),
  description: text(
    `培训不少于${num(baotouPlan.skillsTraining.minDays)}天（${num(baotouPlan.skillsTraining.minClassHours)}课时），每人每期${num(baotouPlan.skillsTraining.perPerson)}元，每人每年不超过${num(baotouPlan.skillsTraining.maxSessionsPerYear)}次，同一项目同一等级${num(baotouPlan.skillsTraining.repeatWindowMonths)}个月内不重复；市级残联负担${pct(baotouPlan.skillsTraining.cityShare)}`,
    `At least ${num(baotouPlan.skillsTraining.minDays)} days (${num(baotouPlan.skillsTraining.minClassHours)} class hours); ${grouped(baotouPlan.skillsTraining.perPerson)} yuan per person per session; at most ${num(baotouPlan.skillsTraining.maxSessionsPerYear)} sessions a year; no repeat of a project and level within ${num(baotouPlan.skillsTraining.repeatWindowMonths)} months; the city pays ${pctEn(baotouPlan.skillsTraining.cityShare)}`,
  ),
  inputs: [...trainingInputs({ required: false, default: 1, example: 1 }), ...sessionInputs],
  outputs: trainingOutputs,
  primary: 'amount',
  batchState: (): SessionsByPerson => new Map(),
  compute(input, ctx) {
    const p = ctx.at(baotouPlan.skillsTraining);
    checkTrainingLength(input, p, ctx);
    if (ctx.batch instanceof Map && ctx.failed.length === 0) checkSessionLimits(input, ctx, ctx.batch as SessionsByPerson);
    return trainingAmount(input, p, ctx);
  },
});
