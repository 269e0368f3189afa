/**
 * Rule `tobacco-min-distance`, clause m2: the minimum distance between tobacco retail points,
 * normal and for a disabled applicant, by district group. Where the text's "不少于正常距离的一半" and its
 * own table of distances disagree, the table governs (interpretation `tobacco-30m`).
 * 稀土高新区 is not in the table: no answer (interpretation `tobacco-hi-tech-zone`). `disabledApplicant` is
 * required: which distance applies depends on it, and RULES.md says never guess.
 */
import type { Context } from '../../core/context.ts';
import { booleanInput, districtInput } from '../../core/common-specs.ts';
import { decimalOf, plain } from '../../core/decimal.ts';
import { fail } from '../../core/errors.ts';
import { units } from '../../core/labels.ts';
import { defineRule } from '../../core/rule.ts';
import { text } from '../../core/text.ts';
import { baotouPlan } from '../../parameters/plan.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';
import type { District } from '../../parameters/districts.ts';
import type { ReadingsOf } from '../../parameters/types.ts';

export interface DistanceRule {
  normal: number;
  disabled: number;
  applies: number;
}

type TobaccoReadings = ReadingsOf<typeof baotouPlan.tobacco>;

/** The group of the plan's distance table that lists `district`, if any (稀土高新区 is not listed). */
function groupListing(district: District, tobacco: TobaccoReadings): TobaccoReadings['urban'] | undefined {
  if (tobacco.urban.districts.value.includes(district.id)) return tobacco.urban;
  if (tobacco.outer.districts.value.includes(district.id)) return tobacco.outer;
  return undefined;
}

/** True when the plan's distance table lists `district` (稀土高新区 is not listed). */
export function tobaccoTableLists(district: District, ctx: Context): boolean {
  return groupListing(district, ctx.at(baotouPlan.tobacco)) !== undefined;
}

/** The distances of `district`'s group, explained; an error for a district the table leaves out. */
export function tobaccoDistances(district: District, disabledApplicant: boolean, ctx: Context): DistanceRule {
  const tobacco = ctx.at(baotouPlan.tobacco);
  const group = groupListing(district, tobacco);
  if (!group) {
    ctx.rely('tobacco-hi-tech-zone');
    fail(
      'no-answer-in-text',
      `${district.zh}未列入${ctx.plan.id}的烟草零售点间距表，文中没有答案`,
      `${district.en} is not in the plan's tobacco-distance table: the text gives no answer`,
      'district',
    );
  }
  const normal = group.normal.value;
  const disabled = group.disabled.value;
  ctx.step(() => [
    `${district.zh}：正常办证 ${normal} 米，残疾人办证 ${disabled} 米`,
    `${district.en}: normal licence ${normal} m, disabled applicant ${disabled} m`,
  ]);
  // what the text's "half" gives beside the table's figure only explains the answer (the table governs): not worked out without an explanation
  if (ctx.explain) {
    const half = decimalOf(group.normal).times(decimalOf(tobacco.favourableFractionOfNormal));
    if (!half.eq(disabled)) {
      ctx.rely('tobacco-30m');
      ctx.step(() => [
        `“不少于正常距离的一半”得 ${plain(half)} 米，而文中表列 ${disabled} 米；以表列为准`,
        `"at least half the normal distance" gives ${plain(half)} m while the table says ${disabled} m; the table governs`,
      ]);
    }
  }
  const applies = disabledApplicant ? disabled : normal;
  ctx.step(() => [
    disabledApplicant ? `残疾人申请：最小间距 ${applies} 米` : `非残疾人申请：最小间距 ${applies} 米`,
    disabledApplicant ? `Disabled applicant: minimum distance ${applies} m` : `Not a disabled applicant: minimum distance ${applies} m`,
  ]);
  return { normal, disabled, applies };
}

export const tobaccoMinDistance = defineRule({
  id: 'tobacco-min-distance',
  clause: clauses.m2,
  kind: 'clause',
  title: text('烟草制品零售点最小间距', 'Minimum distance between tobacco retail points'),
  description: text(
    '按旗县区给出正常办证与残疾人办证的零售点最小间距（米）',
    'Minimum distance (m) between tobacco retail points, normal and for a disabled applicant, by district',
  ),
  inputs: [districtInput(true), booleanInput('disabledApplicant', '申请人是否为残疾人', 'Disabled applicant', { example: true })],
  outputs: [
    { name: 'metres', type: 'integer', label: text('最小间距', 'Minimum distance'), unit: units.metres },
    { name: 'normalMetres', type: 'integer', label: text('正常办证间距', 'Normal distance'), unit: units.metres },
    { name: 'disabledMetres', type: 'integer', label: text('残疾人办证间距', 'Disabled-applicant distance'), unit: units.metres },
  ],
  primary: 'metres',
  compute(input, ctx) {
    const d = tobaccoDistances(input.district, input.disabledApplicant, ctx);
    return { metres: d.applies, normalMetres: d.normal, disabledMetres: d.disabled };
  },
});
