import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m3.2: 500 yuan per person placed who stayed employed a year or more (一年以上 includes 12 months). */
export default {
  rule: 'dispatch-referral-reward',
  cases: [
    { name: '12, 11 and 30 months: two qualify', input: { employedMonths: '12,11,30', date }, output: { amount: '1000.00', qualifyingPersons: 2 } },
    { name: 'a count of stable persons', input: { personsStable12Months: 3, date }, output: { amount: '1500.00', qualifyingPersons: 3 } },
  ],
} satisfies RuleCases;
