/**
 * The only list of rules. Every projection (HTTP routes, OpenAPI, Excel functions, the page's forms,
 * batch columns) is generated from it: a new rule is one module in `clauses/` and one line here.
 */
import type { RuleDefinition } from './core/rule.ts';
import { minWage } from './clauses/min-wage.ts';
import { certInfo } from './clauses/cert-info.ts';
import { retirementDate } from './clauses/retirement-date.ts';
import { publicPostEndDate } from './clauses/public-post-end-date.ts';
import { publicPostPlacement } from './clauses/public-post-placement.ts';
import { disabledHeadcount } from './clauses/disabled-headcount.ts';
import { levyDue } from './clauses/levy-due.ts';
import { agencyMinPlacement } from './clauses/agency-min-placement.ts';
import { dpfCadreRatio } from './clauses/dpf-cadre-ratio.ts';
import { tobaccoMinDistance } from './clauses/tobacco-min-distance.ts';
import { tobaccoLicenceCheck } from './clauses/tobacco-licence-check.ts';
import { graduateHireSubsidy } from './clauses/graduate-hire-subsidy.ts';
import { dispatchReferralReward } from './clauses/dispatch-referral-reward.ts';
import { stallReserve } from './clauses/stall-reserve.ts';
import { labourCoefficientZero } from './clauses/labour-coefficient-zero.ts';
import { ruralStartupLoanCap } from './clauses/rural-startup-loan-cap.ts';
import { ruralTrainingSubsidy } from './clauses/rural-training-subsidy.ts';
import { hospitalBlindMassage } from './clauses/hospital-blind-massage.ts';
import { blindMassageInsuranceSubsidy } from './clauses/blind-massage-insurance-subsidy.ts';
import { rentSubsidy } from './clauses/rent-subsidy.ts';
import { skillsTrainingSubsidy } from './clauses/skills-training-subsidy.ts';
import { reportDeadline } from './clauses/report-deadline.ts';
import { policyInForce } from './clauses/policy-in-force.ts';
import { overquotaReward } from './clauses/overquota-reward.ts';

export const rules: readonly RuleDefinition[] = [
  agencyMinPlacement,
  dpfCadreRatio,
  publicPostEndDate,
  publicPostPlacement,
  tobaccoMinDistance,
  tobaccoLicenceCheck,
  overquotaReward,
  graduateHireSubsidy,
  dispatchReferralReward,
  stallReserve,
  labourCoefficientZero,
  ruralStartupLoanCap,
  ruralTrainingSubsidy,
  hospitalBlindMassage,
  blindMassageInsuranceSubsidy,
  rentSubsidy,
  skillsTrainingSubsidy,
  reportDeadline,
  policyInForce,
  disabledHeadcount,
  minWage,
  levyDue,
  certInfo,
  retirementDate,
];

const byId = new Map(rules.map((r) => [r.id, r]));

export const findRule = (id: string): RuleDefinition | undefined => byId.get(id);
