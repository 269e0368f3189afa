/**
 * Fast path of rule `blind-massage-insurance-subsidy` (clause m8.2): insurancePaidLastYear × share,
 * rounded half up to 0.01, while fewer than the maximum years were subsidised; 0 after.
 */
import { blindMassageInsuranceSubsidy } from '../clauses/blind-massage-insurance-subsidy.ts';
import { Context } from '../core/context.ts';
import { baotouPlan } from '../parameters/plan.ts';
import { cents, fractionOf, mul } from './exact.ts';
import type { FastRule } from './rule.ts';

const { share, maxYears } = new Context(undefined).at(baotouPlan.blindMassageInsurance);
const rate = fractionOf(share.value);

export const blindMassageInsuranceSubsidyFast: FastRule = {
  rule: blindMassageInsuranceSubsidy,
  cents: (at) => {
    const { yearsAlreadySubsidised, insurancePaidLastYear } = at;
    return ({ n, d }) => {
      if (n[yearsAlreadySubsidised] >= maxYears.value) return 0;
      return cents(mul(n[insurancePaidLastYear], rate.n), mul(d[insurancePaidLastYear], rate.d));
    };
  },
};
