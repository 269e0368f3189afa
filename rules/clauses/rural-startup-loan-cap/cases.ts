import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m6.2: at most 200,000 yuan (不超过 includes it). */
export default {
  rule: 'rural-startup-loan-cap',
  cases: [
    { name: '200,000 is within the cap', input: { requestedAmount: 200000, date }, output: { ok: true, cap: '200000.00', allowedAmount: '200000.00' } },
    { name: '200,000.01 is not', input: { requestedAmount: '200000.01', date }, output: { ok: false, allowedAmount: '200000.00' } },
  ],
} satisfies RuleCases;
