/**
 * Rule `report-deadline`, clause g6: each district reports to the city by the end of the plan's month
 * (月底前) each year. The claim date is the deadline itself, so a year outside the plan's
 * validity is refused like any other date.
 */
import { Context } from '../../core/context.ts';
import { daysInMonth, formatDate, YEAR_MAX, YEAR_MIN } from '../../core/dates.ts';
import { defineRule } from '../../core/rule.ts';
import { text } from '../../core/text.ts';
import { baotouPlan } from '../../parameters/plan.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';
import { num } from '../../parameters/words.ts';

const monthNamesEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const deadlineOf = (year: number, ctx = new Context(`${year}-12-31`)) => {
  const month = ctx.at(baotouPlan.reportDeadline.month).value;
  return formatDate({ y: year, m: month, d: daysInMonth(year, month) });
};

export const reportDeadline = defineRule({
  id: 'report-deadline',
  clause: clauses.g6,
  kind: 'clause',
  title: text('工作落实情况报送期限', 'Annual report deadline'),
  description: text(
    `各旗县区、稀土高新区残工委每年${num(baotouPlan.reportDeadline.month)}月底前向市残工委报送工作落实情况`,
    `Districts report to the city by the end of month ${num(baotouPlan.reportDeadline.month)} each year`,
  ),
  inputs: [
    {
      name: 'year',
      type: 'integer',
      required: true,
      min: YEAR_MIN,
      max: YEAR_MAX,
      label: text('年度', 'Year'),
      description: text('报送年度', 'The reporting year'),
      example: 2024,
    },
  ],
  outputs: [{ name: 'deadline', type: 'date', label: text('报送截止日', 'Deadline') }],
  primary: 'deadline',
  claimDate: (input) => deadlineOf(input.year),
  claimDateField: 'year',
  compute(input, ctx) {
    const deadline = deadlineOf(input.year, ctx);
    const month = ctx.at(baotouPlan.reportDeadline.month).value;
    ctx.step(() => [`${input.year} 年 ${month} 月底：${deadline}`, `End of ${monthNamesEn[month - 1]} ${input.year}: ${deadline}`]);
    return { deadline };
  },
});
