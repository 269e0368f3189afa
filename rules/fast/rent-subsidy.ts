/**
 * Fast path of rule `rent-subsidy` (clause m9.2): min(monthlyRent, cap) × min(months, maxMonths −
 * monthsAlreadySubsidised) when the entity has operated long enough, applies in time, has months left
 * and is not a blind-massage shop; otherwise 0.
 */
import { rentSubsidy } from '../clauses/rent-subsidy.ts';
import { Context } from '../core/context.ts';
import { baotouPlan } from '../parameters/plan.ts';
import { cents, compare, fractionOf, mul } from './exact.ts';
import type { FastRule } from './rule.ts';

const p = new Context(undefined).at(baotouPlan.rentSubsidy);
const cap = fractionOf(p.monthlyCap.value);

export const rentSubsidyFast: FastRule = {
  rule: rentSubsidy,
  cents: (at) => {
    const { blindMassageShop, monthsAlreadySubsidised, monthsOperating, monthsSinceStart, monthlyRent, months } = at;
    return ({ n, d }) => {
      if (n[blindMassageShop] === 1) return 0;
      const remaining = Math.max(0, p.maxMonths.value - n[monthsAlreadySubsidised]);
      const eligible = n[monthsOperating] >= p.minMonthsOperating.value && n[monthsSinceStart] <= p.applyWithinMonths.value && remaining > 0;
      if (!eligible) return 0;
      const belowCap = compare(n[monthlyRent], d[monthlyRent], cap.n, cap.d) < 0;
      const monthly = belowCap ? n[monthlyRent] : cap.n;
      const scale = belowCap ? d[monthlyRent] : cap.d;
      return cents(mul(monthly, Math.min(n[months], remaining)), scale);
    };
  },
};
