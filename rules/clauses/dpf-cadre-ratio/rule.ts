/**
 * Rule `dpf-cadre-ratio`, clause m1.1: cadres of DPF (残联) organs at county level and above
 * include at least the plan's share of disabled persons (以上 includes the share itself).
 */
import type { Context } from '../../core/context.ts';
import { Dec, decimalOf, percent, plain } from '../../core/decimal.ts';
import { KeptFigures } from '../../core/kept-figures.ts';
import { fail } from '../../core/errors.ts';
import { personsInput } from '../../core/common-specs.ts';
import { units } from '../../core/labels.ts';
import { defineRule } from '../../core/rule.ts';
import { text } from '../../core/text.ts';
import { baotouPlan } from '../../parameters/plan.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';
import { pct, pctEn } from '../../parameters/words.ts';

type CadreFigures = { ok: boolean; ratio: Dec; minimumDisabledCadres: number };

/** The share of disabled cadres and the fewest the minimum share asks for (rounded up), explained as steps. */
function cadreFigures(minimumRatio: Dec, input: { totalCadres: number; disabledCadres: number }, ctx: Context): CadreFigures {
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
}

/**
 * cadreFigures' figures kept by the minimum share, total cadres and disabled cadres (a batch's rows name few pairs),
 * for an answer without explanation (which records no step): the share's division is worked out once per pair.
 * Frozen: every such row gets the same object.
 */
const keptFigures = new KeptFigures<Dec, number, number, Readonly<CadreFigures>>();

function keptCadreFigures(minimumRatio: Dec, input: { totalCadres: number; disabledCadres: number }, ctx: Context): CadreFigures {
  const { totalCadres, disabledCadres } = input;
  // no disabled cadre (0, or −0, which a Map key would not tell from it) is worked out each time: a share of 0 divides at once
  if (!(disabledCadres > 0)) return cadreFigures(minimumRatio, input, ctx);
  return (
    keptFigures.find(minimumRatio, totalCadres, disabledCadres) ??
    keptFigures.keep(minimumRatio, totalCadres, disabledCadres, Object.freeze(cadreFigures(minimumRatio, input, ctx)))
  );
}

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
    return ctx.explain ? cadreFigures(minimumRatio, input, ctx) : keptCadreFigures(minimumRatio, input, ctx);
  },
});
