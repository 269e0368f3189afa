import type { RuleCases } from '../../core/cases.ts';

/** The 2024-09-13 reform: men born 1965-01 retire at 60 years 1 month; men born 1976-09 or later at 63. */
export default {
  rule: 'retirement-date',
  cases: [
    {
      name: 'men born 1964-12-15: 60, no delay',
      input: { birthDate: '1964-12-15', retirementCategory: 'male' },
      output: { retirementDate: '2024-12-15', ageYears: 60, ageMonths: 0 },
    },
    {
      name: 'men born 1965-01-15: 60 years 1 month',
      input: { birthDate: '1965-01-15', retirementCategory: 'male' },
      output: { retirementDate: '2025-02-15', ageYears: 60, ageMonths: 1 },
    },
    {
      name: 'men born 1976-09-01: 63',
      input: { birthDate: '1976-09-01', retirementCategory: 'male' },
      output: { retirementDate: '2039-09-01', ageYears: 63, ageMonths: 0 },
    },
    {
      name: 'women formerly 50, born 1975-02 (k = 1): 50 years 1 month',
      input: { birthDate: '1975-02-28', retirementCategory: 'female-50' },
      output: { retirementDate: '2025-03-28', ageYears: 50, ageMonths: 1 },
    },
    {
      name: 'an unknown category is refused',
      input: { birthDate: '1975-02-28', retirementCategory: 'other' },
      error: { code: 'invalid-choice', field: 'retirementCategory' },
    },
  ],
} satisfies RuleCases;
