import type { RuleCases } from '../../core/cases.ts';

/** The levy (财税〔2015〕72号 and later): owed only below 1.5 % of staff. Cases every reading of `year` agrees on. */
export default {
  rule: 'levy-due',
  cases: [
    {
      name: 'at 1.5 % nothing is owed',
      input: { totalStaff: 100, disabledCounted: '1.5', averageWage: 80000, socialAverageWage: 70000, year: 2021 },
      output: { amount: '0.00' },
    },
    {
      name: 'above 1.5 % nothing is owed',
      input: { totalStaff: 200, disabledCounted: 4, averageWage: 80000, socialAverageWage: 70000, year: 2023 },
      output: { amount: '0.00' },
    },
    {
      name: 'the year is required',
      input: { totalStaff: 100, disabledCounted: 0, averageWage: 80000, socialAverageWage: 70000 },
      error: { code: 'missing-input', field: 'year' },
    },
  ],
} satisfies RuleCases;
