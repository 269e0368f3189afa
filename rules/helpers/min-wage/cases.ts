import type { RuleCases } from '../../core/cases.ts';

/** Inner Mongolia's monthly minimum wage: 2021-12-01 1980 / 1910 / 1850; 2024-12-01 2270 / 2200 / 2140. */
export default {
  rule: 'min-wage',
  cases: [
    { name: '昆区 (class 1) on 2024-11-30: 1980', input: { district: '昆区', date: '2024-11-30' }, output: { monthlyMinWage: '1980.00', class: 1 } },
    { name: '昆区 on 2024-12-01: 2270', input: { district: '昆区', date: '2024-12-01' }, output: { monthlyMinWage: '2270.00', effectiveFrom: '2024-12-01' } },
    { name: '固阳县 (class 2) on 2024-06-30: 1910', input: { district: '固阳县', date: '2024-06-30' }, output: { monthlyMinWage: '1910.00', class: 2 } },
    {
      name: '稀土高新区 is in no class',
      input: { district: '稀土高新区', date: '2024-06-30' },
      error: { code: 'no-wage-table', field: 'district' },
      interpretations: [],
    },
  ],
} satisfies RuleCases;
