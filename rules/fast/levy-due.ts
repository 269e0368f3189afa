/**
 * Fast path of rule `levy-due` (helper for clause m2-levy): (staff × quota − counted) × wage base ×
 * the year's payable share, rounded once half up; the wage base capped at a multiple of the social
 * average wage from the cap's first year; small enterprises exempt in the reduction years. Years before
 * the first levy year and inconsistent inputs defer to `evaluate()`, which explains them.
 */
import { levyDue } from '../clauses/levy-due.ts';
import { headcount, quota } from '../parameters/inner-mongolia.ts';
import { levy } from '../parameters/national.ts';
import { compare, fractionOf, money, mul, add, type Fraction } from './exact.ts';
import type { FastInputs } from './inputs.ts';
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
const ONE: Fraction = { n: 1, d: 1 };

export const levyDueFast: FastRule = {
  rule: levyDue,
  amount(input: FastInputs) {
    const staff = input.totalStaff as number;
    const counted = input.disabledCounted as Fraction;
    const year = input.year as number;
    if (year < levy.firstYear) return undefined;
    if (counted.n > mul(mul(staff, maxWeight), counted.d)) return undefined;

    let wage = input.averageWage as Fraction;
    const social = input.socialAverageWage as Fraction | undefined;
    if (year >= levy.wageCap.fromYear && social !== undefined) {
      const limit = { n: mul(capMultiple.n, social.n), d: mul(capMultiple.d, social.d) };
      if (compare(wage, limit) > 0) wage = limit;
    }

    const reduction = reductions.find((r) => year >= r.fromYear && year <= r.toYear);
    if (reduction && staff <= reduction.exemptMaxStaff && input.unitKind === 'enterprise') return '0.00';

    // staff × ratio − counted = (staff × ratio.n × counted.d − counted.n × ratio.d) / (ratio.d × counted.d)
    const shortfall = add(mul(mul(staff, ratio.n), counted.d), -mul(counted.n, ratio.d));
    if (shortfall <= 0) return '0.00';
    let rate = ONE;
    if (reduction) {
      const atTier = compare(counted, { n: mul(staff, reduction.tier.n), d: reduction.tier.d }) >= 0;
      rate = atTier ? reduction.atOrAbove : reduction.below;
    }
    const n = mul(mul(shortfall, wage.n), rate.n);
    const d = mul(mul(mul(ratio.d, counted.d), wage.d), rate.d);
    return money(n, d);
  },
};
