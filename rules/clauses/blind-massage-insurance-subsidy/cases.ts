import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m8.2: 50 % of the insurance paid last year, at most 15 years. */
export default {
  rule: 'blind-massage-insurance-subsidy',
  cases: [
    { name: 'half of 12,000; 14 more years after this one', input: { insurancePaidLastYear: 12000, date }, output: { amount: '6000.00', yearsRemaining: 14 } },
    { name: 'a half cent rounds up once: 2.01 → 1.01', input: { insurancePaidLastYear: '2.01', date }, output: { amount: '1.01' } },
    {
      name: 'half of last year’s insurance, rounded once, half up: 617.285 → 617.29',
      input: { insurancePaidLastYear: '1234.57', date },
      output: { amount: '617.29', yearsRemaining: 14 },
      steps: ['1234.57 × 50% = 617.285, rounded half up to 0.01: 617.29', 'This is year 1; 14 more years possible afterwards'],
      exact: ['output', 'steps'],
    },
    {
      name: 'year 15 is still paid (不超过15年 includes it), and none remain',
      input: { insurancePaidLastYear: 1000, yearsAlreadySubsidised: 14, date },
      output: { amount: '500.00', yearsRemaining: 0 },
      exact: ['output'],
    },
    { name: 'after 15 years: 0', input: { insurancePaidLastYear: 1000, yearsAlreadySubsidised: 15, date }, output: { amount: '0.00', yearsRemaining: 0 } },
  ],
} satisfies RuleCases;
