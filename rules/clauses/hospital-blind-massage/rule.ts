/**
 * Rule `hospital-blind-massage`, clause m8.1: hospitals at county level and above employ at least
 * two blind persons with the national medical-massage qualification.
 */
import { booleanInput, personsInput } from '../../core/common-specs.ts';
import { units } from '../../core/labels.ts';
import { defineRule } from '../../core/rule.ts';
import { text } from '../../core/text.ts';
import { baotouPlan } from '../../parameters/plan.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';

export const hospitalBlindMassage = defineRule({
  id: 'hospital-blind-massage',
  clause: clauses['m8.1'],
  kind: 'clause',
  title: text('医院安排盲人医疗按摩人员', 'Blind medical masseurs in hospitals'),
  description: text(
    '旗县级及以上医院至少安排两名具有全国医疗按摩资格的盲人就业',
    'County-level and higher hospitals employ at least two qualified blind medical masseurs',
  ),
  inputs: [
    booleanInput('countyLevelOrAbove', '是否为旗县级及以上医院', 'County-level hospital or above', { example: true }),
    personsInput('qualifiedBlindMasseurs', '具有全国医疗按摩资格的盲人数', 'Qualified blind medical masseurs employed', { example: 1 }),
  ],
  outputs: [
    { name: 'ok', type: 'boolean', label: text('是否达标', 'Requirement met') },
    { name: 'applicable', type: 'boolean', label: text('是否适用', 'Applies') },
    { name: 'shortfall', type: 'integer', label: text('还差人数', 'Shortfall'), unit: units.persons },
  ],
  primary: 'ok',
  compute(input, ctx) {
    const minimum = ctx.at(baotouPlan.hospitalBlindMassage.minimumQualified).value;
    if (!input.countyLevelOrAbove) {
      ctx.step(() => ['非旗县级及以上医院：本条不适用', 'Not a county-level or higher hospital: the clause does not apply']);
      return { ok: true, applicable: false, shortfall: 0 };
    }
    const shortfall = Math.max(0, minimum - input.qualifiedBlindMasseurs);
    ctx.step(() => [
      `已安排 ${input.qualifiedBlindMasseurs} 人，至少 ${minimum} 人：${shortfall ? `还差 ${shortfall} 人` : '达标'}`,
      `${input.qualifiedBlindMasseurs} employed, at least ${minimum} required: ${shortfall ? `${shortfall} short` : 'met'}`,
    ]);
    if (shortfall) ctx.hint(() => [`还需安排 ${shortfall} 名具有资格的盲人`, `${shortfall} more qualified blind masseurs needed`]);
    return { ok: shortfall === 0, applicable: true, shortfall };
  },
});
