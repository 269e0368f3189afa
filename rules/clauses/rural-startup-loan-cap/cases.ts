import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m6.2: at most 200,000 yuan (不超过 includes it). */
export default {
  rule: 'rural-startup-loan-cap',
  cases: [
    { name: '200,000 is within the cap', input: { requestedAmount: 200000, date }, output: { ok: true, cap: '200000.00', allowedAmount: '200000.00' } },
    { name: '200,000.01 is not', input: { requestedAmount: '200000.01', date }, output: { ok: false, allowedAmount: '200000.00' } },
    {
      name: '200,000.01: the hint says by how much to reduce',
      input: { requestedAmount: '200000.01', date },
      output: { ok: false },
      hints: ['Reduce by 0.01 yuan'],
    },
    { name: 'an amount written with grouping, 200,000.00, is within the cap', input: { requestedAmount: '200,000.00', date }, output: { ok: true } },
    { name: 'a negative amount is refused', input: { requestedAmount: -5, date }, error: { code: 'out-of-range', field: 'requestedAmount' } },
    { name: '20万 is not a number this input reads', input: { requestedAmount: '20万', date }, error: { code: 'invalid-number', field: 'requestedAmount' } },
  ],
} satisfies RuleCases;
