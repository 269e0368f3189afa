import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m1.1: disabled cadres in DPF organs ≥ 15 % (以上 includes 15 %). */
export default {
  rule: 'dpf-cadre-ratio',
  cases: [
    { name: '3 of 20 is exactly 15 %: met', input: { totalCadres: 20, disabledCadres: 3, date }, output: { ok: true, ratio: '0.1500', minimumDisabledCadres: 3 } },
    { name: '2 of 20 is 10 %: not met', input: { totalCadres: 20, disabledCadres: 2, date }, output: { ok: false, minimumDisabledCadres: 3 } },
    { name: '15 % of 21 is 3.15: at least 4', input: { totalCadres: 21, disabledCadres: 3, date }, output: { ok: false, minimumDisabledCadres: 4 } },
    { name: 'more disabled cadres than cadres is refused', input: { totalCadres: 5, disabledCadres: 6, date }, error: { code: 'inconsistent-input', field: 'disabledCadres' } },
  ],
} satisfies RuleCases;
