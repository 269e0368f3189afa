/**
 * Rule `agency-min-placement`, clause m1.1: an agency whose establishment is at or above the plan's
 * threshold, or a public institution (not a primary/secondary school or kindergarten) at or above its own, that is
 * below the quota ratio (未达到, strictly below) must place at least the plan's minimum of disabled persons.
 */
import { Dec, decimalOf, percent, plain } from '../../core/decimal.ts';
import { units } from '../../core/labels.ts';
import { disabledCountedInput } from '../../core/common-specs.ts';
import { defineRule } from '../../core/rule.ts';
import { text } from '../../core/text.ts';
import { baotouPlan } from '../../parameters/plan.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';
import { quota } from '../../parameters/inner-mongolia.ts';
import { documentsOf } from '../../parameters/types.ts';
import { num, pct, pctEn } from '../../parameters/words.ts';

type UnitKind = 'agency' | 'institution' | 'school' | 'kindergarten';

export const agencyMinPlacement = defineRule({
  id: 'agency-min-placement',
  clause: clauses['m1.1'],
  kind: 'clause',
  title: text(
    `机关、事业单位至少安排${num(baotouPlan.agencyPlacement.minimumPlacement)}名残疾人`,
    'Agencies and institutions place at least one disabled person',
  ),
  description: text(
    `编制${num(baotouPlan.agencyPlacement.agencyMinEstablishment)}人（含）以上的机关、${num(baotouPlan.agencyPlacement.institutionMinEstablishment)}人（含）以上的事业单位（中小学、幼儿园除外），未达到${pct(quota.ratio)}比例的，至少安排${num(baotouPlan.agencyPlacement.minimumPlacement)}名残疾人就业`,
    `Agencies with ${num(baotouPlan.agencyPlacement.agencyMinEstablishment)}+ and institutions (not schools or kindergartens) with ${num(baotouPlan.agencyPlacement.institutionMinEstablishment)}+ established posts below ${pctEn(quota.ratio)} must place at least one disabled person`,
  ),
  sources: documentsOf(quota.ratio),
  inputs: [
    {
      name: 'unitKind',
      type: 'choice',
      required: true,
      label: text('单位类型', 'Kind of unit'),
      description: text('机关、事业单位、中小学或幼儿园', 'Agency, public institution, school or kindergarten'),
      choices: [
        { value: 'agency', label: text('机关', 'agency'), aliases: ['机关单位'] },
        { value: 'institution', label: text('事业单位', 'public institution') },
        { value: 'school', label: text('中小学', 'primary or secondary school'), aliases: ['学校'] },
        { value: 'kindergarten', label: text('幼儿园', 'kindergarten') },
      ],
      example: 'agency',
    },
    {
      name: 'establishment',
      type: 'integer',
      required: true,
      min: 0,
      label: text('编制人数', 'Established posts'),
      description: text('单位编制数（人）', 'Number of established posts (编制)'),
      unit: units.persons,
      example: 60,
    },
    disabledCountedInput({ example: 0 }),
  ],
  outputs: [
    { name: 'required', type: 'boolean', label: text(`须至少安排${num(baotouPlan.agencyPlacement.minimumPlacement)}名`, 'Must place at least one') },
    {
      name: 'shortfallToOne',
      type: 'integer',
      label: text(`距至少${num(baotouPlan.agencyPlacement.minimumPlacement)}名还差`, 'Short of one'),
      unit: units.persons,
    },
    { name: 'belowRatio', type: 'boolean', label: text(`未达到${pct(quota.ratio)}`, `Below ${pctEn(quota.ratio)}`) },
  ],
  primary: 'required',
  compute(input, ctx) {
    const { agencyMinEstablishment, institutionMinEstablishment, minimumPlacement } = ctx.at(baotouPlan.agencyPlacement);
    const ratio = decimalOf(ctx.at(quota.ratio));
    const quotaPersons = ratio.times(input.establishment);
    const belowRatio = input.disabledCounted.lt(quotaPersons);
    ctx.step(() => [
      `${percent(ratio)} × ${input.establishment} = ${plain(quotaPersons)}；已安排 ${plain(input.disabledCounted)}：${belowRatio ? '未达到' : '已达到'}规定比例`,
      `${percent(ratio)} × ${input.establishment} = ${plain(quotaPersons)}; counted ${plain(input.disabledCounted)}: ${belowRatio ? 'below' : 'at or above'} the ratio`,
    ]);
    const threshold =
      input.unitKind === 'agency' ? agencyMinEstablishment.value : input.unitKind === 'institution' ? institutionMinEstablishment.value : undefined;
    let covered = false;
    if (threshold === undefined) {
      ctx.step(() => ['中小学、幼儿园不适用本条', 'Schools and kindergartens are outside this clause']);
    } else {
      covered = input.establishment >= threshold;
      ctx.step(() => [
        `编制 ${input.establishment} ${covered ? '≥' : '<'} ${threshold}（含）：${covered ? '适用' : '不适用'}`,
        `Establishment ${input.establishment} ${covered ? '≥' : '<'} ${threshold} (inclusive): ${covered ? 'covered' : 'not covered'}`,
      ]);
    }
    const required = covered && belowRatio;
    const shortfallToOne = required && input.disabledCounted.lt(minimumPlacement.value) ? minimumPlacement.value : 0;
    if (required) {
      ctx.hint(() => [
        shortfallToOne
          ? `须至少安排 ${minimumPlacement.value} 名残疾人就业`
          : `已安排残疾人，但仍未达到比例：还差 ${plain(quotaPersons.minus(input.disabledCounted))} 人`,
        shortfallToOne
          ? `Must place at least ${minimumPlacement.value} disabled person`
          : `Disabled persons are placed but the ratio is still not met: ${plain(quotaPersons.minus(input.disabledCounted))} short`,
      ]);
    }
    return { required, shortfallToOne, belowRatio };
  },
});
