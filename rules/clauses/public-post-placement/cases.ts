import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m1.2: re-placement only for 重度残疾人等特殊困难人员; at most 2 placements; not with the flexible-employment insurance subsidy. */
export default {
  rule: 'public-post-placement',
  cases: [
    { name: 'a first placement is allowed', input: { placementNumber: 1, receivesFlexibleEmploymentInsuranceSubsidy: false, date }, output: { allowed: true } },
    {
      name: 'a second placement of a severely disabled person is allowed',
      input: { placementNumber: 2, severe: true, receivesFlexibleEmploymentInsuranceSubsidy: false, date },
      output: { allowed: true },
    },
    {
      name: 'a second placement of someone not severely disabled is not',
      input: { placementNumber: 2, severe: false, receivesFlexibleEmploymentInsuranceSubsidy: false, date },
      output: { allowed: false },
    },
    {
      name: 'a third placement is not allowed (2 in total)',
      input: { placementNumber: 3, severe: true, receivesFlexibleEmploymentInsuranceSubsidy: false, date },
      output: { allowed: false },
    },
    {
      name: 'not together with the flexible-employment insurance subsidy',
      input: { placementNumber: 1, receivesFlexibleEmploymentInsuranceSubsidy: true, date },
      output: { allowed: false },
    },
    {
      name: 'a first placement: allowed, with its conclusion, relying on no reading',
      input: { placementNumber: 1, receivesFlexibleEmploymentInsuranceSubsidy: false, date },
      output: { allowed: true },
      eligible: true,
      failed: [],
      steps: ['Conclusion: the placement is allowed'],
      warnings: [],
      interpretations: [],
      clause: 'm1.2',
    },
    {
      name: 'the flexible-employment insurance subsidy excludes even a severely disabled person',
      input: { placementNumber: 1, severe: true, receivesFlexibleEmploymentInsuranceSubsidy: true, date },
      output: { allowed: false },
      failed: ['receives-flexible-employment-insurance-subsidy'],
    },
    {
      name: 'a second placement of a severely disabled person counts the first (placements-total)',
      input: { placementNumber: 2, severe: true, receivesFlexibleEmploymentInsuranceSubsidy: false, date },
      output: { allowed: true },
      failed: [],
      interpretations: ['placements-total'],
      steps: [{ zh: '再次安置：岗位补贴和社会保险补贴期限重新计算，并报自治区人力资源和社会保障厅、财政厅备案' }],
      exact: ['interpretations'],
    },
    {
      name: 'no date: the plan is applied with a warning (a clause rule follows the plan’s window)',
      input: { placementNumber: 1, receivesFlexibleEmploymentInsuranceSubsidy: false },
      output: { allowed: true },
      warnings: ['No date given: applied 包府办发〔2023〕43号 (valid 2023-04-22 – 2024-12-31)'],
      exact: ['warnings'],
    },
    {
      name: 'a second placement without special hardship',
      input: { placementNumber: 2, severe: false, receivesFlexibleEmploymentInsuranceSubsidy: false, date },
      output: { allowed: false },
      failed: ['not-special-hardship'],
    },
    {
      name: 'a third placement: “in principle” at most two, with a warning',
      input: { placementNumber: 3, severe: true, receivesFlexibleEmploymentInsuranceSubsidy: false, date },
      output: { allowed: false },
      failed: ['placements-exceeded'],
      interpretations: ['placements-total'],
      warnings: ['"In principle" at most 2: an exception needs a separate decision, which this rule does not make'],
    },
    {
      name: 'every failed condition is named, in order',
      input: { placementNumber: 7, receivesFlexibleEmploymentInsuranceSubsidy: true, date },
      output: { allowed: false },
      failed: ['receives-flexible-employment-insurance-subsidy', 'placements-exceeded'],
    },
    {
      name: 'a date after the plan is refused',
      input: { placementNumber: 1, receivesFlexibleEmploymentInsuranceSubsidy: false, date: '2025-01-01' },
      error: { code: 'policy-not-in-force', field: 'date' },
    },
    {
      name: 'a second placement needs severe to be said',
      input: { placementNumber: 2, receivesFlexibleEmploymentInsuranceSubsidy: false },
      error: { code: 'missing-input', field: 'severe' },
    },
    {
      name: 'placement 0 does not exist',
      input: { placementNumber: 0, receivesFlexibleEmploymentInsuranceSubsidy: false },
      error: { code: 'out-of-range', field: 'placementNumber' },
    },
    {
      name: 'placement 1.5 is not a count',
      input: { placementNumber: 1.5, receivesFlexibleEmploymentInsuranceSubsidy: false },
      error: { code: 'not-an-integer', field: 'placementNumber' },
    },
    {
      name: 'the placement number is required',
      input: { receivesFlexibleEmploymentInsuranceSubsidy: false },
      error: { code: 'missing-input', field: 'placementNumber' },
    },
    {
      name: 'the subsidy question is required',
      input: { placementNumber: 1 },
      error: { code: 'missing-input', field: 'receivesFlexibleEmploymentInsuranceSubsidy' },
    },
    {
      name: 'a yes/no it cannot read is refused',
      input: { placementNumber: 2, severe: 'maybe', receivesFlexibleEmploymentInsuranceSubsidy: false },
      error: { code: 'invalid-boolean', field: 'severe' },
    },
  ],
} satisfies RuleCases;
