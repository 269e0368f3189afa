import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** 1,200 a month, 12 months asked for, 12 months operating, 36 since the start. */
const base = { monthlyRent: 1200, months: 12, monthsOperating: 12, monthsSinceStart: 36, date };

/** m9.2: operating 满一年, applying 三年内; min(rent, 1,000) a month, at most 36 months; 50 / 50; blind-massage shops excluded. */
export default {
  rule: 'rent-subsidy',
  cases: [
    {
      name: '1,200 rent is capped at 1,000 × 12; 满一年 (12 months operating) and 三年内 (36 months since the start) include their boundaries',
      input: base,
      output: { amount: '12000.00', monthsGranted: 12, monthlySubsidy: '1000.00', cityShare: '6000.00', districtShare: '6000.00' },
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
    { name: 'a rent below the cap is paid as it is: 999.99 × 12', input: { ...base, monthlyRent: '999.99' }, output: { amount: '11999.88' } },
    {
      name: '11 months operating is not 满一年 (a full year), and that is the only condition failed',
      input: { ...base, monthsOperating: 11 },
      output: { amount: '0.00' },
      failed: ['operating-less-than-a-year'],
    },
    {
      name: 'applying 37 months after the start is not 三年内 (within three years)',
      input: { ...base, monthsSinceStart: 37 },
      output: { amount: '0.00' },
      failed: ['applied-after-three-years'],
    },
    {
      name: '累计不超过36个月: after 30 months, 6 of the 12 asked for',
      input: { ...base, monthsAlreadySubsidised: 30 },
      output: { monthsGranted: 6, amount: '6000.00' },
    },
    {
      name: 'after 36 months already subsidised, nothing more',
      input: { ...base, monthsAlreadySubsidised: 36 },
      output: { amount: '0.00' },
      failed: ['subsidy-months-used'],
    },
    {
      name: 'a blind-massage shop (盲人按摩店) is excluded even when every other condition is met',
      input: { ...base, blindMassageShop: true },
      output: { amount: '0.00' },
      interpretations: ['rent-blind-massage'],
    },
    {
      name: 'odd cents are split so the shares add up: 333.33 × 3 = 999.99, the city 500.00, the district 499.99',
      input: { ...base, monthlyRent: '333.33', months: 3 },
      output: { amount: '999.99', cityShare: '500.00', districtShare: '499.99' },
      interpretations: ['share-rounding'],
    },
    {
      name: 'a case that fails a condition is not eligible (6 months operating, 6 since the start)',
      input: { monthlyRent: 800, months: 12, monthsOperating: 6, monthsSinceStart: 6, date },
      output: { amount: '0.00' },
      eligible: false,
      failed: ['operating-less-than-a-year'],
    },
    {
      name: 'a case that meets every condition is eligible, with no failed conditions (14 months operating and since the start)',
      input: { monthlyRent: 800, months: 12, monthsOperating: 14, monthsSinceStart: 14, date },
      output: { amount: '9600.00' },
      eligible: true,
      failed: [],
    },
  ],
} satisfies RuleCases;
