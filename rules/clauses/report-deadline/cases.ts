import type { RuleCases } from '../../core/cases.ts';

/** g6: reports by the end of November each year. */
export default {
  rule: 'report-deadline',
  cases: [
    { name: '2024: 30 November', input: { year: 2024 }, output: { deadline: '2024-11-30' } },
    { name: '2023: 30 November', input: { year: 2023 }, output: { deadline: '2023-11-30' } },
    { name: '2026 is outside the plan', input: { year: 2026 }, error: { code: 'policy-not-in-force', field: 'year' } },
    {
      name: 'the 2025 deadline (2025-11-30) is outside the plan: refused, naming the year',
      input: { year: 2025 },
      error: { code: 'policy-not-in-force', field: 'year' },
    },
    {
      name: 'the 2025 deadline when asked to apply the plan anyway: with a warning',
      input: { year: 2025, applyOutsideValidity: true },
      output: { deadline: '2025-11-30' },
      warnings: ['2025-11-30 is outside the validity of 包府办发〔2023〕43号 (2023-04-22 – 2024-12-31); applied anyway as asked'],
      exact: ['warnings'],
    },
  ],
} satisfies RuleCases;
