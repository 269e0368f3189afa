/**
 * Fast path of rule `overquota-reward` (clause m3.2): the amount only, in scaled integers —
 * max(0, floor(disabledCounted − totalStaff × quota)) × multiplier × monthlyMinWage. The numbers come
 * from `rules/parameters`; a wage looked up by district and date, or an inconsistent input, defers.
 */
import { overquotaReward } from '../clauses/overquota-reward.ts';
import { baotouPlan } from '../parameters/baotou-2023-43.ts';
import { headcount, quota } from '../parameters/inner-mongolia.ts';
import { add, floorDiv, fractionOf, money, mul, type Fraction } from './exact.ts';
import type { FastInputs } from './inputs.ts';
import type { FastRule } from './rule.ts';

const ratio = fractionOf(quota.ratio.value);
const multiplier = fractionOf(baotouPlan.overquotaReward.minimumWageMultiplier.value);
const maxWeight = headcount.doubleWeight.value;

export const overquotaRewardFast: FastRule = {
  rule: overquotaReward,
  amount(input: FastInputs) {
    const staff = input.totalStaff as number;
    const counted = input.disabledCounted as Fraction;
    const wage = input.monthlyMinWage as Fraction | undefined;
    if (wage === undefined) return undefined;
    if (counted.n > mul(mul(staff, maxWeight), counted.d)) return undefined;
    if (input.unitKind !== 'enterprise') return '0.00';
    // counted − staff × ratio = (counted.n × ratio.d − staff × ratio.n × counted.d) / (counted.d × ratio.d)
    const above = add(mul(counted.n, ratio.d), -mul(mul(staff, ratio.n), counted.d));
    const excess = Math.max(0, floorDiv(above, mul(counted.d, ratio.d)));
    return money(mul(mul(excess, multiplier.n), wage.n), mul(multiplier.d, wage.d));
  },
};
