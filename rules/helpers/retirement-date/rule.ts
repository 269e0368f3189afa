/**
 * Rule `retirement-date` (helper for clause m1.2, 距离退休年龄不足…年): the statutory retirement date under the
 * gradual reform decided by the NPC Standing Committee (its dates and numbers in `rules/parameters/national.ts`). With k = months from
 * the category's start month to the birth month, the delay is 0 when k < 0, else min(cap, floor(k / step) + 1)
 * months; the retirement date is the birth date plus the age (interpretation `month-end-dates` when the day clamps).
 */
import type { Context } from '../../core/context.ts';
import { daysInMonth, formatDate, isIsoDate, isoDayOf, isoYearMonthIndexOf, parseIsoDate, YEAR_MAX, YEAR_MIN } from '../../core/dates.ts';
import { fail } from '../../core/errors.ts';
import { units } from '../../core/labels.ts';
import { defineRule } from '../../core/rule.ts';
import type { InputSpec } from '../../core/schema.ts';
import { text } from '../../core/text.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';
import { reformNumbers, retirementReform, type ReformNumbers, type RetirementCategory } from '../../parameters/national.ts';
import { latestValue } from '../../parameters/types.ts';

/** A calendar fact, not a policy number. */
const MONTHS_PER_YEAR = 12;

export interface Retirement {
  retirementDate: string;
  ageYears: number;
  ageMonths: number;
  delayMonths: number;
  /** Months from the category's start month to the birth month (negative: born before it). */
  k: number;
  /** The birth day does not exist in the retirement month: the month's last day was taken. */
  clamped: boolean;
}

/** The retirement date and age for a birth date and category. Pure; the birth date must be a valid ISO date. */
export function retirementOf(birthDate: string, category: RetirementCategory, c: ReformNumbers = reformNumbers(category)): Retirement {
  // the birth date read once: its month gives the delay, its day the day in the retirement month
  const birth = parseIsoDate(birthDate)!;
  const birthMonth = birth.y * MONTHS_PER_YEAR + birth.m - 1;
  const k = birthMonth - isoYearMonthIndexOf(c.startMonth);
  const delayMonths = k < 0 ? 0 : Math.min(c.capMonths, Math.floor(k / c.stepMonths) + 1);
  const totalMonths = c.originalAgeYears * MONTHS_PER_YEAR + delayMonths;
  // the birth date plus the age, as `addMonths` moves it: the birth day, or the retirement month's last day where it has none
  const retirementMonth = birthMonth + totalMonths;
  const retirementYear = Math.floor(retirementMonth / MONTHS_PER_YEAR);
  const month = (retirementMonth % MONTHS_PER_YEAR) + 1;
  const lastDay = daysInMonth(retirementYear, month);
  const retirementDate = formatDate({ y: retirementYear, m: month, d: Math.min(birth.d, lastDay) });
  // clamped inside the package's years (the date then exists)
  const clamped = retirementYear >= YEAR_MIN && retirementYear <= YEAR_MAX && birth.d > lastDay;
  return {
    retirementDate,
    ageYears: Math.floor(totalMonths / MONTHS_PER_YEAR),
    ageMonths: totalMonths % MONTHS_PER_YEAR,
    delayMonths,
    k,
    clamped,
  };
}

const CATEGORY_NAMES: Record<RetirementCategory, { zh: string; en: string }> = {
  male: text('男', 'male'),
  'female-55': text(`女（原${reformNumbers('female-55').originalAgeYears}岁）`, `female (formerly ${reformNumbers('female-55').originalAgeYears})`),
  'female-50': text(`女（原${reformNumbers('female-50').originalAgeYears}岁）`, `female (formerly ${reformNumbers('female-50').originalAgeYears})`),
};

export const retirementCategoryInput = {
  name: 'retirementCategory',
  type: 'choice',
  required: true,
  label: text('退休类别', 'Retirement category'),
  description: text(
    `男职工；原法定退休年龄${reformNumbers('female-55').originalAgeYears}周岁的女职工；原法定退休年龄${reformNumbers('female-50').originalAgeYears}周岁的女职工`,
    `men; women whose former statutory age was ${reformNumbers('female-55').originalAgeYears}; women whose former statutory age was ${reformNumbers('female-50').originalAgeYears}`,
  ),
  // The NFKC form as an alias: input is NFKC-normalised before matching, which turns （） into ().
  choices: (Object.keys(CATEGORY_NAMES) as RetirementCategory[]).map((value) => ({
    value,
    label: CATEGORY_NAMES[value],
    aliases: [CATEGORY_NAMES[value].zh.normalize('NFKC')],
  })),
  example: 'male',
} as const satisfies InputSpec;

export const birthDateInput = {
  name: 'birthDate',
  type: 'date',
  required: true,
  personal: true,
  label: text('出生日期', 'Birth date'),
  description: text('出生日期 YYYY-MM-DD', 'Birth date, YYYY-MM-DD'),
  example: '1966-03-15',
} as const satisfies InputSpec;

const monthsEn = (n: number) => `${n} month${n === 1 ? '' : 's'}`;

const ageText = (years: number, months: number) =>
  text(months ? `${years}岁${months}个月` : `${years}岁`, months ? `${years} years ${monthsEn(months)}` : `${years} years`);

/** The birth month as the steps show it (as long as the start month's text): made only when explaining. */
const birthMonthOf = (birthDate: string, startMonth: string) => birthDate.slice(0, startMonth.length);

/** The retirement date with its explanation written to `ctx`; an error when the date is beyond the dates the package handles. */
export function retirementWithSteps(birthDate: string, category: RetirementCategory, ctx: Context, field = 'birthDate'): Retirement {
  const read = ctx.at(retirementReform.categories[category]);
  const c = {
    originalAgeYears: read.originalAgeYears.value,
    startMonth: read.startMonth.value,
    stepMonths: read.stepMonths.value,
    capMonths: read.capMonths.value,
  };
  const inForceFrom = ctx.at(retirementReform.inForceFrom).value;
  const r = retirementOf(birthDate, category, c);
  if (!isIsoDate(r.retirementDate)) {
    fail(
      'out-of-range',
      `出生日期 ${birthDate} 对应的退休日期超出可计算的范围`,
      `The retirement date for birth date ${birthDate} is beyond the dates this package handles`,
      field,
    );
  }
  // The words are made only when explaining (a batch row has none), in blocks rather than a render per step: the
  // retirement date is worked out on every row of two rules' batches.
  if (ctx.explain) explainRetirement(birthDate, category, c, inForceFrom, r, ctx);
  return r;
}

/** The steps of `retirementWithSteps` (made only when explaining). */
function explainRetirement(birthDate: string, category: RetirementCategory, c: ReformNumbers, inForceFrom: string, r: Retirement, ctx: Context): void {
  const name = CATEGORY_NAMES[category];
  const birthMonth = birthMonthOf(birthDate, c.startMonth);
  if (r.k < 0) {
    ctx.step(
      `${name.zh}：出生年月 ${birthMonth} 早于延迟退休起始月 ${c.startMonth}，不延迟，按原退休年龄 ${c.originalAgeYears} 岁`,
      `${name.en}: born ${birthMonth}, before the reform's first month ${c.startMonth}: no delay, the former age ${c.originalAgeYears} applies`,
    );
  } else {
    const capped = r.delayMonths === c.capMonths;
    ctx.step(
      `${name.zh}：出生年月 ${birthMonth} 距起始月 ${c.startMonth} ${r.k} 个月；${r.k} ÷ ${c.stepMonths} 向下取整得 ${Math.floor(r.k / c.stepMonths)}，加 1 得 ${Math.floor(r.k / c.stepMonths) + 1}，与上限 ${c.capMonths} 取较小者：延迟 ${r.delayMonths} 个月${capped ? '（已达上限）' : ''}`,
      `${name.en}: born ${birthMonth}, ${r.k} months after the first month ${c.startMonth}; delay = min(${c.capMonths}, floor(${r.k} ÷ ${c.stepMonths}) + 1) = ${monthsEn(r.delayMonths)}${capped ? ' (the cap)' : ''}`,
    );
  }
  const age = ageText(r.ageYears, r.ageMonths);
  ctx.step(`退休年龄 ${age.zh}：${birthDate} + ${age.zh} = ${r.retirementDate}`, `Retirement age ${age.en}: ${birthDate} + ${age.en} = ${r.retirementDate}`);
  if (r.clamped) {
    ctx.rely('month-end-dates');
    const day = isoDayOf(birthDate);
    ctx.step(`退休当月没有 ${day} 日，取该月最后一天 ${r.retirementDate}`, `The retirement month has no day ${day}: its last day ${r.retirementDate} is taken`);
  }
  if (r.retirementDate < inForceFrom) {
    ctx.step(
      `退休日期早于改革施行日 ${inForceFrom}：不受延迟退休影响`,
      `The retirement date is before the reform took effect (${inForceFrom}): the reform does not change it`,
    );
  }
}

export const retirementDate = defineRule({
  id: 'retirement-date',
  clause: clauses['m1.2'],
  kind: 'helper',
  title: text('法定退休日期', 'Statutory retirement date'),
  description: text(
    `按渐进式延迟法定退休年龄的决定（${latestValue(retirementReform.inForceFrom)}起施行）计算法定退休年龄和日期`,
    `Statutory retirement age and date under the gradual retirement-age reform in force from ${latestValue(retirementReform.inForceFrom)}`,
  ),
  sources: [retirementReform.document],
  inputs: [birthDateInput, retirementCategoryInput],
  outputs: [
    { name: 'retirementDate', type: 'date', label: text('法定退休日期', 'Retirement date') },
    { name: 'ageYears', type: 'integer', label: text('退休年龄（岁）', 'Retirement age (years)'), unit: units.years },
    { name: 'ageMonths', type: 'integer', label: text('退休年龄（另加月数）', 'Retirement age (extra months)'), unit: units.months },
    { name: 'delayMonths', type: 'integer', label: text('延迟月数', 'Delay'), unit: units.months },
  ],
  primary: 'retirementDate',
  compute(input, ctx) {
    const r = retirementWithSteps(input.birthDate, input.retirementCategory, ctx);
    return { retirementDate: r.retirementDate, ageYears: r.ageYears, ageMonths: r.ageMonths, delayMonths: r.delayMonths };
  },
});
