/**
 * Readings chosen where the plan's text is ambiguous (RULES.md's table, plus the few the code needed).
 * Data, not code: every result lists the ones its computation relied on.
 */
import { sharedPart } from './core/answer-json.ts';
import type { Text } from './core/text.ts';

export interface Interpretation {
  id: string;
  /** The words of the text that are ambiguous. */
  quote: string;
  reading: Text;
  alternative: Text;
  /** Where the reading was chosen: RULES.md, or this package (documented in docs/developers/rules.md). */
  chosenIn: 'RULES.md' | 'rules package';
  /** The legal basis of the reading, where the package chose it on one. */
  basis?: Text;
}

const entry = (id: string, quote: string, reading: Text, alternative: Text, chosenIn: Interpretation['chosenIn'] = 'RULES.md', basis?: Text): Interpretation =>
  // answers list them as they are: each written once (core/answer-json.ts)
  sharedPart(
    Object.freeze({
      id,
      quote,
      reading,
      alternative,
      chosenIn,
      ...(basis ? { basis } : {}),
    }),
  );

const list = [
  entry(
    'tobacco-30m',
    '间隔距离不少于正常距离的一半 … 正常办证65米，残疾人办证30米',
    { zh: '以文中明确列出的30米为准', en: 'the explicit table governs: 30 m' },
    { zh: '按65米的一半，即32.5米', en: 'half of 65 m = 32.5 m' },
  ),
  entry(
    'tobacco-hi-tech-zone',
    '稀土高新区未列入距离表',
    { zh: '文中未作规定：不给出答案，返回错误', en: 'the text gives no answer: error' },
    { zh: '参照昆区标准', en: "apply Kundulun's figures" },
  ),
  entry(
    'overquota-whole-persons',
    '每超额安排1名残疾人',
    { zh: '按超出1.5%的整人数计：折算人数减去在职职工数的1.5%，向下取整', en: 'whole persons above 1.5 %: floor(counted − 1.5 % × staff)' },
    { zh: '按比例折算不足1人的部分', en: 'pro-rata fractions' },
  ),
  entry(
    'placements-total',
    '累计安置次数原则上不超过2次',
    { zh: '安置总次数不超过2次，首次安置计入（即可再安置1次）', en: 'total placements ≤ 2, the first included (one re-placement)' },
    { zh: '再次安置不超过2次', en: 're-placements ≤ 2' },
  ),
  entry(
    'rent-blind-massage',
    '补贴期限不超过三年（盲人按摩店除外）',
    { zh: '盲人按摩店不适用本项场地租金补贴', en: 'blind-massage shops are outside this rent subsidy' },
    { zh: '盲人按摩店享受补贴且不受三年限制', en: 'they get it without the 3-year limit' },
  ),
  entry(
    'effective-date',
    '自发布之日起30日后施行',
    { zh: '2023-03-23发布，加30日，2023-04-22起施行', en: 'published 2023-03-23 + 30 days = in force from 2023-04-22' },
    { zh: '自印发日2023-03-31起算', en: 'counted from the issue date 2023-03-31' },
  ),
  entry(
    'partial-year',
    '不足一年的在岗时间如何计入1.5%比例（未见规定）',
    { zh: '按在岗月数 / 12 折算，不取整', en: 'months employed / 12, not rounded' },
    { zh: '按月平均人数并取整', en: 'average of monthly headcounts, rounded' },
  ),
  entry(
    'hi-tech-zone-wage',
    '稀土高新区不在任何最低工资类区',
    { zh: '返回错误，由调用方直接提供月最低工资标准', en: 'error; the caller passes monthlyMinWage' },
    { zh: '按一类区处理', en: 'treat as class 1' },
  ),
  entry(
    'min-wage-date',
    '当地月最低工资标准（年度奖励）',
    { zh: '采用填写的申报所涉日期当天执行的标准', en: 'the standard in force on the date the caller gives for the claim (`date`)' },
    { zh: '采用该年1月1日或12月31日的标准', en: 'the standard on 1 January or 31 December of the year' },
  ),
  entry(
    'share-rounding',
    '市、县（区、旗）两级残联各负担50%',
    {
      zh: '市级份额按四舍五入到分，旗县区份额取差额，两者之和恰等于补贴总额',
      en: "the city's share is rounded half up to 0.01; the district pays the remainder, so the shares add up to the amount",
    },
    { zh: '两份各自四舍五入（合计可能差1分）', en: 'round each share separately (they may miss the total by 0.01)' },
    'rules package',
  ),
  entry(
    'month-end-dates',
    '按年、按月推算日期（如2月29日出生）',
    { zh: '目标月份没有该日的，取该月最后一天', en: "a day that does not exist in the target month becomes that month's last day" },
    { zh: '顺延到下月1日', en: 'roll over to the 1st of the next month' },
    'rules package',
  ),
  entry(
    'period-end',
    '按年、按月计算的期间（补贴期限、“一年内”）的最后一日',
    {
      zh: '期间含起始日，到期月有对应日的，对应日前一日为最后一日；没有对应日的，以该月末日为最后一日：如自2024-02-29起按年计算的期间，在平年结束于2月28日',
      en: "a period includes its first day and ends the day before the first day's corresponding day in its last month, or on that month's last day where there is none: a period of years from 2024-02-29 ends on 28 February of a common year",
    },
    { zh: '起始日加若干年再减1天（2月27日）', en: 'first day + the years − 1 day (27 February)' },
    'rules package',
    {
      zh: '《中华人民共和国民法典》第二百零一条、第二百零二条（“没有对应日的，月末日为期间的最后一日”）',
      en: 'Civil Code of the PRC, arts. 201 and 202 ("where there is no corresponding day, the last day of the month is the last day of the period")',
    },
  ),
  entry(
    'retirement-last-day',
    '延长至退休',
    { zh: '补贴发放至法定退休日期的前一天', en: 'the subsidy runs to the day before the statutory retirement date' },
    { zh: '含退休当日或当月', en: 'including the retirement day or month' },
    'rules package',
  ),
  entry(
    'training-year',
    '每人每年参加残疾人职业技能培训不超过3次（同一培训项目同一等级一年内不可重复享受）',
    {
      zh: '“每年”按自然年计；“一年内”按开班日期前后12个月计',
      en: '"a year" for the 3-session limit is the calendar year; "within a year" for repeats is 12 months before the session date',
    },
    { zh: '两者均按自然年', en: 'both by calendar year' },
    'rules package',
  ),
  entry(
    'levy-year',
    '保障金年缴纳额＝（上年用人单位在职职工人数×比例－上年实际安排的残疾人就业人数）×上年在职职工年平均工资；自某年某月某日起暂免、减缴、封顶',
    {
      zh: '保障金应缴额中的“所属年度”是数据年度：按该年度的人数和工资计算，保障金在次年征收；暂免、分档减缴和工资封顶按征收日期适用（如2026年度在2027年征收，适用2023年第8号；2027年度在2028年征收，不再减缴）。未给征收日期而次年内规定有变化的，要求填写征收日期',
      en: "levy-due's year is the data year (所属年度): its staff and wages are counted and its levy is collected the following year; the exemption, reduced rates and wage cap are those in force on the collection date (the 2026 data year, collected in 2027, gets 2023年第8号's rates; the 2027 data year, collected in 2028, none). Without a collection date, where the rules change within the collection year, the date is required",
    },
    { zh: '“所属年度”指征收年度；或按所属年度套用减免期间', en: 'year is the collection year; or the reduction periods are matched against the data year' },
    'rules package',
    {
      zh: '财税〔2015〕72号：保障金按“上年”用人单位的人数和工资计算；财税〔2017〕18号、财税〔2018〕39号、财政部公告2019年第98号、2023年第8号均以“自某年某月某日起”规定征收政策的执行期间',
      en: "财税〔2015〕72号 computes the levy from the previous year's staff and wages; 财税〔2017〕18号, 财税〔2018〕39号 and 财政部公告2019年第98号 / 2023年第8号 each state their period as applying to collection from a date",
    },
  ),
] as const;

export type InterpretationId = (typeof list)[number]['id'];

export const interpretations: Readonly<Record<InterpretationId, Interpretation>> = Object.fromEntries(list.map((i) => [i.id, i])) as Record<
  InterpretationId,
  Interpretation
>;

export const listInterpretations = (): Interpretation[] => [...list];
