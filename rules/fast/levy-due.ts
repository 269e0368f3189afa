/**
 * Fast path of rule `levy-due` (helper for clause m2-levy): (staff × quota − counted) × wage base ×
 * the year's payable share, rounded once half up; the wage base capped at a multiple of the social
 * average wage from the cap's first year; small enterprises exempt in the reduction years. Years before
 * the first levy year and inconsistent inputs defer to `evaluate()`, which explains them.
 */
import { levyDue } from '../clauses/levy-due.ts';
import { headcount, quota } from '../parameters/inner-mongolia.ts';
import { levy } from '../parameters/national.ts';
import { add, cents, compare, fractionOf, mul } from './exact.ts';
import type { FastRule } from './rule.ts';

const ratio = fractionOf(quota.ratio.value);
const capMultiple = fractionOf(levy.wageCap.multiple.value);
const maxWeight = headcount.doubleWeight.value;
const reductions = levy.reductions.map((r) => ({
  fromYear: r.fromYear,
  toYear: r.toYear,
  exemptMaxStaff: r.exemptMaxStaff.value,
  tier: fractionOf(r.tierRatio.value),
  atOrAbove: fractionOf(r.rateAtOrAboveTier.value),
  below: fractionOf(r.rateBelowTier.value),
}));
const ONE = { n: 1, d: 1 };

const reductionIn = (year: number) => {
  for (const r of reductions) if (year >= r.fromYear && year <= r.toYear) return r;
  return undefined;
};

export const levyDueFast: FastRule = {
  rule: levyDue,
  cents: (at) => {
    const { totalStaff, disabledCounted, year: yearAt, averageWage, socialAverageWage, unitKind } = at;
    return ({ n, d, choice }) => {
      const staff = n[totalStaff];
      const counted = n[disabledCounted];
      const countedScale = d[disabledCounted];
      const year = n[yearAt];
      if (year < levy.firstYear) return undefined;
      if (counted > mul(mul(staff, maxWeight), countedScale)) return undefined;

      let wage = n[averageWage];
      let wageScale = d[averageWage];
      const social = n[socialAverageWage];
      if (year >= levy.wageCap.fromYear && !Number.isNaN(social)) {
        const limit = mul(capMultiple.n, social);
        const limitScale = mul(capMultiple.d, d[socialAverageWage]);
        if (compare(wage, wageScale, limit, limitScale) > 0) (wage = limit), (wageScale = limitScale);
      }

      const reduction = reductionIn(year);
      if (reduction && staff <= reduction.exemptMaxStaff && choice[unitKind] === 'enterprise') return 0;

      // staff × ratio − counted = (staff × ratio.n × countedScale − counted × ratio.d) / (ratio.d × countedScale)
      const shortfall = add(mul(mul(staff, ratio.n), countedScale), -mul(counted, ratio.d));
      if (shortfall <= 0) return 0;
      let rate = ONE;
      if (reduction) {
        const atTier = compare(counted, countedScale, mul(staff, reduction.tier.n), reduction.tier.d) >= 0;
        rate = atTier ? reduction.atOrAbove : reduction.below;
      }
      return cents(mul(mul(shortfall, wage), rate.n), mul(mul(mul(ratio.d, countedScale), wageScale), rate.d));
    };
  },
};
