import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m1.1: disabled cadres in DPF organs ≥ 15 % (以上 includes 15 %). */
export default {
  rule: 'dpf-cadre-ratio',
  cases: [
    {
      name: '3 of 20 is exactly 15 %: met',
      input: { totalCadres: 20, disabledCadres: 3, date },
      output: { ok: true, ratio: '0.1500', minimumDisabledCadres: 3 },
    },
    { name: '2 of 20 is 10 %: not met', input: { totalCadres: 20, disabledCadres: 2, date }, output: { ok: false, minimumDisabledCadres: 3 } },
    {
      name: '15 % of 21 is 3.15: at least 4, and the hint says how many are missing',
      input: { totalCadres: 21, disabledCadres: 3, date },
      output: { ok: false, ratio: '0.1429', minimumDisabledCadres: 4 },
      hints: ['1 more disabled cadres needed'],
    },
    {
      name: 'more disabled cadres than cadres is refused',
      input: { totalCadres: 5, disabledCadres: 6, date },
      error: { code: 'inconsistent-input', field: 'disabledCadres' },
    },
    { name: 'zero cadres is refused', input: { totalCadres: 0, disabledCadres: 0, date }, error: { code: 'out-of-range', field: 'totalCadres' } },
  ],
} satisfies RuleCases;
