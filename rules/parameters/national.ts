/**
 * National rules the plan relies on: the employment-security-fund (levy) formula with its dated
 * reductions, the disability certificate number, and the 2024 retirement-age reform.
 */
import { text } from '../core/text.ts';
import { param } from './types.ts';

export const levy = {
  formula: { document: '财税〔2015〕72号', from: '2015-10-01' },
  firstYear: 2016,
  /** 用人单位在职职工年平均工资未超过当地社会平均工资2倍（含）的，按实际计算; 超过的按2倍计算 (财税〔2017〕18号, from 2018-04-01). */
  wageCap: {
    multiple: param(2, 'multiplier', text('年平均工资超过当地社会平均工资2倍的，按2倍计算', 'average wage capped at 2 × the local social average wage'), {
      document: '财税〔2017〕18号',
      from: '2018-04-01',
    }),
    fromYear: 2018,
  },
  /** 财政部公告2019年第98号 (2020–2022), extended by 财政部公告2023年第8号 to 2027-12-31. */
  reductions: [
    {
      fromYear: 2020,
      toYear: 2027,
      documents: ['财政部公告2019年第98号', '财政部公告2023年第8号'],
      exemptMaxStaff: param(30, 'persons', text('在职职工总数30人（含）以下的企业暂免征收', 'enterprises with 30 or fewer staff are exempt'), {
        document: '财政部公告2019年第98号',
        from: '2020-01-01',
        to: '2027-12-31',
      }),
      tierRatio: param('0.01', 'ratio', text('安排残疾人就业比例达到1%（含）以上', 'a unit at 1 % or more'), { document: '财政部公告2019年第98号', from: '2020-01-01', to: '2027-12-31' }),
      rateAtOrAboveTier: param('0.5', 'ratio', text('按规定应缴费额的50%缴纳', 'pays 50 % of the levy'), { document: '财政部公告2019年第98号', from: '2020-01-01', to: '2027-12-31' }),
      rateBelowTier: param('0.9', 'ratio', text('1%以下的，按规定应缴费额的90%缴纳', 'below 1 %: pays 90 % of the levy'), { document: '财政部公告2019年第98号', from: '2020-01-01', to: '2027-12-31' }),
    },
  ],
} as const;

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
  minGrade: param(1, 'grade', text('残疾等级一级', 'grade 1 (most severe)'), { document: '军人抚恤优待条例' }),
  maxGrade: param(10, 'grade', text('残疾等级十级', 'grade 10 (least severe)'), { document: '军人抚恤优待条例' }),
};

export type RetirementCategory = 'male' | 'female-55' | 'female-50';

/** 全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定 (2024-09-13), in force 2025-01-01. */
export const retirementReform = {
  document: '全国人大常委会关于实施渐进式延迟法定退休年龄的决定（2024年9月13日）',
  inForceFrom: '2025-01-01',
  categories: {
    male: { originalAgeYears: 60, startMonth: '1965-01', stepMonths: 4, capMonths: 36 },
    'female-55': { originalAgeYears: 55, startMonth: '1970-01', stepMonths: 4, capMonths: 36 },
    'female-50': { originalAgeYears: 50, startMonth: '1975-01', stepMonths: 2, capMonths: 60 },
  } satisfies Record<RetirementCategory, { originalAgeYears: number; startMonth: string; stepMonths: number; capMonths: number }>,
};
