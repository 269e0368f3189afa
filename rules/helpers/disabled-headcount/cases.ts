import type { RuleCases } from '../../core/cases.ts';

const person = (fields: Record<string, unknown>) => ({ monthsEmployed: 12, contractMonths: 12, paidAtLeastMinWage: true, socialInsurance: true, ...fields });

/** Inner Mongolia's counting: grade 1–2, or 智力/精神 grade 3–4, count 2; a year's contract, the minimum wage and insurance; part years by months. */
export default {
  rule: 'disabled-headcount',
  cases: [
    {
      name: '肢体 grade 3 counts 1, grade 2 counts 2',
      input: { rows: [person({ category: 4, grade: 3 }), person({ category: 4, grade: 2 })] },
      output: { disabledCounted: '3', persons: 2 },
    },
    { name: '智力 grade 4 counts 2', input: { rows: [person({ category: 5, grade: 4 })] }, output: { disabledCounted: '2' } },
    {
      name: 'six months of a year count 0.5',
      input: { rows: [person({ category: 4, grade: 3, monthsEmployed: 6 })] },
      output: { disabledCounted: '0.5' },
      interpretations: ['partial-year'],
    },
    {
      name: 'an 11-month contract does not count',
      input: { rows: [person({ category: 4, grade: 3, contractMonths: 11 })] },
      output: { disabledCounted: '0', persons: 0 },
    },
    { name: 'an empty list is refused', input: { rows: [] }, error: { code: 'invalid-list', field: 'rows' } },
  ],
} satisfies RuleCases;
