import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m3.2: per whole person above (超过) 1.5 % of staff, 5 × the monthly minimum wage; fiscal-funded and centralised-employment units excluded. */
export default {
  rule: 'overquota-reward',
  cases: [
    {
      name: '400 staff, 9 counted: 3 above 6, 3 × 5 × 1980',
      input: { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, date },
      output: { amount: '29700.00', excessPersons: 3, quotaPersons: '6' },
    },
    {
      name: 'exactly 1.5 % is not above it',
      input: { totalStaff: 400, disabledCounted: 6, monthlyMinWage: 1980, date },
      output: { amount: '0.00', excessPersons: 0 },
    },
    {
      name: '7.99 counted: 1 whole person above',
      input: { totalStaff: 400, disabledCounted: '7.99', monthlyMinWage: 1980, date },
      output: { amount: '9900.00', excessPersons: 1 },
      interpretations: ['overquota-whole-persons'],
    },
    {
      name: 'the wage of 固阳县 (class 2) from 2024-12-01: 2200',
      input: { totalStaff: 400, disabledCounted: 7, district: '固阳县', date: '2024-12-01' },
      output: { amount: '11000.00', monthlyMinWage: '2200.00' },
    },
    {
      name: 'a fiscal-funded unit: 0, with no wage needed',
      input: { totalStaff: 400, disabledCounted: 9, unitKind: 'fiscal-funded', date },
      output: { amount: '0.00', excessPersons: 0 },
    },
    {
      name: 'a centralised-employment institution in 稀土高新区 (no wage table): 0',
      input: { totalStaff: 400, disabledCounted: 9, unitKind: 'centralized-employment', district: '稀土高新区', date },
      output: { amount: '0.00' },
    },
    { name: 'a reward needs a wage', input: { totalStaff: 400, disabledCounted: 9, date }, error: { code: 'missing-input', field: 'monthlyMinWage' } },
  ],
} satisfies RuleCases;
