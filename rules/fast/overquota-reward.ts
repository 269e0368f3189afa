/**
 * Fast path of rule `overquota-reward` (clause m3.2): the amount only, in scaled integers —
 * max(0, floor(disabledCounted − totalStaff × quota)) × multiplier × monthlyMinWage. The numbers come
 * from `rules/parameters`; a wage looked up by district and date, or an inconsistent input, defers.
 */
import { overquotaReward } from '../clauses/overquota-reward.ts';
import { baotouPlan } from '../parameters/plan.ts';
import { headcount, quota } from '../parameters/inner-mongolia.ts';
import { latestValue } from '../parameters/types.ts';
import { add, cents, floorDiv, fractionOf, mul } from './exact.ts';
import type { FastRule } from './rule.ts';

const ratio = fractionOf(latestValue(quota.ratio));
const multiplier = fractionOf(latestValue(baotouPlan.overquotaReward.minimumWageMultiplier));
const maxWeight = latestValue(headcount.doubleWeight);

export const overquotaRewardFast: FastRule = {
  rule: overquotaReward,
  cents: (at) => {
    const { totalStaff, disabledCounted, monthlyMinWage, unitKind } = at;
    return ({ n, d, choice }) => {
      const staff = n[totalStaff];
      const counted = n[disabledCounted];
      const countedScale = d[disabledCounted];
      const wage = n[monthlyMinWage];
      if (Number.isNaN(wage)) return undefined;
      if (counted > mul(mul(staff, maxWeight), countedScale)) return undefined;
      if (choice[unitKind] !== 'enterprise') return 0;
      // counted − staff × ratio = (counted × ratio.d − staff × ratio.n × countedScale) / (countedScale × ratio.d)
      const above = add(mul(counted, ratio.d), -mul(mul(staff, ratio.n), countedScale));
      const excess = Math.max(0, floorDiv(above, mul(countedScale, ratio.d)));
      return cents(mul(mul(excess, multiplier.n), wage), mul(multiplier.d, d[monthlyMinWage]));
    };
  },
};
