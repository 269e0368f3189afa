import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m8.1: hospitals at county level or above: at least two qualified blind masseurs. */
export default {
  rule: 'hospital-blind-massage',
  cases: [
    {
      name: 'two is enough (至少)',
      input: { countyLevelOrAbove: true, qualifiedBlindMasseurs: 2, date },
      output: { ok: true, applicable: true, shortfall: 0 },
    },
    { name: 'one is short by one', input: { countyLevelOrAbove: true, qualifiedBlindMasseurs: 1, date }, output: { ok: false, shortfall: 1 } },
    {
      name: 'below county level the rule does not apply',
      input: { countyLevelOrAbove: false, qualifiedBlindMasseurs: 0, date },
      output: { applicable: false },
    },
    {
      name: 'none at county level: short by two',
      input: { countyLevelOrAbove: true, qualifiedBlindMasseurs: 0, date },
      output: { ok: false, applicable: true, shortfall: 2 },
    },
    {
      name: 'below county level: met, with no shortfall',
      input: { countyLevelOrAbove: false, qualifiedBlindMasseurs: 0, date },
      output: { ok: true, applicable: false, shortfall: 0 },
    },
  ],
} satisfies RuleCases;
