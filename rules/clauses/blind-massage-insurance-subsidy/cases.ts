import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m8.2: 50 % of the insurance paid last year, at most 15 years. */
export default {
  rule: 'blind-massage-insurance-subsidy',
  cases: [
    { name: 'half of 12,000; 14 more years after this one', input: { insurancePaidLastYear: 12000, date }, output: { amount: '6000.00', yearsRemaining: 14 } },
    { name: 'a half cent rounds up once: 2.01 → 1.01', input: { insurancePaidLastYear: '2.01', date }, output: { amount: '1.01' } },
    { name: 'year 15 is still paid', input: { insurancePaidLastYear: 1000, yearsAlreadySubsidised: 14, date }, output: { amount: '500.00' } },
    { name: 'after 15 years: 0', input: { insurancePaidLastYear: 1000, yearsAlreadySubsidised: 15, date }, output: { amount: '0.00', yearsRemaining: 0 } },
  ],
} satisfies RuleCases;
