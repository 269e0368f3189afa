/**
 * Fast path of rule `rent-subsidy` (clause m9.2): min(monthlyRent, cap) × min(months, maxMonths −
 * monthsAlreadySubsidised) when the entity has operated long enough, applies in time, has months left
 * and is not a blind-massage shop; otherwise 0.
 */
import { rentSubsidy } from '../clauses/rent-subsidy.ts';
import { baotouPlan } from '../parameters/baotou-2023-43.ts';
import { compare, fractionOf, money, mul, type Fraction } from './exact.ts';
import type { FastInputs } from './inputs.ts';
import type { FastRule } from './rule.ts';

const p = baotouPlan.rentSubsidy;
const cap = fractionOf(p.monthlyCap.value);

export const rentSubsidyFast: FastRule = {
  rule: rentSubsidy,
  amount(input: FastInputs) {
    if (input.blindMassageShop === true) return '0.00';
    const already = input.monthsAlreadySubsidised as number;
    const remaining = Math.max(0, p.maxMonths.value - already);
    const eligible =
      (input.monthsOperating as number) >= p.minMonthsOperating.value && (input.monthsSinceStart as number) <= p.applyWithinMonths.value && remaining > 0;
    if (!eligible) return '0.00';
    const rent = input.monthlyRent as Fraction;
    const monthly = compare(rent, cap) < 0 ? rent : cap;
    const months = Math.min(input.months as number, remaining);
    return money(mul(monthly.n, months), monthly.d);
  },
};
