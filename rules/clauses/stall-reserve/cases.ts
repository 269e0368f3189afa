import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m4: at least 10 % of stalls reserved (不低于), rounded up to whole stalls. */
export default {
  rule: 'stall-reserve',
  cases: [
    { name: '100 stalls: 10', input: { totalStalls: 100, date }, output: { minimumReserved: 10 } },
    { name: '101 stalls: 11 (10.1 rounded up)', input: { totalStalls: 101, date }, output: { minimumReserved: 11 } },
    { name: '10 reserved of 100 meets it', input: { totalStalls: 100, reservedStalls: 10, date }, output: { ok: true } },
    { name: '9 reserved of 100 does not', input: { totalStalls: 100, reservedStalls: 9, date }, output: { ok: false } },
  ],
} satisfies RuleCases;
