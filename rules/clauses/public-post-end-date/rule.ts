/**
 * Rule `public-post-end-date`, clause m1.2: the subsidy period is at most the plan's number of years, extended to retirement
 * for a person within the plan's number of years of it. The last subsidised day is the last day of that period from the start, counted as 《民法典》第二百零二条
 * counts periods (`periodLastDay`, interpretation `period-end`: a period from a leap day ends on February's last day). When the
 * statutory retirement date (rule `retirement-date`) falls within the extension period from the start (不足:
 * exactly that many years is not less), the subsidy runs to the day before retirement (interpretation
 * `retirement-last-day`). A person who retires within the subsidy period stops the day before.
 */
import { addDays, periodLastDay } from '../../core/dates.ts';
import { fail } from '../../core/errors.ts';
import { defineRule } from '../../core/rule.ts';
import { text } from '../../core/text.ts';
import { baotouPlan } from '../../parameters/plan.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';
import { retirementReform, type RetirementCategory } from '../../parameters/national.ts';
import { birthDateInput, retirementCategoryInput, retirementWithSteps } from '../../helpers/retirement-date/rule.ts';
import { num } from '../../parameters/words.ts';

/** A calendar fact, not a policy number. */
const MONTHS_PER_YEAR = 12;

export const publicPostEndDate = defineRule({
  id: 'public-post-end-date',
  clause: clauses['m1.2'],
  kind: 'clause',
  title: text('公益性岗位补贴截止日期', 'Last day of the public-welfare-post subsidy'),
  description: text(
    `公益性岗位补贴期限不超过${num(baotouPlan.publicWelfarePost.subsidyYears)}年；距离法定退休年龄不足${num(baotouPlan.publicWelfarePost.yearsToRetirementForExtension)}年的人员可延长至退休`,
    `The public-welfare-post subsidy lasts at most ${num(baotouPlan.publicWelfarePost.subsidyYears)} years; a person less than ${num(baotouPlan.publicWelfarePost.yearsToRetirementForExtension)} years from retirement may be subsidised until retirement`,
  ),
  sources: [retirementReform.document],
  claimDate: (input) => input.startDate,
  inputs: [
    {
      name: 'startDate',
      type: 'date',
      required: true,
      label: text('补贴起始日期', 'Subsidy start date'),
      description: text('公益性岗位补贴（安置）起始日期 YYYY-MM-DD', 'First day of the public-welfare-post subsidy (placement), YYYY-MM-DD'),
      example: '2024-03-01',
    },
    birthDateInput,
    retirementCategoryInput,
  ],
  outputs: [
    { name: 'endDate', type: 'date', label: text('补贴截止日期（最后一天）', 'Last day subsidised') },
    { name: 'extendedToRetirement', type: 'boolean', label: text('延长至退休', 'Extended to retirement') },
    { name: 'retirementDate', type: 'date', label: text('法定退休日期', 'Retirement date') },
  ],
  primary: 'endDate',
  compute(input, ctx) {
    const { startDate } = input;
    const post = ctx.at(baotouPlan.publicWelfarePost);
    if (input.birthDate >= startDate) {
      fail(
        'inconsistent-input',
        `出生日期 ${input.birthDate} 不早于补贴起始日期 ${startDate}`,
        `The birth date ${input.birthDate} is not before the start date ${startDate}`,
        'birthDate',
      );
    }
    const subsidyMonths = post.subsidyYears.value * MONTHS_PER_YEAR;
    const threeYearEnd = periodLastDay(startDate, subsidyMonths);
    ctx.rely('period-end');
    ctx.step(() => [
      `补贴期限不超过${post.subsidyYears.value}年：自 ${startDate} 起${post.subsidyYears.value}年，最后一日为 ${threeYearEnd}（《民法典》第二百零二条：到期月的对应日为最后一日，没有对应日的为月末日）`,
      `At most ${post.subsidyYears.value} years: ${post.subsidyYears.value} years from ${startDate} end on ${threeYearEnd} (Civil Code, 民法典 第二百零二条: the corresponding day of the last month, or its last day where there is none)`,
    ]);

    const retirement = retirementWithSteps(input.birthDate, input.retirementCategory, ctx);
    const retirementDate = retirement.retirementDate;
    if (retirementDate <= startDate) {
      fail(
        'inconsistent-input',
        `补贴起始日期 ${startDate} 不早于法定退休日期 ${retirementDate}：已达退休年龄，不能享受公益性岗位补贴`,
        `The start date ${startDate} is not before the retirement date ${retirementDate}: the person has reached retirement age`,
        'startDate',
      );
    }
    const dayBeforeRetirement = addDays(retirementDate, -1);
    if (dayBeforeRetirement < threeYearEnd) {
      ctx.rely('retirement-last-day');
      ctx.step(() => [
        `法定退休日期 ${retirementDate} 在${post.subsidyYears.value}年期满前：补贴至退休前一天 ${dayBeforeRetirement}（不属延长）`,
        `Retirement on ${retirementDate} comes before the ${post.subsidyYears.value} years end: the subsidy stops the day before, ${dayBeforeRetirement} (not an extension)`,
      ]);
      return { endDate: dayBeforeRetirement, extendedToRetirement: false, retirementDate };
    }
    // the extension's mark is needed only when retirement does not fall within the term
    const years = post.yearsToRetirementForExtension.value;
    const fiveYearEnd = periodLastDay(startDate, years * MONTHS_PER_YEAR);
    if (retirementDate <= fiveYearEnd) {
      ctx.rely('retirement-last-day');
      const extended = dayBeforeRetirement > threeYearEnd;
      ctx.step(() => [
        `起始日距法定退休日期 ${retirementDate} 不足${years}年（自 ${startDate} 起${years}年的最后一日为 ${fiveYearEnd}）：可延长至退休，补贴至退休前一天 ${dayBeforeRetirement}`,
        `From the start, retirement on ${retirementDate} is less than ${years} years away (${years} years from ${startDate} end on ${fiveYearEnd}): may be extended to retirement, the day before it: ${dayBeforeRetirement}`,
      ]);
      if (!extended) {
        ctx.step(() => ['退休前一天恰为期满日，无需延长', 'The day before retirement is the last day of the term anyway: nothing to extend']);
      }
      return { endDate: dayBeforeRetirement, extendedToRetirement: extended, retirementDate };
    }
    ctx.step(() => [
      `起始日距法定退休日期 ${retirementDate} 不少于${years}年（自 ${startDate} 起${years}年的最后一日为 ${fiveYearEnd}，退休日在其后；“不足”不含本数）：不延长，补贴至 ${threeYearEnd}`,
      `From the start, retirement on ${retirementDate} is at least ${years} years away (${years} years from ${startDate} end on ${fiveYearEnd}, before retirement; "less than" excludes equality): no extension, the subsidy ends ${threeYearEnd}`,
    ]);
    return { endDate: threeYearEnd, extendedToRetirement: false, retirementDate };
  },
});
