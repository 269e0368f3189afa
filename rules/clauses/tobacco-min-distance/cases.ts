import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m2: 65 m / 30 m in the four urban districts, 50 m / 25 m in the outer five; 稀土高新区 not listed. */
export default {
  rule: 'tobacco-min-distance',
  cases: [
    { name: '昆区, disabled applicant: 30 m (the table, not half of 65 m)', input: { district: '昆区', disabledApplicant: true, date }, output: { metres: 30, normalMetres: 65, disabledMetres: 30 }, interpretations: ['tobacco-30m'] },
    { name: '昆区, other applicant: 65 m', input: { district: '昆都仑区', disabledApplicant: false, date }, output: { metres: 65 } },
    { name: '固阳县, disabled applicant: 25 m', input: { district: '固阳县', disabledApplicant: true, date }, output: { metres: 25, normalMetres: 50 } },
    { name: 'no guess: the applicant must be said', input: { district: '昆区', date }, error: { code: 'missing-input', field: 'disabledApplicant' } },
    { name: '稀土高新区: the text gives no answer', input: { district: '稀土高新区', disabledApplicant: true, date }, error: { code: 'no-answer-in-text', field: 'district' }, interpretations: [] },
  ],
} satisfies RuleCases;
