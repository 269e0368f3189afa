import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m3.2: 500 yuan per person placed who stayed employed a year or more (一年以上 includes 12 months). */
export default {
  rule: 'dispatch-referral-reward',
  cases: [
    {
      name: '12, 11 and 30 months: two qualify (一年以上 includes 12); the third would in 1 month',
      input: { employedMonths: '12,11,30', date },
      output: { amount: '1000.00', qualifyingPersons: 2 },
      hints: ['1 more persons qualify once employed a full year; the nearest in 1 months'],
      exact: ['output', 'hints'],
    },
    { name: 'months as a list, with the persons counted', input: { employedMonths: [12, 13], persons: 2, date }, output: { amount: '1000.00' } },
    { name: '4 of 5 persons stable 12 months', input: { personsStable12Months: 4, persons: 5, date }, output: { amount: '2000.00' } },
    {
      name: 'two months given for three persons is refused',
      input: { employedMonths: '12,13', persons: 3, date },
      error: { code: 'inconsistent-input', field: 'employedMonths' },
    },
    {
      name: 'more stable persons than persons is refused',
      input: { personsStable12Months: 6, persons: 5, date },
      error: { code: 'inconsistent-input', field: 'personsStable12Months' },
    },
    { name: 'persons alone do not say who stayed a year', input: { persons: 5, date }, error: { code: 'missing-input', field: 'employedMonths' } },
    {
      name: 'a month count that is not a number is refused, naming its place',
      input: { employedMonths: '12,x', date },
      error: { code: 'invalid-number', field: 'employedMonths[1]' },
    },
    { name: 'a count of stable persons', input: { personsStable12Months: 3, date }, output: { amount: '1500.00', qualifyingPersons: 3 } },
  ],
} satisfies RuleCases;
