import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m1.2: re-placement only for 重度残疾人等特殊困难人员; at most 2 placements; not with the flexible-employment insurance subsidy. */
export default {
  rule: 'public-post-placement',
  cases: [
    { name: 'a first placement is allowed', input: { placementNumber: 1, receivesFlexibleEmploymentInsuranceSubsidy: false, date }, output: { allowed: true } },
    { name: 'a second placement of a severely disabled person is allowed', input: { placementNumber: 2, severe: true, receivesFlexibleEmploymentInsuranceSubsidy: false, date }, output: { allowed: true } },
    { name: 'a second placement of someone not severely disabled is not', input: { placementNumber: 2, severe: false, receivesFlexibleEmploymentInsuranceSubsidy: false, date }, output: { allowed: false } },
    { name: 'a third placement is not allowed (2 in total)', input: { placementNumber: 3, severe: true, receivesFlexibleEmploymentInsuranceSubsidy: false, date }, output: { allowed: false } },
    { name: 'not together with the flexible-employment insurance subsidy', input: { placementNumber: 1, receivesFlexibleEmploymentInsuranceSubsidy: true, date }, output: { allowed: false } },
  ],
} satisfies RuleCases;
