/**
 * Rule `stall-reserve`, clause m4: markets and service points set up by government or 街道 reserve
 * not less than (不低于, inclusive) the plan's share of shops and stalls for disabled persons.
 */
import { Dec, decimalOf, percent, plain } from '../../core/decimal.ts';
import { fail } from '../../core/errors.ts';
import { personsInput } from '../../core/common-specs.ts';
import { defineRule } from '../../core/rule.ts';
import { text } from '../../core/text.ts';
import { baotouPlan } from '../../parameters/plan.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';
import { pct, pctEn } from '../../parameters/words.ts';

const stalls = text('个', 'stalls');

export const stallReserve = defineRule({
  id: 'stall-reserve',
  clause: clauses.m4,
  kind: 'clause',
  title: text('商铺摊位预留', 'Stalls reserved for disabled persons'),
  description: text(
    `政府和街道兴办的贸易市场、便民服务网点应预留不低于${pct(baotouPlan.stallReserve.minimumShare)}的商铺、摊位给残疾人`,
    `Markets and service points set up by government or sub-districts reserve at least ${pctEn(baotouPlan.stallReserve.minimumShare)} of shops and stalls`,
  ),
  inputs: [
    personsInput('totalStalls', '商铺、摊位总数', 'Total shops and stalls', { unit: stalls, example: 45 }),
    personsInput('reservedStalls', '已预留数（可选）', 'Already reserved (optional)', { required: false, unit: stalls }),
  ],
  outputs: [
    { name: 'minimumReserved', type: 'integer', label: text('最少预留数', 'Minimum reserved'), unit: stalls },
    { name: 'ok', type: 'boolean', label: text('预留是否足够', 'Enough reserved'), optional: true },
  ],
  primary: 'minimumReserved',
  compute(input, ctx) {
    const share = decimalOf(ctx.at(baotouPlan.stallReserve.minimumShare));
    const exact = share.times(input.totalStalls);
    const minimumReserved = exact.ceil().toNumber();
    ctx.step(() => [
      `${percent(share)} × ${input.totalStalls} = ${plain(exact)}，不低于即向上取整：${minimumReserved}`,
      `${percent(share)} × ${input.totalStalls} = ${plain(exact)}; "not less than" rounds up: ${minimumReserved}`,
    ]);
    const reserved = input.reservedStalls;
    if (reserved === undefined) return { minimumReserved };
    if (reserved > input.totalStalls) {
      fail(
        'inconsistent-input',
        `已预留 ${reserved} 个，超过总数 ${input.totalStalls}`,
        `reservedStalls ${reserved} exceeds totalStalls ${input.totalStalls}`,
        'reservedStalls',
      );
    }
    const ok = reserved >= minimumReserved;
    if (reserved < minimumReserved) {
      ctx.hint(() => [`还需预留 ${minimumReserved - reserved} 个`, `${minimumReserved - reserved} more to reserve`]);
    }
    return { minimumReserved, ok };
  },
});
