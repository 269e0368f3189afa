/**
 * Rule `skills-training-subsidy`, clause m10.2: vocational skills training of at least 5 days
 * (40 class hours), 1,500 yuan per person per session, at most 3 sessions a person a year, the same
 * project at the same level not twice within a year; 50 % city, 50 % district.
 * In a batch (one row per person-session with personId, project, level, date) the rows are read in
 * order and a 4th session in a calendar year, or a repeat within 12 months, gets no subsidy
 * (interpretation `training-year`).
 */
import type { Context } from '../core/context.ts';
import { addMonths } from '../core/dates.ts';
import { defineRule } from '../core/rule.ts';
import { text } from '../core/text.ts';
import { baotouPlan } from '../parameters/baotou-2023-43.ts';
import { clauses } from '../parameters/clauses.ts';
import { checkTrainingLength, trainingAmount, trainingInputs, trainingOutputs, type TrainingInputs } from './training.ts';

interface Inputs extends TrainingInputs {
  personId?: string;
  project?: string;
  level?: string;
}

interface Session {
  date: string;
  project?: string;
  level?: string;
}

/** Sessions already subsidised in this batch, by person. */
type SessionsByPerson = Map<string, Session[]>;

const textInput = (name: string, zh: string, en: string) => ({
  name,
  type: 'text' as const,
  label: text(zh, en),
  description: text(`${zh}（批量核对时用于判断次数和重复）`, `${en} (used in batches to find 4th sessions and repeats)`),
});

function checkSessionLimits(input: Inputs, ctx: Context, seen: SessionsByPerson): void {
  if (input.personId === undefined) return;
  if (ctx.date === undefined) ctx.missing('date', '批量核对培训次数时须填写所涉日期（开班日期）', 'date (the session date) is needed to check sessions per person');
  const { maxSessionsPerYear, repeatWindowMonths } = baotouPlan.skillsTraining;
  const date = ctx.date;
  const earlier = seen.get(input.personId) ?? [];
  ctx.rely('training-year');
  const sameYear = earlier.filter((s) => s.date.slice(0, 4) === date.slice(0, 4)).length;
  ctx.condition(
    sameYear < maxSessionsPerYear.value,
    'sessions-per-year',
    `${input.personId} 在 ${date.slice(0, 4)} 年已享受 ${sameYear} 次，每人每年不超过 ${maxSessionsPerYear.value} 次`,
    `${input.personId} already had ${sameYear} sessions in ${date.slice(0, 4)}; at most ${maxSessionsPerYear.value} a year`,
  );
  if (input.project !== undefined) {
    const repeat = earlier.find(
      (s) =>
        s.project === input.project &&
        s.level === input.level &&
        addMonths(s.date, repeatWindowMonths.value) > date &&
        addMonths(date, repeatWindowMonths.value) > s.date,
    );
    ctx.condition(
      repeat === undefined,
      'repeat-within-year',
      `同一培训项目同一等级（${input.project} ${input.level ?? ''}）一年内已于 ${repeat?.date} 享受`,
      `the same project at the same level (${input.project} ${input.level ?? ''}) was already subsidised on ${repeat?.date}, within a year`,
    );
  }
  if (ctx.failed.length === 0) seen.set(input.personId, [...earlier, { date, project: input.project, level: input.level }]);
}

export const skillsTrainingSubsidy = defineRule<Inputs>({
  id: 'skills-training-subsidy',
  clause: clauses['m10.2'],
  kind: 'clause',
  title: text('残疾人职业技能培训补贴', 'Vocational skills training subsidy'),
  description: text(
    '培训不少于5天（40课时），每人每期1500元，每人每年不超过3次，同一项目同一等级一年内不重复；市、旗县区各负担50%',
    'At least 5 days (40 class hours); 1,500 yuan per person per session; at most 3 sessions a year; no repeat of a project and level within a year; 50 / 50',
  ),
  inputs: [
    ...trainingInputs(1),
    textInput('personId', '学员编号', 'Trainee id'),
    textInput('project', '培训项目', 'Training project'),
    textInput('level', '培训等级', 'Level'),
  ],
  outputs: trainingOutputs,
  primary: 'amount',
  batchState: (): SessionsByPerson => new Map(),
  compute(input, ctx) {
    checkTrainingLength(input, baotouPlan.skillsTraining, ctx);
    if (ctx.batch instanceof Map && ctx.failed.length === 0) checkSessionLimits(input, ctx, ctx.batch as SessionsByPerson);
    return trainingAmount(input, baotouPlan.skillsTraining, ctx);
  },
});
