/**
 * Rule `dpf-cadre-ratio`, clause m1.1: cadres of DPF (残联) organs at county level and above
 * include at least the plan's share of disabled persons (以上 includes the share itself).
 */
import { Dec, decimalOf, percent, plain } from '../../core/decimal.ts';
import { fail } from '../../core/errors.ts';
import { personsInput } from '../../core/common-specs.ts';
import { units } from '../../core/labels.ts';
import { defineRule } from '../../core/rule.ts';
import { text } from '../../core/text.ts';
import { baotouPlan } from '../../parameters/plan.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';
import { pct, pctEn } from '../../parameters/words.ts';

export const dpfCadreRatio = defineRule({
  id: 'dpf-cadre-ratio',
  clause: clauses['m1.1'],
  kind: 'clause',
  title: text('残联机关残疾人干部比例', 'Disabled cadres in DPF organs'),
  description: text(
    `县级及以上残联机关干部队伍中要有${pct(baotouPlan.dpfCadres.minimumRatio)}以上的残疾人`,
    `At least ${pctEn(baotouPlan.dpfCadres.minimumRatio)} of cadres in county-level and higher DPF organs are disabled`,
  ),
  inputs: [
    personsInput('totalCadres', '干部总数', 'Total cadres', { min: 1, example: 20 }),
    personsInput('disabledCadres', '残疾人干部数', 'Disabled cadres', { example: 3 }),
  ],
  outputs: [
    { name: 'ok', type: 'boolean', label: text(`是否达到${pct(baotouPlan.dpfCadres.minimumRatio)}`, `At least ${pctEn(baotouPlan.dpfCadres.minimumRatio)}`) },
    { name: 'ratio', type: 'ratio', label: text('残疾人干部比例', 'Ratio of disabled cadres') },
    { name: 'minimumDisabledCadres', type: 'integer', label: text('最少残疾人干部数', 'Minimum disabled cadres'), unit: units.persons },
  ],
  primary: 'ok',
  compute(input, ctx) {
    if (input.disabledCadres > input.totalCadres) {
      fail(
        'inconsistent-input',
        `残疾人干部数 ${input.disabledCadres} 大于干部总数 ${input.totalCadres}`,
        `disabledCadres ${input.disabledCadres} exceeds totalCadres ${input.totalCadres}`,
        'disabledCadres',
      );
    }
    const minimumRatio = decimalOf(ctx.at(baotouPlan.dpfCadres.minimumRatio));
    const ratio = new Dec(input.disabledCadres).div(input.totalCadres);
    const needed = minimumRatio.times(input.totalCadres);
    const minimumDisabledCadres = needed.ceil().toNumber();
    const ok = input.disabledCadres >= minimumDisabledCadres;
    ctx.step(() => [
      `${percent(minimumRatio)} × ${input.totalCadres} = ${plain(needed)}，向上取整 ${minimumDisabledCadres} 人`,
      `${percent(minimumRatio)} × ${input.totalCadres} = ${plain(needed)}, rounded up: ${minimumDisabledCadres}`,
    ]);
    ctx.step(() => [
      `${input.disabledCadres} / ${input.totalCadres} = ${ratio.toFixed(4)}：${ok ? '达到' : '未达到'} ${percent(minimumRatio)}（含）`,
      `${input.disabledCadres} / ${input.totalCadres} = ${ratio.toFixed(4)}: ${ok ? 'meets' : 'below'} ${percent(minimumRatio)} (inclusive)`,
    ]);
    if (!ok)
      ctx.hint(() => [
        `还需 ${minimumDisabledCadres - input.disabledCadres} 名残疾人干部`,
        `${minimumDisabledCadres - input.disabledCadres} more disabled cadres needed`,
      ]);
    return { ok, ratio, minimumDisabledCadres };
  },
});
