import type { RuleCases } from '../../core/cases.ts';

/** 四: in force 30 days after publication (2023-03-23 → 2023-04-22), valid to 2024-12-31. */
export default {
  rule: 'policy-in-force',
  cases: [
    {
      name: 'the first day (30 days after publication)',
      input: { date: '2023-04-22' },
      output: { inForce: true, validFrom: '2023-04-22', validTo: '2024-12-31' },
      interpretations: ['effective-date'],
      exact: ['output', 'interpretations'],
    },
    {
      name: 'the day before',
      input: { date: '2023-04-21' },
      output: { inForce: false, validFrom: '2023-04-22', validTo: '2024-12-31' },
      interpretations: ['effective-date'],
      exact: ['output', 'interpretations'],
    },
    {
      name: 'the last day',
      input: { date: '2024-12-31' },
      output: { inForce: true, validFrom: '2023-04-22', validTo: '2024-12-31' },
      interpretations: ['effective-date'],
      exact: ['output', 'interpretations'],
    },
    {
      name: 'the day after',
      input: { date: '2025-01-01' },
      output: { inForce: false, validFrom: '2023-04-22', validTo: '2024-12-31' },
      interpretations: ['effective-date'],
      exact: ['output', 'interpretations'],
    },
    { name: '29 February 2023 does not exist', input: { date: '2023-02-29' }, error: { code: 'invalid-date', field: 'date' } },
    { name: 'the date is required', input: {}, error: { code: 'missing-input', field: 'date' } },
  ],
} satisfies RuleCases;
