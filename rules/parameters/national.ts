/**
 * National rules the plan relies on: the employment-security-fund (levy) formula with its dated
 * reductions, the disability certificate number, and the 2024 retirement-age reform.
 */
import { text } from '../core/text.ts';
import { constant, dated, latestValue } from './types.ts';

const f72 = { document: '财税〔2015〕72号' };
const f2017 = { document: '财税〔2017〕18号' };
const f2018 = { document: '财税〔2018〕39号' };
const a2019 = { document: '财政部公告2019年第98号' };
const a2023 = { document: '财政部公告2023年第8号' };
/** 2023年第8号 runs the reduced rates to 2027-12-31: from the next day they no longer apply. */
const a2023Ended = { document: '财政部公告2023年第8号', clause: '执行至2027年12月31日' };

/**
 * The employment-security fund (残疾人就业保障金). Its periods are stated by collection date: the levy
 * for a data year (所属年度) is collected in the following year, and each change below applies to what
 * is collected from its `from` day (interpretation `levy-year`).
 */
export const levy = {
  /** (staff × quota − counted) × average wage: 财税〔2015〕72号, from 2015-10-01. */
  formula: dated(
    'levy.formula',
    'multiplier',
    text('按（在职职工数 × 比例 − 残疾职工数）× 年平均工资征收', 'levied as (staff × quota − disabled counted) × average wage'),
    [{ from: '2015-10-01', value: 1, source: f72 }],
  ),
  /** Small enterprises exempt: ≤ 20 staff within 3 years of registration (72号); ≤ 30 staff, with no end date, from 2017-04-01 (18号; restated by 2019年第98号 and 2023年第8号). */
  exemptMaxStaff: dated('levy.exemptMaxStaff', 'persons', text('暂免征收的企业在职职工总数上限（含）', 'most staff of an exempt enterprise (inclusive)'), [
    { from: '2015-10-01', value: 20, source: f72 },
    { from: '2017-04-01', value: 30, source: f2017 },
  ]),
  exemptWithinYearsOfRegistration: dated(
    'levy.exemptWithinYearsOfRegistration',
    'years',
    text('免征只适用于工商登记注册之日起此年数内的小微企业', 'exemption only within this many years of registration'),
    [
      { from: '2015-10-01', value: 3, source: f72 },
      { from: '2017-04-01', value: null, source: f2017 },
    ],
  ),
  /** 年平均工资超过当地社会平均工资此倍数的，按此倍数计征: 3 × from 2017-04-01 (18号), 2 × from 2018-04-01 (39号); no cap before. */
  wageCapMultiple: dated<number>(
    'levy.wageCapMultiple',
    'multiplier',
    text('计征工资以当地社会平均工资的此倍数封顶', 'the wage base is capped at this multiple of the local social average wage'),
    [
      { from: '2017-04-01', value: 3, source: f2017 },
      { from: '2018-04-01', value: 2, source: f2018 },
    ],
  ),
  /** 分档减缴: 2019年第98号 (2020–2022), 2023年第8号 (2023–2027). */
  tierRatio: dated<string>('levy.tierRatio', 'ratio', text('分档减缴的比例档（含）', 'the share of staff at which the lower rate starts (inclusive)'), [
    { from: '2020-01-01', value: '0.01', source: a2019 },
    { from: '2023-01-01', value: '0.01', source: a2023 },
    { from: '2028-01-01', value: null, source: a2023Ended },
  ]),
  rateAtOrAboveTier: dated<string>(
    'levy.rateAtOrAboveTier',
    'ratio',
    text('达到比例档的按应缴额的此比例缴纳', 'share of the levy payable at or above the tier'),
    [
      { from: '2020-01-01', value: '0.5', source: a2019 },
      { from: '2023-01-01', value: '0.5', source: a2023 },
      { from: '2028-01-01', value: null, source: a2023Ended },
    ],
  ),
  rateBelowTier: dated<string>('levy.rateBelowTier', 'ratio', text('未达到比例档的按应缴额的此比例缴纳', 'share of the levy payable below the tier'), [
    { from: '2020-01-01', value: '0.9', source: a2019 },
    { from: '2023-01-01', value: '0.9', source: a2023 },
    { from: '2028-01-01', value: null, source: a2023Ended },
  ]),
};

export const levyFormulaStart = levy.formula.history[0].from;

/** GB 11643-1999 citizen identity number and the 20-character disability certificate number built on it. */
export const certificate = {
  document: 'GB 11643-1999；中国残疾人联合会第二代残疾人证编号规则',
  length: 20,
  idLength: 18,
  checkWeights: [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const,
  checkCharacters: '10X98765432',
  categories: {
    1: text('视力残疾', 'visual'),
    2: text('听力残疾', 'hearing'),
    3: text('言语残疾', 'speech'),
    4: text('肢体残疾', 'physical'),
    5: text('智力残疾', 'intellectual'),
    6: text('精神残疾', 'mental'),
    7: text('多重残疾', 'multiple'),
  } as Record<number, ReturnType<typeof text>>,
  grades: [1, 2, 3, 4] as const,
  gradeNames: {
    1: text('一级', 'grade 1'),
    2: text('二级', 'grade 2'),
    3: text('三级', 'grade 3'),
    4: text('四级', 'grade 4'),
  } as Record<number, ReturnType<typeof text>>,
  /** Where each part sits in the 20 characters (0-based; ends exclusive). */
  layout: { birthDate: [6, 14] as const, sexDigit: 16, checkCharacter: 17, category: 18, grade: 19 },
};

/** 残疾军人证: disability grades 一级 to 十级 (军人抚恤优待条例; 伤残抚恤管理办法). */
export const veteranCertificate = {
  document: '军人抚恤优待条例',
  minGrade: constant('veteranCertificate.minGrade', 1, 'grade', text('最重的残疾等级', 'most severe grade'), { document: '军人抚恤优待条例' }),
  maxGrade: constant('veteranCertificate.maxGrade', 10, 'grade', text('最轻的残疾等级', 'least severe grade'), { document: '军人抚恤优待条例' }),
};

export type RetirementCategory = 'male' | 'female-55' | 'female-50';

const reform = { document: '全国人大常委会关于实施渐进式延迟法定退休年龄的决定（2024年9月13日）' };
/** The reform's numbers for one category, each a parameter stated by the decision (which also restates the former ages). */
const reformCategory = (category: RetirementCategory, originalAgeYears: number, startMonth: string, stepMonths: number, capMonths: number) => ({
  originalAgeYears: constant(
    `retirementReform.${category}.originalAgeYears`,
    originalAgeYears,
    'years',
    text('原法定退休年龄', 'former statutory retirement age'),
    reform,
  ),
  startMonth: constant(
    `retirementReform.${category}.startMonth`,
    startMonth,
    'year-month',
    text('开始延迟的出生年月', 'first birth month whose retirement is delayed'),
    reform,
  ),
  stepMonths: constant(
    `retirementReform.${category}.stepMonths`,
    stepMonths,
    'months',
    text('每隔此月数延迟1个月', 'one month of delay per this many birth months'),
    reform,
  ),
  capMonths: constant(`retirementReform.${category}.capMonths`, capMonths, 'months', text('延迟月数上限', 'most months of delay'), reform),
});

/** 全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定 (2024-09-13), in force 2025-01-01. */
export const retirementReform = {
  document: reform.document,
  inForceFrom: constant(
    'retirementReform.inForceFrom',
    '2025-01-01',
    'date',
    text('延迟退休改革施行日期', 'the day the retirement-age reform took effect'),
    reform,
  ),
  categories: {
    male: reformCategory('male', 60, '1965-01', 4, 36),
    'female-55': reformCategory('female-55', 55, '1970-01', 4, 36),
    'female-50': reformCategory('female-50', 50, '1975-01', 2, 60),
  } satisfies Record<RetirementCategory, unknown>,
};

export interface ReformNumbers {
  originalAgeYears: number;
  startMonth: string;
  stepMonths: number;
  capMonths: number;
}

/** One category's latest numbers, for labels and tests (a rule reads them through `ctx.at`). */
export function reformNumbers(category: RetirementCategory): ReformNumbers {
  const c = retirementReform.categories[category];
  return {
    originalAgeYears: latestValue(c.originalAgeYears),
    startMonth: latestValue(c.startMonth),
    stepMonths: latestValue(c.stepMonths),
    capMonths: latestValue(c.capMonths),
  };
}
