/**
 * Fast path of rule `blind-massage-insurance-subsidy` (clause m8.2): insurancePaidLastYear × share,
 * rounded half up to 0.01, while fewer than the maximum years were subsidised; 0 after.
 */
import { blindMassageInsuranceSubsidy } from '../clauses/blind-massage-insurance-subsidy.ts';
import { baotouPlan } from '../parameters/baotou-2023-43.ts';
import { fractionOf, money, mul, type Fraction } from './exact.ts';
import type { FastInputs } from './inputs.ts';
import type { FastRule } from './rule.ts';

const { share, maxYears } = baotouPlan.blindMassageInsurance;
const rate = fractionOf(share.value);

export const blindMassageInsuranceSubsidyFast: FastRule = {
  rule: blindMassageInsuranceSubsidy,
  amount(input: FastInputs) {
    if ((input.yearsAlreadySubsidised as number) >= maxYears.value) return '0.00';
    const paid = input.insurancePaidLastYear as Fraction;
    return money(mul(paid.n, rate.n), mul(paid.d, rate.d));
  },
};
