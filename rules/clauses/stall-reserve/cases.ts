import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m4: at least 10 % of stalls reserved (不低于), rounded up to whole stalls. */
export default {
  rule: 'stall-reserve',
  cases: [
    { name: '100 stalls: 10', input: { totalStalls: 100, date }, output: { minimumReserved: 10 } },
    { name: '101 stalls: 11 (10.1 rounded up)', input: { totalStalls: 101, date }, output: { minimumReserved: 11 } },
    { name: '10 reserved of 100 meets it', input: { totalStalls: 100, reservedStalls: 10, date }, output: { ok: true } },
    { name: '9 reserved of 100 does not', input: { totalStalls: 100, reservedStalls: 9, date }, output: { ok: false } },
    { name: '45 stalls: 5 (4.5 rounded up)', input: { totalStalls: 45, date }, output: { minimumReserved: 5 } },
    { name: '40 stalls: exactly 4 stays 4', input: { totalStalls: 40, date }, output: { minimumReserved: 4 } },
    { name: '41 stalls: 5', input: { totalStalls: 41, date }, output: { minimumReserved: 5 } },
    { name: 'no stalls: 0', input: { totalStalls: 0, date }, output: { minimumReserved: 0 } },
    { name: '4 reserved of 40 meets it', input: { totalStalls: 40, reservedStalls: 4, date }, output: { ok: true } },
    {
      name: '3 reserved of 40 does not, and the hint says how many more',
      input: { totalStalls: 40, reservedStalls: 3, date },
      output: { ok: false },
      hints: ['1 more to reserve'],
    },
    {
      name: 'more reserved than there are is refused',
      input: { totalStalls: 40, reservedStalls: 41, date },
      error: { code: 'inconsistent-input', field: 'reservedStalls' },
    },
  ],
} satisfies RuleCases;
