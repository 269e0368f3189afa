/**
 * Rule `levy-due` (helper for clause m2-levy, 未按比例安排残疾人就业的应及时足额缴纳残疾人就业保障金): the
 * employment-security fund owed for a data year (所属年度) (财税〔2015〕72号): (staff × quota − counted) ×
 * average wage, the shortfall kept exact, rounded once at the end. The levy for a data year is collected in
 * the following year, and what applies is what is in force on the collection date (interpretation
 * `levy-year`): the small-enterprise exemption (under 财税〔2015〕72号 only within years of registration, not
 * modelled: refused; from 财税〔2017〕18号 with no end date), the wage cap (a multiple of the local social
 * average wage, 财税〔2017〕18号 then 财税〔2018〕39号) and the reduced rates (财政部公告2019年第98号 and
 * 2023年第8号, until they end). All dated in `rules/parameters/national.ts`.
 */
import type { Context } from '../../core/context.ts';
import { addDays, isoYearOf } from '../../core/dates.ts';
import { Dec, decimalOf, isWholeCents, money, ONE, percent, plain, ZERO } from '../../core/decimal.ts';
import { fail } from '../../core/errors.ts';
import { units } from '../../core/labels.ts';
import { disabledCountedInput, totalStaffInput } from '../../core/common-specs.ts';
import { defineRule } from '../../core/rule.ts';
import { text } from '../../core/text.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';
import { headcount, quota } from '../../parameters/inner-mongolia.ts';
import { levy } from '../../parameters/national.ts';
import { documentsOf, type Parameter } from '../../parameters/types.ts';
import type { ParameterSet } from '../../parameters/index.ts';

/** Every dated levy parameter: a change inside the collection year makes the collection date needed. */
const levyParameters: Parameter[] = [
  levy.formula,
  levy.exemptMaxStaff,
  levy.exemptWithinYearsOfRegistration,
  levy.wageCapMultiple,
  levy.tierRatio,
  levy.rateAtOrAboveTier,
  levy.rateBelowTier,
];

/** Every change of the levy rules in a parameter set, each (date and document) once, in the parameters' order: made once per set (sets are immutable). */
const levyChanges = new WeakMap<ParameterSet, readonly { from: string; document: string }[]>();
function levyChangesOf(ctx: Context): readonly { from: string; document: string }[] {
  let changes = levyChanges.get(ctx.parameters);
  if (!changes) {
    const seen = new Map<string, { from: string; document: string }>();
    for (const p of levyParameters) for (const h of ctx.historyOf(p)) seen.set(`${h.from} ${h.source.document}`, { from: h.from, document: h.source.document });
    levyChanges.set(ctx.parameters, (changes = [...seen.values()]));
  }
  return changes;
}

/** Changes of the levy rules strictly inside a collection year (after its 1 January), each once: found once per set and year (a batch's rows share few years). */
const changesByYear = new WeakMap<ParameterSet, Map<number, readonly { from: string; document: string }[]>>();
function changesWithin(collectionYear: number, ctx: Context): readonly { from: string; document: string }[] {
  let byYear = changesByYear.get(ctx.parameters);
  if (!byYear) changesByYear.set(ctx.parameters, (byYear = new Map()));
  let changes = byYear.get(collectionYear);
  if (!changes) {
    const first = `${collectionYear}-01-01`;
    const last = `${collectionYear}-12-31`;
    changes = levyChangesOf(ctx)
      .filter((c) => c.from > first && c.from <= last)
      .sort((a, b) => (a.from < b.from ? -1 : 1));
    byYear.set(collectionYear, changes);
  }
  return changes;
}

/** The collection date as the steps and messages show it: the date given, or the collection year. */
const collectedShownOf = (input: { year: number; date?: string }): string => input.date ?? `${input.year + 1}`;

/** The collection date: after the data year, and given where the rules change within the collection year; the formula in force on it. */
function collectionDateOf(input: { year: number; date?: string }, ctx: Context): void {
  const { year } = input;
  const collectionYear = year + 1;
  ctx.rely('levy-year');
  // an ISO date is not after the data year when its year is not (compared as numbers: no text made per row)
  if (input.date !== undefined && isoYearOf(input.date) <= year) {
    fail(
      'inconsistent-input',
      `征收日期 ${input.date} 不在所属年度 ${year} 之后：${year} 年度的保障金在 ${collectionYear} 年及以后征收`,
      `The collection date ${input.date} is not after the data year ${year}: the levy for ${year} is collected from ${collectionYear}`,
      'date',
    );
  }
  if (input.date === undefined) {
    const changes = changesWithin(collectionYear, ctx);
    if (changes.length > 0) {
      const list = changes.map((c) => `${c.from}（${c.document}）`).join('、');
      const listEn = changes.map((c) => `${c.from} (${c.document})`).join(', ');
      fail(
        'collection-date-needed',
        `${year} 年度的保障金在 ${collectionYear} 年征收，而该年内规定有变化：${list}。请填写征收日期 date`,
        `The levy for ${year} is collected in ${collectionYear}, when the rules changed: ${listEn}. Give the collection date (date)`,
        'date',
      );
    }
  }
  const formula = ctx.entry(levy.formula);
  if (!formula || formula.value === null) {
    const first = ctx.historyOf(levy.formula)[0];
    const collectedShown = collectedShownOf(input);
    fail(
      'no-levy-rule-for-year',
      `征收日期 ${collectedShown} 早于已收录的保障金规定（${first.source.document}，${first.from} 起）`,
      `The collection date ${collectedShown} is before the levy rules held (${first.source.document}, from ${first.from})`,
      input.date === undefined ? 'year' : 'date',
    );
  }
  if (ctx.explain) {
    const collectedShown = collectedShownOf(input);
    ctx.step(
      `${year} 年度（所属年度）的保障金于 ${collectedShown} 征收：按征收日期适用的规定计算（${formula.source.document}）`,
      `The levy for the data year ${year} is collected in ${collectedShown}: the rules in force on the collection date apply (${formula.source.document})`,
    );
  }
}

/** More counted disabled employees than the weights allow for the staff is impossible. */
function checkCounted(totalStaff: number, disabledCounted: Dec, ctx: Context): void {
  const maxWeight = ctx.at(headcount.doubleWeight).value;
  if (disabledCounted.gt(totalStaff * maxWeight)) {
    fail(
      'inconsistent-input',
      `残疾职工折算人数 ${plain(disabledCounted)} 超过在职职工总数的${maxWeight}倍，无法成立`,
      `disabledCounted ${plain(disabledCounted)} is more than ${maxWeight} × totalStaff: impossible`,
      'disabledCounted',
    );
  }
}

/** The reduced rates' entry on the collection date; a warning when they have ended. */
function reducedRatesInForce(ctx: Context, input: { year: number; date?: string }) {
  const tierEntry = ctx.entry(levy.tierRatio);
  if (tierEntry && tierEntry.value === null) {
    const collectedShown = collectedShownOf(input);
    const lastDay = addDays(tierEntry.from, -1);
    ctx.warn(
      `分档减缴（${tierEntry.source.document}）执行至 ${lastDay}；征收日期 ${collectedShown} 按应缴额全额计算，请核对有无新规定`,
      `The reduced rates (${tierEntry.source.document}) ended ${lastDay}; collected ${collectedShown}, the full levy is due: check for newer rules`,
    );
  }
  return tierEntry;
}

/** The shortfall against the quota, exact. */
function shortfallOf(totalStaff: number, disabledCounted: Dec, ctx: Context): { ratio: Dec; shortfall: Dec; shortfallPersons: Dec } {
  const ratio = decimalOf(ctx.at(quota.ratio));
  const quotaPersons = ratio.times(totalStaff);
  const shortfall = quotaPersons.minus(disabledCounted);
  const shortfallPersons = Dec.max(0, shortfall);
  if (ctx.explain) {
    const product = `${percent(ratio)} × ${totalStaff} = ${plain(quotaPersons)}`;
    ctx.step(product, product);
    const difference = `${plain(quotaPersons)} − ${plain(disabledCounted)} = ${plain(shortfall)}`;
    const met = shortfall.lte(0);
    ctx.step(`${difference}${met ? '：已达到比例' : ' 人（不取整）'}`, `${difference}${met ? ': the quota is met' : ' persons (not rounded)'}`);
  }
  return { ratio, shortfall, shortfallPersons };
}

/** The wage base: the average wage, capped at the multiple of the social average wage in force on the collection date. */
function wageBaseOf(averageWage: Dec, socialAverageWage: Dec | undefined, ctx: Context): Dec {
  let wageBase = averageWage;
  const cap = ctx.entry(levy.wageCapMultiple);
  if (!cap || cap.value === null) {
    const first = ctx.historyOf(levy.wageCapMultiple)[0];
    ctx.step(() => [
      `征收日期早于 ${first.source.document}（${first.from} 起设封顶）：按实际年平均工资 ${money(wageBase)} 元，不封顶`,
      `Collected before ${first.source.document} (cap from ${first.from}): the actual average wage ${money(wageBase)} yuan, no cap`,
    ]);
  } else if (socialAverageWage === undefined) {
    const multiple = decimalOf(cap as { value: number });
    ctx.warn(
      `未填写当地社会平均工资：未检查“超过${plain(multiple)}倍按${plain(multiple)}倍计算”的封顶（${cap.source.document}）`,
      `No socialAverageWage given: the ${plain(multiple)} × social-average-wage cap (${cap.source.document}) was not checked`,
    );
    ctx.step(() => [`计征工资：年平均工资 ${money(wageBase)} 元`, `Wage base: the average wage ${money(wageBase)} yuan`]);
  } else {
    const multiple = decimalOf(cap as { value: number });
    const limit = multiple.times(socialAverageWage);
    const above = wageBase.gt(limit);
    if (ctx.explain) {
      const wage = money(wageBase);
      const times = plain(multiple);
      const capped = money(limit);
      if (above) {
        const social = money(socialAverageWage);
        ctx.step(
          `年平均工资 ${wage} 超过社会平均工资 ${social} 的${times}倍（${cap.source.document}）：按 ${capped} 元计算`,
          `The average wage ${wage} exceeds ${times} × the social average ${social} (${cap.source.document}): ${capped} yuan is used`,
        );
      } else {
        ctx.step(
          `年平均工资 ${wage} 未超过社会平均工资的${times}倍（${capped}，${cap.source.document}）：按实际计算`,
          `The average wage ${wage} is within ${times} × the social average (${capped}, ${cap.source.document}): used as it is`,
        );
      }
    }
    if (above) wageBase = limit;
  }
  return wageBase;
}

/**
 * The small-enterprise exemption on the collection date: true when the unit is exempt. With no end date
 * under the later rule; under the earlier one it needs the registration date, which is refused, not guessed.
 */
function smallEnterpriseExempt(totalStaff: number, unitKind: string, shortfall: Dec, ctx: Context): boolean {
  const maxStaff = ctx.at(levy.exemptMaxStaff);
  if (totalStaff > maxStaff.value) return false;
  if (unitKind !== 'enterprise') {
    ctx.step(() => [
      `在职职工不超过 ${maxStaff.value} 人，但暂免只适用于企业：照常计算`,
      `${maxStaff.value} or fewer staff, but the exemption is for enterprises only: computed as usual`,
    ]);
    return false;
  }
  const withinYears = ctx.entry(levy.exemptWithinYearsOfRegistration);
  if (withinYears && withinYears.value !== null) {
    if (shortfall.gt(0)) {
      const until = ctx.historyOf(levy.exemptWithinYearsOfRegistration)[1]?.from ?? '';
      fail(
        'registration-date-needed',
        `征收日期在 ${until} 之前：在职职工 ${totalStaff} 人（不超过 ${maxStaff.value} 人）的小微企业，自工商登记注册之日起 ${withinYears.value} 年内免征（${withinYears.source.document}）；本规则没有登记日期，不作推断，请人工核定`,
        `Collected before ${until}: a small enterprise with ${totalStaff} staff (${maxStaff.value} or fewer) is exempt within ${withinYears.value} years of its registration (${withinYears.source.document}); this rule has no registration date and does not guess: decide by hand`,
        'totalStaff',
      );
    }
    return false;
  }
  ctx.step(() => [
    `在职职工 ${totalStaff} 人，不超过 ${maxStaff.value} 人（含）的企业暂免征收（${maxStaff.source.document}，${maxStaff.from} 起，无截止日期）`,
    `An enterprise with ${totalStaff} staff (${maxStaff.value} or fewer) is exempt (${maxStaff.source.document}, from ${maxStaff.from}, no end date)`,
  ]);
  return true;
}

/** The levy base as a step shows it: money where it has whole cents, else exact (cut to 4 places with "…"). Display only. */
function shownBase(base: Dec): string {
  if (isWholeCents(base)) return money(base);
  return base.decimalPlaces() > 4 ? `${plain(base.toDecimalPlaces(4))}…` : plain(base);
}

/** The shortfall times the wage base, kept exact (how it is shown is worked out only when explaining: `shownBase`). */
function levyBase(shortfall: Dec, wageBase: Dec, ctx: Context): Dec {
  const base = shortfall.times(wageBase);
  if (ctx.explain) {
    const unrounded = !isWholeCents(base);
    const product = `${plain(shortfall)} × ${money(wageBase)} = ${shownBase(base)}`;
    ctx.step(`${product}${unrounded ? '（不取整，最后一步才四舍五入）' : ''}`, `${product}${unrounded ? ' (kept exact; rounded only at the end)' : ''}`);
  }
  return base;
}

/** The share of the levy payable under the reduced rates in force, by the unit's tier; a hint toward the lower rate. */
function reducedRate(totalStaff: number, disabledCounted: Dec, ctx: Context): Dec {
  const tier = decimalOf(ctx.at(levy.tierRatio));
  const tierPersons = tier.times(totalStaff);
  const atTier = disabledCounted.gte(tierPersons);
  const rateReading = ctx.at(atTier ? levy.rateAtOrAboveTier : levy.rateBelowTier);
  const rate = decimalOf(rateReading);
  if (ctx.explain) {
    const comparison = `${plain(disabledCounted)} ${atTier ? '≥' : '<'} ${percent(tier)} × ${totalStaff} = ${plain(tierPersons)}`;
    const share = percent(rate);
    ctx.step(
      `${comparison}：按应缴额的 ${share} 缴纳（${rateReading.source.document}）`,
      `${comparison}: ${share} of the levy is payable (${rateReading.source.document})`,
    );
    // how many more would reach the lower rate is a hint
    if (!atTier) {
      const persons = plain(tierPersons.minus(disabledCounted));
      const tierShown = percent(tier);
      const shareAbove = percent(decimalOf(ctx.at(levy.rateAtOrAboveTier)));
      ctx.hint(
        `再增加 ${persons} 名折算残疾职工（达到${tierShown}），按 ${shareAbove} 缴纳`,
        `${persons} more counted disabled employees (reaching ${tierShown}) would cut the share payable to ${shareAbove}`,
      );
    }
  }
  return rate;
}

export const levyDue = defineRule({
  id: 'levy-due',
  clause: clauses['m2-levy'],
  kind: 'helper',
  title: text('残疾人就业保障金应缴额', 'Employment-security fund (levy) due'),
  description: text(
    '未按比例安排残疾人就业的用人单位为所属年度应缴纳的残疾人就业保障金（次年征收；社平工资封顶、小微企业暂免和分档减缴按征收日期适用）',
    'The levy a unit below the quota owes for a data year (collected the following year; the wage cap, the small-enterprise exemption and the reduced rates as in force on the collection date)',
  ),
  sources: documentsOf(...levyParameters, quota.ratio),
  inputs: [
    totalStaffInput({
      description: text('所属年度用人单位在职职工人数（年平均）', "The unit's in-service staff in the data year (annual average)"),
      example: 400,
    }),
    disabledCountedInput({ example: 4 }),
    {
      name: 'averageWage',
      type: 'money',
      required: true,
      min: 0,
      minExclusive: true,
      label: text('在职职工年平均工资', 'Average annual wage of the staff'),
      description: text('用人单位在职职工在所属年度的年平均工资（元）', "The unit's average annual wage per employee in the data year (yuan)"),
      unit: units.yuan,
      example: 80000,
    },
    {
      name: 'socialAverageWage',
      type: 'money',
      min: 0,
      minExclusive: true,
      label: text('当地社会平均工资', 'Local social average wage'),
      description: text(
        '当地社会平均工资（元/年）；用于征收日期适用的工资封顶，不填则不检查封顶',
        'Local social average annual wage (yuan); for the wage cap in force on the collection date, which is not checked when absent',
      ),
      unit: units.yuan,
      example: 90000,
    },
    {
      name: 'year',
      type: 'integer',
      required: true,
      label: text('所属年度', 'Data year (所属年度; levy collected the next year)'),
      description: text(
        '保障金所属年度（数据年度，不是征收年度）：按该年度的在职职工人数、残疾职工人数和年平均工资计算。该年度的保障金在次年征收，暂免、减缴和工资封顶按征收日期适用（见“征收日期”）',
        'The data year (所属年度) whose staff, disabled employees and average wage are counted. Its levy is collected in the following year; the exemption, reduced rates and wage cap are those in force on the collection date (see date)',
      ),
      unit: units.years,
      example: 2024,
    },
    {
      name: 'unitKind',
      type: 'choice',
      default: 'enterprise',
      label: text('单位类型', 'Kind of unit'),
      description: text(
        '企业，或机关、事业单位、社会团体等其他用人单位（小微企业暂免只适用于企业）',
        'Enterprise, or another employer (agency, public institution, association …); the small-unit exemption applies to enterprises only',
      ),
      choices: [
        { value: 'enterprise', label: text('企业', 'enterprise'), aliases: ['用人单位（企业）'] },
        {
          value: 'other',
          label: text('机关、事业单位、社会团体等', 'agency, public institution, association etc.'),
          aliases: ['机关', '事业单位', '社会团体', '其他'],
        },
      ],
    },
    {
      name: 'date',
      type: 'date',
      label: text('征收日期', 'Collection date'),
      description: text(
        '保障金的征收（申报缴纳）日期 YYYY-MM-DD，在所属年度之后；决定适用哪一时期的暂免、减缴和封顶。不填时按所属年度的次年计算；次年内规定有变化的必须填写',
        'The date the levy is collected (declared and paid), YYYY-MM-DD, after the data year; it decides which exemption, reduced rates and cap apply. Without it the year after the data year is used; where the rules changed within that year it is required',
      ),
      example: '2025-06-30',
    },
  ],
  outputs: [
    { name: 'amount', type: 'money', label: text('应缴保障金', 'Levy due'), unit: units.yuan },
    { name: 'shortfallPersons', type: 'decimal', label: text('差额人数', 'Shortfall (persons)'), unit: units.persons },
    { name: 'wageBase', type: 'money', label: text('计征工资', 'Wage base'), unit: units.yuan },
    { name: 'reductionRate', type: 'decimal', label: text('按应缴额的比例缴纳', 'Share of the levy payable') },
    { name: 'exempt', type: 'boolean', label: text('暂免征收', 'Exempt') },
  ],
  primary: 'amount',
  /** Without a collection date, the first day of the collection year (the year after the data year): `compute` refuses it where the rules change later that year. */
  claimDate: (input) => `${input.year + 1}-01-01`,
  claimDateField: 'year',
  compute(input, ctx) {
    const { totalStaff, disabledCounted } = input;
    collectionDateOf(input, ctx);
    checkCounted(totalStaff, disabledCounted, ctx);
    const tierEntry = reducedRatesInForce(ctx, input);
    const { ratio, shortfall, shortfallPersons } = shortfallOf(totalStaff, disabledCounted, ctx);
    const wageBase = wageBaseOf(input.averageWage, input.socialAverageWage, ctx);
    if (smallEnterpriseExempt(totalStaff, input.unitKind, shortfall, ctx)) {
      return { amount: ZERO, shortfallPersons, wageBase, reductionRate: ZERO, exempt: true };
    }
    if (shortfall.lte(0)) {
      ctx.step(() => [`达到${percent(ratio)}比例：无需缴纳`, `The quota of ${percent(ratio)} is met: nothing is owed`]);
      return { amount: ZERO, shortfallPersons, wageBase, reductionRate: ONE, exempt: false };
    }
    const base = levyBase(shortfall, wageBase, ctx);
    const rate = tierEntry && tierEntry.value !== null ? reducedRate(totalStaff, disabledCounted, ctx) : ONE;
    const amount = base.times(rate);
    if (ctx.explain) {
      const product = `${shownBase(base)} × ${plain(rate)} = ${money(amount)}`;
      ctx.step(`${product}（四舍五入到分）`, `${product} (rounded to 0.01)`);
      const persons = plain(shortfall);
      ctx.hint(`再增加 ${persons} 名折算残疾职工即无需缴纳`, `${persons} more counted disabled employees would remove the levy`);
    }
    return { amount, shortfallPersons, wageBase, reductionRate: rate, exempt: false };
  },
});
