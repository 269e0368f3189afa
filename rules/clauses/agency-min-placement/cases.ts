import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m1.1: 机关 编制 ≥ 50, 事业单位 (not 中小学、幼儿园) 编制 ≥ 67, below 1.5 %: at least one disabled person. */
export default {
  rule: 'agency-min-placement',
  cases: [
    {
      name: 'an agency of 50 (以上 includes 50) with none placed must place one',
      input: { unitKind: 'agency', establishment: 50, disabledCounted: 0, date },
      output: { required: true, shortfallToOne: 1, belowRatio: true },
    },
    {
      name: 'an agency of 49 is not bound',
      input: { unitKind: 'agency', establishment: 49, disabledCounted: 0, date },
      output: { required: false, shortfallToOne: 0, belowRatio: true },
    },
    {
      name: 'an institution of 67 is bound, 66 is not',
      input: { unitKind: 'institution', establishment: 67, disabledCounted: 0, date },
      output: { required: true },
    },
    { name: 'an institution of 66 is not bound', input: { unitKind: 'institution', establishment: 66, disabledCounted: 0, date }, output: { required: false } },
    {
      name: 'an institution named 事业单位 of 66 is not bound',
      input: { unitKind: '事业单位', establishment: 66, disabledCounted: 0, date },
      output: { required: false },
    },
    { name: 'schools are outside the rule', input: { unitKind: 'school', establishment: 500, disabledCounted: 0, date }, output: { required: false } },
    {
      name: 'kindergartens (幼儿园) are outside the rule',
      input: { unitKind: '幼儿园', establishment: 200, disabledCounted: 0, date },
      output: { required: false },
    },
    {
      name: 'at 1.5 % (not below it) nothing is required',
      input: { unitKind: 'agency', establishment: 200, disabledCounted: 3, date },
      output: { required: false, shortfallToOne: 0, belowRatio: false },
    },
    {
      name: '未达到 is strictly below: 2.99 of 200 is below, though one is placed',
      input: { unitKind: 'agency', establishment: 200, disabledCounted: '2.99', date },
      output: { required: true, shortfallToOne: 0, belowRatio: true },
    },
    {
      name: 'an unknown kind of unit is refused',
      input: { unitKind: 'company', establishment: 60, disabledCounted: 0, date },
      error: { code: 'invalid-choice', field: 'unitKind' },
    },
    {
      name: 'a negative establishment is refused',
      input: { unitKind: 'agency', establishment: -1, disabledCounted: 0 },
      error: { code: 'out-of-range', field: 'establishment' },
    },
    { name: 'a missing establishment is refused', input: { unitKind: 'agency', disabledCounted: 0 }, error: { code: 'missing-input', field: 'establishment' } },
  ],
} satisfies RuleCases;
