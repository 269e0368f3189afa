/**
 * The only list of rules. Every projection (HTTP routes, OpenAPI, Excel functions, the page's forms,
 * batch columns) is generated from it: a new rule is one folder in `clauses/` (or `helpers/`) and one line here.
 */
import type { RuleDefinition } from './core/rule.ts';
import { minWage } from './helpers/min-wage/rule.ts';
import { certInfo } from './helpers/cert-info/rule.ts';
import { retirementDate } from './helpers/retirement-date/rule.ts';
import { publicPostEndDate } from './clauses/public-post-end-date/rule.ts';
import { publicPostPlacement } from './clauses/public-post-placement/rule.ts';
import { disabledHeadcount } from './helpers/disabled-headcount/rule.ts';
import { levyDue } from './helpers/levy-due/rule.ts';
import { agencyMinPlacement } from './clauses/agency-min-placement/rule.ts';
import { dpfCadreRatio } from './clauses/dpf-cadre-ratio/rule.ts';
import { tobaccoMinDistance } from './clauses/tobacco-min-distance/rule.ts';
import { tobaccoLicenceCheck } from './clauses/tobacco-licence-check/rule.ts';
import { graduateHireSubsidy } from './clauses/graduate-hire-subsidy/rule.ts';
import { dispatchReferralReward } from './clauses/dispatch-referral-reward/rule.ts';
import { stallReserve } from './clauses/stall-reserve/rule.ts';
import { labourCoefficientZero } from './clauses/labour-coefficient-zero/rule.ts';
import { ruralStartupLoanCap } from './clauses/rural-startup-loan-cap/rule.ts';
import { ruralTrainingSubsidy } from './clauses/rural-training-subsidy/rule.ts';
import { hospitalBlindMassage } from './clauses/hospital-blind-massage/rule.ts';
import { blindMassageInsuranceSubsidy } from './clauses/blind-massage-insurance-subsidy/rule.ts';
import { rentSubsidy } from './clauses/rent-subsidy/rule.ts';
import { skillsTrainingSubsidy } from './clauses/skills-training-subsidy/rule.ts';
import { reportDeadline } from './clauses/report-deadline/rule.ts';
import { policyInForce } from './clauses/policy-in-force/rule.ts';
import { overquotaReward } from './clauses/overquota-reward/rule.ts';

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
