import type { RuleCases } from '../../core/cases.ts';

/** g6: reports by the end of November each year. */
export default {
  rule: 'report-deadline',
  cases: [
    { name: '2024: 30 November', input: { year: 2024 }, output: { deadline: '2024-11-30' } },
    { name: '2023: 30 November', input: { year: 2023 }, output: { deadline: '2023-11-30' } },
    { name: '2026 is outside the plan', input: { year: 2026 }, error: { code: 'policy-not-in-force', field: 'year' } },
  ],
} satisfies RuleCases;
