import type { RuleCases } from '../../core/cases.ts';

/** Inner Mongolia's monthly minimum wage: 2021-12-01 1980 / 1910 / 1850; 2024-12-01 2270 / 2200 / 2140. */
export default {
  rule: 'min-wage',
  cases: [
    { name: '昆区 (class 1) on 2024-11-30: 1980', input: { district: '昆区', date: '2024-11-30' }, output: { monthlyMinWage: '1980.00', class: 1 } },
    { name: '昆区 on 2024-12-01: 2270', input: { district: '昆区', date: '2024-12-01' }, output: { monthlyMinWage: '2270.00', effectiveFrom: '2024-12-01' } },
    { name: '固阳县 (class 2) on 2024-06-30: 1910', input: { district: '固阳县', date: '2024-06-30' }, output: { monthlyMinWage: '1910.00', class: 2 } },
    {
      name: '昆区 on 2021-12-01, the first day of the 2021 table: 1980',
      input: { district: '昆区', date: '2021-12-01' },
      output: { monthlyMinWage: '1980.00', class: 1 },
    },
    { name: '石拐区 (class 1) on 2024-11-30: 1980', input: { district: '石拐区', date: '2024-11-30' }, output: { monthlyMinWage: '1980.00', class: 1 } },
    { name: 'Bayan Obo (class 1) on 2024-12-01: 2270', input: { district: 'Bayan Obo', date: '2024-12-01' }, output: { monthlyMinWage: '2270.00', class: 1 } },
    { name: '土右旗 (class 2) on 2024-12-01: 2200', input: { district: '土右旗', date: '2024-12-01' }, output: { monthlyMinWage: '2200.00', class: 2 } },
    { name: '达茂旗 (class 2) on 2022-01-01: 1910', input: { district: '达茂旗', date: '2022-01-01' }, output: { monthlyMinWage: '1910.00', class: 2 } },
    { name: '固阳 (class 2) on 2026-06-30: 2200', input: { district: '固阳', date: '2026-06-30' }, output: { monthlyMinWage: '2200.00', class: 2 } },
    {
      name: 'a helper is not bound to the plan’s window but to its tables’ dates: 昆区 on 2026-01-01',
      input: { district: '昆区', date: '2026-01-01' },
      output: { monthlyMinWage: '2270.00' },
    },
    {
      name: 'before the first table (2021-12-01) there is none',
      input: { district: '昆区', date: '2021-11-30' },
      error: { code: 'no-wage-table', field: 'date' },
    },
    {
      name: 'Rare Earth Hi-Tech Zone (稀土高新区) has no table',
      input: { district: 'Rare Earth Hi-Tech Zone', date: '2024-01-01' },
      error: { code: 'no-wage-table', field: 'district' },
    },
    {
      name: '稀土高新区 is in no class',
      input: { district: '稀土高新区', date: '2024-06-30' },
      error: { code: 'no-wage-table', field: 'district' },
      interpretations: [],
    },
  ],
} satisfies RuleCases;
