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
    { name: 'the plan applies on its first day, 2023-04-22', input: { totalStalls: 10, date: '2023-04-22' }, output: { minimumReserved: 1 } },
    { name: 'the plan applies on its last day, 2024-12-31', input: { totalStalls: 10, date: '2024-12-31' }, output: { minimumReserved: 1 } },
    {
      name: 'the day before the plan is refused, naming its window',
      input: { totalStalls: 10, date: '2023-04-21' },
      error: { code: 'policy-not-in-force', field: 'date', says: '2023-04-22 – 2024-12-31' },
    },
    { name: 'the day after the plan is refused', input: { totalStalls: 10, date: '2025-01-01' }, error: { code: 'policy-not-in-force', field: 'date' } },
    {
      name: 'the day after, applied only when asked (“TRUE” as a spreadsheet writes it), with a warning',
      input: { totalStalls: 10, date: '2025-01-01', applyOutsideValidity: 'TRUE' },
      output: { minimumReserved: 1 },
      warnings: ['2025-01-01 is outside the validity of 包府办发〔2023〕43号 (2023-04-22 – 2024-12-31); applied anyway as asked'],
      interpretations: ['effective-date'],
    },
    {
      name: 'no date: the plan is applied with a warning naming it',
      input: { totalStalls: 10 },
      output: { minimumReserved: 1 },
      warnings: [{ zh: '未给出所涉日期：按 包府办发〔2023〕43号（有效期 2023-04-22 – 2024-12-31）计算' }],
      exact: ['warnings'],
    },
  ],
} satisfies RuleCases;
