/**
 * Rule `levy-due` (helper for clause m2-levy, 未按比例安排残疾人就业的应及时足额缴纳残疾人就业保障金): the
 * employment-security fund owed for a year (财税〔2015〕72号): (staff × 1.5 % − counted) × average wage, the
 * shortfall kept exact; the wage capped at 2 × the local social average wage from 2018 (财税〔2017〕18号); in
 * 2020–2027 enterprises with ≤ 30 staff are exempt and a unit at ≥ 1 % pays 50 %, below 1 % pays 90 %
 * (财政部公告2019年第98号, 2023年第8号). Rounded once, at the end.
 */
import { Dec, decimalOf, money, percent, plain } from '../core/decimal.ts';
import { fail } from '../core/errors.ts';
import { units } from '../core/labels.ts';
import { disabledCountedInput, totalStaffInput } from '../core/common-specs.ts';
import { defineRule } from '../core/rule.ts';
import { text } from '../core/text.ts';
import { clauses } from '../parameters/clauses.ts';
import { headcount, quota } from '../parameters/inner-mongolia.ts';
import { levy } from '../parameters/national.ts';

type UnitKind = 'enterprise' | 'other';

interface Inputs {
  totalStaff: number;
  disabledCounted: Dec;
  averageWage: Dec;
  socialAverageWage?: Dec;
  year: number;
  unitKind: UnitKind;
}

const lastReductionYear = Math.max(...levy.reductions.map((r) => r.toYear));
const reductionDocuments = levy.reductions.flatMap((r) => r.documents);

export const levyDue = defineRule<Inputs>({
  id: 'levy-due',
  clause: clauses['m2-levy'],
  kind: 'helper',
  title: text('残疾人就业保障金应缴额', 'Employment-security fund (levy) due'),
  description: text(
    '未按1.5%比例安排残疾人就业的用人单位应缴纳的残疾人就业保障金（含2倍社平工资封顶、小微企业暂免和分档减缴）',
    'The levy owed by a unit below the 1.5 % quota (with the 2 × social-average-wage cap, the small-enterprise exemption and the reduced rates)',
  ),
  sources: [levy.formula.document, levy.wageCap.multiple.source.document, ...reductionDocuments, quota.ratio.source.document],
  inputs: [
    totalStaffInput({ description: text('上年用人单位在职职工人数（年平均）', "The unit's in-service staff in the year (annual average)"), example: 400 }),
    disabledCountedInput({ example: 4 }),
    {
      name: 'averageWage',
      type: 'money',
      required: true,
      min: 0,
      minExclusive: true,
      label: text('在职职工年平均工资', 'Average annual wage of the staff'),
      description: text('用人单位在职职工上年年平均工资（元）', "The unit's average annual wage per employee in the year (yuan)"),
      unit: units.yuan,
      example: 80000,
    },
    {
      name: 'socialAverageWage',
      type: 'money',
      min: 0,
      minExclusive: true,
      label: text('当地社会平均工资', 'Local social average wage'),
      description: text('当地社会平均工资（元/年）；用于2倍封顶，不填则不检查封顶', 'Local social average annual wage (yuan); for the 2× cap, which is not checked when absent'),
      unit: units.yuan,
      example: 90000,
    },
    {
      name: 'year',
      type: 'integer',
      required: true,
      label: text('所属年度', 'Year'),
      description: text('保障金所属年度（按该年度的职工人数和工资计算）', 'The year the levy concerns (its staff and wages)'),
      unit: units.years,
      example: 2024,
    },
    {
      name: 'unitKind',
      type: 'choice',
      default: 'enterprise',
      label: text('单位类型', 'Kind of unit'),
      description: text('企业，或机关、事业单位、社会团体等其他用人单位（小微企业暂免只适用于企业）', 'Enterprise, or another employer (agency, public institution, association …); the small-unit exemption applies to enterprises only'),
      choices: [
        { value: 'enterprise', label: text('企业', 'enterprise'), aliases: ['用人单位（企业）'] },
        { value: 'other', label: text('机关、事业单位、社会团体等', 'agency, public institution, association etc.'), aliases: ['机关', '事业单位', '社会团体', '其他'] },
      ],
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
  compute(input, ctx) {
    const { totalStaff, disabledCounted, year } = input;
    if (year < levy.firstYear) {
      fail(
        'no-levy-rule-for-year',
        `${year} 年早于已收录的保障金规定（${levy.formula.document}，自 ${levy.firstYear} 年起）`,
        `${year} is before the levy rules held (${levy.formula.document}, from ${levy.firstYear})`,
        'year',
      );
    }
    if (disabledCounted.gt(totalStaff * headcount.doubleWeight.value)) {
      fail(
        'inconsistent-input',
        `残疾职工折算人数 ${plain(disabledCounted)} 超过在职职工总数的${headcount.doubleWeight.value}倍，无法成立`,
        `disabledCounted ${plain(disabledCounted)} is more than ${headcount.doubleWeight.value} × totalStaff: impossible`,
        'disabledCounted',
      );
    }
    const reduction = levy.reductions.find((r) => year >= r.fromYear && year <= r.toYear);
    if (year > lastReductionYear) {
      ctx.warn(
        `减免政策（${reductionDocuments.join('、')}）执行至 ${lastReductionYear}-12-31；${year} 年按基本公式计算，无暂免和减缴，请核对有无新规定`,
        `The reductions (${reductionDocuments.join(', ')}) end ${lastReductionYear}-12-31; ${year} uses the base formula without exemption or reduction: check for newer rules`,
      );
    }

    // The shortfall, exact.
    const ratio = decimalOf(quota.ratio);
    const quotaPersons = ratio.times(totalStaff);
    ctx.step(() => [`${percent(ratio)} × ${totalStaff} = ${plain(quotaPersons)}`, `${percent(ratio)} × ${totalStaff} = ${plain(quotaPersons)}`]);
    const shortfall = quotaPersons.minus(disabledCounted);
    const shortfallPersons = Dec.max(0, shortfall);
    ctx.step(() => [
      `${plain(quotaPersons)} − ${plain(disabledCounted)} = ${plain(shortfall)}${shortfall.lte(0) ? '：已达到比例' : ' 人（不取整）'}`,
      `${plain(quotaPersons)} − ${plain(disabledCounted)} = ${plain(shortfall)}${shortfall.lte(0) ? ': the quota is met' : ' persons (not rounded)'}`,
    ]);

    // The wage base.
    let wageBase = input.averageWage;
    const cap = levy.wageCap;
    const multiple = decimalOf(cap.multiple);
    if (year < cap.fromYear) {
      ctx.step(() => [
        `${year} 年早于 ${cap.multiple.source.document}：按实际年平均工资 ${money(wageBase)} 元，不封顶`,
        `${year} is before ${cap.multiple.source.document}: the actual average wage ${money(wageBase)} yuan, no cap`,
      ]);
    } else if (input.socialAverageWage === undefined) {
      ctx.warn(
        `未填写当地社会平均工资：未检查“超过${plain(multiple)}倍按${plain(multiple)}倍计算”的封顶`,
        `No socialAverageWage given: the ${plain(multiple)} × social-average-wage cap was not checked`,
      );
      ctx.step(() => [`计征工资：年平均工资 ${money(wageBase)} 元`, `Wage base: the average wage ${money(wageBase)} yuan`]);
    } else {
      const socialAverageWage = input.socialAverageWage;
      const limit = multiple.times(socialAverageWage);
      if (wageBase.gt(limit)) {
        ctx.step(() => [
          `年平均工资 ${money(wageBase)} 超过社会平均工资 ${money(socialAverageWage)} 的${plain(multiple)}倍：按 ${money(limit)} 元计算`,
          `The average wage ${money(wageBase)} exceeds ${plain(multiple)} × the social average ${money(socialAverageWage)}: ${money(limit)} yuan is used`,
        ]);
        wageBase = limit;
      } else {
        ctx.step(() => [
          `年平均工资 ${money(wageBase)} 未超过社会平均工资的${plain(multiple)}倍（${money(limit)}）：按实际计算`,
          `The average wage ${money(wageBase)} is within ${plain(multiple)} × the social average (${money(limit)}): used as it is`,
        ]);
      }
    }

    // The exemption for small enterprises.
    if (reduction) {
      const maxStaff = reduction.exemptMaxStaff.value;
      if (totalStaff <= maxStaff) {
        if (input.unitKind === 'enterprise') {
          ctx.step(() => [
            `${year} 年在职职工 ${totalStaff} 人，不超过 ${maxStaff} 人（含）的企业暂免征收（${reduction.documents.join('、')}）`,
            `In ${year}, an enterprise with ${totalStaff} staff (${maxStaff} or fewer) is exempt (${reduction.documents.join(', ')})`,
          ]);
          return { amount: new Dec(0), shortfallPersons, wageBase, reductionRate: new Dec(0), exempt: true };
        }
        ctx.step(() => [
          `在职职工不超过 ${maxStaff} 人，但暂免只适用于企业：照常计算`,
          `${maxStaff} or fewer staff, but the exemption is for enterprises only: computed as usual`,
        ]);
      }
    }

    if (shortfall.lte(0)) {
      ctx.step(() => [`达到${percent(ratio)}比例：无需缴纳`, `The quota of ${percent(ratio)} is met: nothing is owed`]);
      return { amount: new Dec(0), shortfallPersons, wageBase, reductionRate: new Dec(1), exempt: false };
    }
    const base = shortfall.times(wageBase);
    const unrounded = !new Dec(money(base)).eq(base);
    const baseShown = !unrounded ? money(base) : base.decimalPlaces() > 4 ? `${plain(base.toDecimalPlaces(4))}…` : plain(base);
    ctx.step(() => [
      `${plain(shortfall)} × ${money(wageBase)} = ${baseShown}${unrounded ? '（不取整，最后一步才四舍五入）' : ''}`,
      `${plain(shortfall)} × ${money(wageBase)} = ${baseShown}${unrounded ? ' (kept exact; rounded only at the end)' : ''}`,
    ]);

    // The reduced rates.
    let rate = new Dec(1);
    if (reduction) {
      const tier = decimalOf(reduction.tierRatio);
      const tierPersons = tier.times(totalStaff);
      const atTier = disabledCounted.gte(tierPersons);
      rate = new Dec(atTier ? reduction.rateAtOrAboveTier.value : reduction.rateBelowTier.value);
      ctx.step(() => [
        `${plain(disabledCounted)} ${atTier ? '≥' : '<'} ${percent(tier)} × ${totalStaff} = ${plain(tierPersons)}：${year} 年按应缴额的 ${percent(rate)} 缴纳`,
        `${plain(disabledCounted)} ${atTier ? '≥' : '<'} ${percent(tier)} × ${totalStaff} = ${plain(tierPersons)}: in ${year} ${percent(rate)} of the levy is payable`,
      ]);
      if (!atTier) {
        const more = tierPersons.minus(disabledCounted);
        const rateAbove = decimalOf(reduction.rateAtOrAboveTier);
        ctx.hint(() => [
          `再增加 ${plain(more)} 名折算残疾职工（达到${percent(tier)}），按 ${percent(rateAbove)} 缴纳`,
          `${plain(more)} more counted disabled employees (reaching ${percent(tier)}) would cut the share payable to ${percent(rateAbove)}`,
        ]);
      }
    }
    const amount = base.times(rate);
    ctx.step(() => [`${baseShown} × ${plain(rate)} = ${money(amount)}（四舍五入到分）`, `${baseShown} × ${plain(rate)} = ${money(amount)} (rounded to 0.01)`]);
    ctx.hint(() => [`再增加 ${plain(shortfall)} 名折算残疾职工即无需缴纳`, `${plain(shortfall)} more counted disabled employees would remove the levy`]);
    return { amount, shortfallPersons, wageBase, reductionRate: rate, exempt: false };
  },
});
