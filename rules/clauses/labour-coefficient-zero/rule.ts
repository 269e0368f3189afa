/**
 * Rule `labour-coefficient-zero`, clause m5: for intellectual, mental and severe disabilities
 * (the categories and grades the plan's parameters list) the labour coefficient in 低保 family income is the plan's coefficient.
 */
import { defineRule } from '../../core/rule.ts';
import { text } from '../../core/text.ts';
import { baotouPlan } from '../../parameters/plan.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';
import { certificate } from '../../parameters/national.ts';
import { latestValue, num } from '../../parameters/words.ts';

const categoryCodes = Object.keys(certificate.categories).map(Number);

const categoryChoices = Object.entries(certificate.categories)
  .map(([value, label]) => `${value} ${label.zh}`)
  .join('、');

export const labourCoefficientZero = defineRule({
  id: 'labour-coefficient-zero',
  clause: clauses.m5,
  kind: 'clause',
  title: text(
    `低保劳动力系数按${num(baotouPlan.labourCoefficient.coefficient)}计算`,
    `Labour coefficient ${num(baotouPlan.labourCoefficient.coefficient)} in minimum-living-allowance income`,
  ),
  description: text(
    `智力、精神及重度残疾人在计算低保家庭收入时，劳动力系数按${num(baotouPlan.labourCoefficient.coefficient)}计算`,
    `Intellectual, mental and severe disabilities count with a labour coefficient of ${num(baotouPlan.labourCoefficient.coefficient)}`,
  ),
  inputs: [
    {
      name: 'category',
      type: 'integer',
      required: true,
      min: categoryCodes[0],
      max: categoryCodes.at(-1),
      label: text('残疾类别', 'Disability category'),
      description: text(`残疾类别代码：${categoryChoices}`, `Category code: ${categoryCodes.map((c) => `${c} ${certificate.categories[c].en}`).join(', ')}`),
      example: 4,
    },
    {
      name: 'grade',
      type: 'integer',
      required: true,
      min: certificate.grades[0],
      max: certificate.grades.at(-1),
      label: text('残疾等级', 'Disability grade'),
      description: text(
        `残疾等级 ${certificate.grades[0]}–${certificate.grades.at(-1)}（${latestValue(baotouPlan.labourCoefficient.severeGrades).join('、')}级为重度）`,
        `Grade ${certificate.grades[0]}–${certificate.grades.at(-1)} (grades ${latestValue(baotouPlan.labourCoefficient.severeGrades).join(' and ')} are severe)`,
      ),
      example: 2,
    },
  ],
  outputs: [
    {
      name: 'zero',
      type: 'boolean',
      label: text(`劳动力系数按${num(baotouPlan.labourCoefficient.coefficient)}计算`, `Labour coefficient is ${num(baotouPlan.labourCoefficient.coefficient)}`),
    },
    { name: 'coefficientReason', type: 'text', label: text('理由', 'Reason') },
  ],
  primary: 'zero',
  compute(input, ctx) {
    const { zeroCategories, severeGrades } = ctx.at(baotouPlan.labourCoefficient);
    const name = certificate.categories[input.category];
    const byCategory = zeroCategories.value.includes(input.category);
    const bySeverity = severeGrades.value.includes(input.grade);
    const zero = byCategory || bySeverity;
    const reason = byCategory
      ? text(`${name.zh}：按0计算`, `${name.en} disability: counted as 0`)
      : bySeverity
        ? text(`${input.grade}级为重度残疾：按0计算`, `grade ${input.grade} is severe: counted as 0`)
        : text(
            `${name.zh}${input.grade}级：不属于智力、精神或重度残疾，按常规计算`,
            `${name.en}, grade ${input.grade}: not intellectual, mental or severe; the usual coefficient applies`,
          );
    ctx.step(() => [reason.zh, reason.en]);
    return { zero, coefficientReason: reason.zh };
  },
});
