import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m9.2: operating 满一年, applying 三年内; min(rent, 1,000) a month, at most 36 months; 50 / 50; blind-massage shops excluded. */
export default {
  rule: 'rent-subsidy',
  cases: [
    {
      name: '1,200 rent is capped at 1,000 × 12',
      input: { monthlyRent: 1200, months: 12, monthsOperating: 12, monthsSinceStart: 36, date },
      output: { amount: '12000.00', monthsGranted: 12, cityShare: '6000.00', districtShare: '6000.00' },
    },
    {
      name: '11 months operating is not a full year',
      input: { monthlyRent: 800, months: 12, monthsOperating: 11, monthsSinceStart: 20, date },
      output: { amount: '0.00' },
    },
    {
      name: '37 months since the start is too late',
      input: { monthlyRent: 800, months: 12, monthsOperating: 30, monthsSinceStart: 37, date },
      output: { amount: '0.00' },
    },
    {
      name: '30 months already: 6 left',
      input: { monthlyRent: 800, months: 12, monthsOperating: 24, monthsSinceStart: 30, monthsAlreadySubsidised: 30, date },
      output: { amount: '4800.00', monthsGranted: 6 },
    },
    {
      name: 'a blind-massage shop is outside it',
      input: { monthlyRent: 800, months: 12, monthsOperating: 24, monthsSinceStart: 30, blindMassageShop: true, date },
      output: { amount: '0.00' },
      interpretations: ['rent-blind-massage'],
    },
  ],
} satisfies RuleCases;
