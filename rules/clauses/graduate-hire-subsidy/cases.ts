import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m3.2: 一年以上 contract and social insurance, not a public-welfare post: 5 × the monthly minimum wage per person per year, 3 years. */
export default {
  rule: 'graduate-hire-subsidy',
  cases: [
    {
      name: 'a 12-month contract is 一年以上: 2 × 5 × 1980',
      input: { persons: 2, monthlyMinWage: 1980, contractMonths: 12, socialInsurance: true, date },
      output: { amount: '19800.00' },
      eligible: true,
    },
    {
      name: '11 months: 0, and no wage is needed to say so',
      input: { persons: 2, contractMonths: 11, socialInsurance: true, date },
      output: { amount: '0.00' },
      eligible: false,
    },
    {
      name: 'a public-welfare post: 0',
      input: { persons: 1, monthlyMinWage: 1980, contractMonths: 24, socialInsurance: true, publicWelfarePost: true, date },
      output: { amount: '0.00' },
      eligible: false,
    },
    {
      name: 'year 3 is the last',
      input: { persons: 1, monthlyMinWage: 1980, contractMonths: 36, socialInsurance: true, subsidyYear: 3, date },
      output: { amount: '9900.00' },
    },
    {
      name: 'year 4 is not subsidised',
      input: { persons: 1, contractMonths: 36, socialInsurance: true, subsidyYear: 4, date },
      output: { amount: '0.00' },
      eligible: false,
    },
  ],
} satisfies RuleCases;
