/**
 * Inner Mongolia's numbers the plan relies on: the 1.5 % quota, how disabled employees are counted,
 * and the autonomous region's minimum-wage tables with their effective dates.
 */
import { text } from '../core/text.ts';
import { param } from './types.ts';

export const quota = {
  ratio: param('0.015', 'ratio', text('按比例安排残疾人就业的比例为1.5%', 'quota: 1.5 % of in-service staff'), {
    document: '内蒙古自治区按比例安排残疾人就业办法（自治区政府令第180号）',
  }),
};

/** Counting a disabled employee for the 1.5 % ratio (自治区残疾人就业保障金征收使用管理办法). */
export const headcount = {
  source: { document: '内蒙古自治区残疾人就业保障金征收使用管理办法' },
  doubleWeight: param(2, 'persons', text('一级、二级残疾人或三级、四级智力、精神残疾人按2名计算', 'grade 1–2, or intellectual/mental grade 3–4, count as 2 persons'), {
    document: '内蒙古自治区残疾人就业保障金征收使用管理办法',
  }),
  singleWeight: param(1, 'persons', text('其他残疾人按1名计算', 'other disabled employees count as 1 person'), { document: '内蒙古自治区残疾人就业保障金征收使用管理办法' }),
  severeGrades: [1, 2] as const,
  doubleWeightCategoriesAtAnyGrade: [5, 6] as const,
  veteranDoubleWeightMaxGrade: param(3, 'grade', text('残疾军人一至三级按2名计算', 'disabled veterans of grade 1–3 count as 2 persons'), { document: '内蒙古自治区残疾人就业保障金征收使用管理办法' }),
  minContractMonths: param(12, 'months', text('签订1年以上（含1年）劳动合同', 'labour contract of one year or more'), { document: '财税〔2015〕72号' }),
  monthsPerYear: param(12, 'months', text('不足一年的按月折算', 'part of a year counts by months'), { document: '财税〔2015〕72号' }),
};

export type WageClass = 1 | 2 | 3;

export interface WageTable {
  from: string;
  document: string;
  /** Monthly minimum wage in yuan by class 一类, 二类, 三类. */
  monthly: Record<WageClass, string>;
}

/** 自治区最低工资标准, newest last. A date before the first table has no answer. */
export const minimumWageTables: readonly WageTable[] = [
  { from: '2021-12-01', document: '内蒙古自治区最低工资标准（2021年12月1日起执行）', monthly: { 1: '1980', 2: '1910', 3: '1850' } },
  { from: '2024-12-01', document: '内政办发〔2024〕46号', monthly: { 1: '2270', 2: '2200', 3: '2140' } },
];

export const wageClassNames: Record<WageClass, string> = { 1: '一类', 2: '二类', 3: '三类' };

/** Baotou's districts by wage class. 稀土高新区 is in no class (interpretation `hi-tech-zone-wage`). */
export const baotouWageClasses: Record<string, WageClass> = {
  kundulun: 1,
  qingshan: 1,
  donghe: 1,
  jiuyuan: 1,
  shiguai: 1,
  'bayan-obo': 1,
  'tumed-right': 2,
  'darhan-muminggan': 2,
  guyang: 2,
};
