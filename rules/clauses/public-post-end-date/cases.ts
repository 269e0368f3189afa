import type { RuleCases } from '../../core/cases.ts';

/** m1.2: at most 3 years; less than 5 years to retirement: to retirement. Periods by 民法典 第二百零二条. */
export default {
  rule: 'public-post-end-date',
  cases: [
    {
      name: '3 years from 2024-01-01 end on 2026-12-31',
      input: { startDate: '2024-01-01', birthDate: '1990-05-05', retirementCategory: 'male' },
      output: { endDate: '2026-12-31', extendedToRetirement: false },
    },
    {
      name: '3 years from 2024-02-29 end on 2027-02-28, the month’s last day',
      input: { startDate: '2024-02-29', birthDate: '1990-05-05', retirementCategory: 'male' },
      output: { endDate: '2027-02-28' },
      interpretations: ['period-end'],
    },
    {
      name: 'men born 1964-06-10 retire on 2024-06-10: the subsidy stops the day before',
      input: { startDate: '2023-06-01', birthDate: '1964-06-10', retirementCategory: 'male' },
      output: { endDate: '2024-06-09', retirementDate: '2024-06-10' },
    },
    {
      name: 'a start outside the plan’s validity is refused',
      input: { startDate: '2025-03-01', birthDate: '1990-05-05', retirementCategory: 'male' },
      error: { code: 'policy-not-in-force', field: 'date' },
    },
  ],
} satisfies RuleCases;
