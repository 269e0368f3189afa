/**
 * Rule `tobacco-licence-check`, clause m2: a disabled applicant may hold one licence on favourable
 * terms; a guardian may assist in the shop; partnership or hired operation is excluded; the shop must
 * keep the minimum distance (不少于, inclusive).
 */
import { booleanInput, districtInput } from '../../core/common-specs.ts';
import { units } from '../../core/labels.ts';
import { defineRule } from '../../core/rule.ts';
import { text } from '../../core/text.ts';
import { Dec, plain } from '../../core/decimal.ts';
import { baotouPlan } from '../../parameters/plan.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';
import type { District } from '../../parameters/districts.ts';
import { tobaccoDistances, tobaccoTableLists } from '../tobacco-min-distance/rule.ts';

type OperationMode = 'self' | 'guardian-assisted' | 'partnership' | 'hired';

export const tobaccoLicenceCheck = defineRule({
  id: 'tobacco-licence-check',
  clause: clauses.m2,
  kind: 'clause',
  title: text('残疾人烟草零售许可证优待条件审核', 'Favourable tobacco retail licence check'),
  description: text(
    '残疾人可办理一个优待条件下的烟草零售许可证；可由监护人辅助经营，合伙、雇佣经营除外；间距须不少于最小间距',
    'One favourable licence per disabled applicant; a guardian may assist; no partnership or hired operation; the minimum distance must be kept',
  ),
  inputs: [
    districtInput(true),
    booleanInput('disabledApplicant', '申请人是否为残疾人', 'Disabled applicant'),
    {
      name: 'distanceMetres',
      type: 'decimal',
      required: true,
      min: 0,
      label: text('与最近零售点的距离', 'Distance to the nearest retail point'),
      description: text('拟设零售点与最近零售点的距离（米）', 'Distance from the proposed shop to the nearest retail point (m)'),
      unit: units.metres,
      example: 31,
    },
    {
      name: 'existingFavourableLicences',
      type: 'integer',
      min: 0,
      default: 0,
      label: text('已有优待许可证数', 'Favourable licences already held'),
      description: text('申请人已持有的优待条件下的烟草零售许可证数量', 'Favourable-terms licences the applicant already holds'),
    },
    {
      name: 'operationMode',
      type: 'choice',
      default: 'self',
      label: text('经营方式', 'Operation mode'),
      description: text('本人经营、监护人辅助经营、合伙经营或雇佣经营', 'Run by the applicant, guardian-assisted, partnership or hired'),
      choices: [
        { value: 'self', label: text('本人经营', 'by the applicant'), aliases: ['本人'] },
        { value: 'guardian-assisted', label: text('监护人辅助经营', 'guardian-assisted'), aliases: ['监护人辅助'] },
        { value: 'partnership', label: text('合伙经营', 'partnership'), aliases: ['合伙'] },
        { value: 'hired', label: text('雇佣经营', 'hired operation'), aliases: ['雇佣'] },
      ],
    },
  ],
  outputs: [
    { name: 'ok', type: 'boolean', label: text('是否符合', 'Meets the conditions') },
    { name: 'minimumMetres', type: 'integer', label: text('最小间距', 'Minimum distance'), unit: units.metres, optional: true },
  ],
  primary: 'ok',
  compute(input, ctx) {
    const maxLicences = ctx.at(baotouPlan.tobacco.favourableLicences).value;
    if (input.disabledApplicant) {
      ctx.condition(input.existingFavourableLicences < maxLicences, 'favourable-licence-already-held', () => [
        `已持有 ${input.existingFavourableLicences} 个优待许可证，只可办理 ${maxLicences} 个`,
        `already holds ${input.existingFavourableLicences} favourable licence(s); only ${maxLicences} is allowed`,
      ]);
      ctx.condition(
        input.operationMode === 'self' || input.operationMode === 'guardian-assisted',
        'operation-mode-excluded',
        '合伙经营、雇佣经营不适用优待条件',
        'partnership and hired operation are excluded from the favourable terms',
      );
    }
    if (ctx.failed.length && !tobaccoTableLists(input.district, ctx)) {
      // Exclusions first: a failed condition already decides; the distance the table lacks is not needed.
      ctx.step(() => [
        `${input.district.zh}未列入${ctx.plan.id}（${clauses.m2.id}）的间距表；上述条件已不符合，无需间距即可作答`,
        `${input.district.en} is not in the distance table of plan clause ${clauses.m2.id}; the conditions above already fail, so no distance is needed`,
      ]);
      return { ok: false };
    }
    const distances = tobaccoDistances(input.district, input.disabledApplicant, ctx);
    const distanceOk = ctx.condition(input.distanceMetres.gte(distances.applies), 'too-close', () => [
      `间距 ${plain(input.distanceMetres)} 米，少于 ${distances.applies} 米`,
      `distance ${plain(input.distanceMetres)} m is less than ${distances.applies} m`,
    ]);
    if (distanceOk)
      ctx.step(() => [
        `间距 ${plain(input.distanceMetres)} 米 ≥ ${distances.applies} 米`,
        `Distance ${plain(input.distanceMetres)} m ≥ ${distances.applies} m`,
      ]);
    else
      ctx.hint(() => {
        const shortBy = plain(new Dec(distances.applies).minus(input.distanceMetres));
        return [`还差 ${shortBy} 米`, `${shortBy} m short`];
      });
    return { ok: ctx.failed.length === 0, minimumMetres: distances.applies };
  },
});
