/**
 * Inner Mongolia's numbers the plan relies on: the 1.5 % quota, how disabled employees are counted,
 * and the autonomous region's minimum-wage tables with their effective dates.
 */
import { text } from '../core/text.ts';
import { constant, dated, type Dated, type Parameter } from './types.ts';

const order180 = { document: '内蒙古自治区按比例安排残疾人就业办法（自治区政府令第180号）' };
const levyMeasures = { document: '内蒙古自治区残疾人就业保障金征收使用管理办法' };
const f72 = { document: '财税〔2015〕72号' };

/** Sources whose own start dates these rules do not hold are entered from `SINCE_ALWAYS` (see types.ts). */
export const quota = {
  ratio: constant('quota.ratio', '0.015', 'ratio', text('按比例安排残疾人就业的比例（占在职职工总数）', 'quota: share of in-service staff'), order180),
};

/** Counting a disabled employee for the quota (自治区残疾人就业保障金征收使用管理办法). */
export const headcount = {
  source: levyMeasures,
  doubleWeight: constant(
    'headcount.doubleWeight',
    2,
    'persons',
    text('一级、二级残疾人或三级、四级智力、精神残疾人按此人数计算', 'grade 1–2, or intellectual/mental grade 3–4, count as this many persons'),
    levyMeasures,
  ),
  singleWeight: constant(
    'headcount.singleWeight',
    1,
    'persons',
    text('其他残疾人按此人数计算', 'other disabled employees count as this many persons'),
    levyMeasures,
  ),
  severeGrades: constant(
    'headcount.severeGrades',
    [1, 2],
    'grades',
    text('按2名计算的残疾等级（任何类别）', 'grades counted as 2 persons (any category)'),
    levyMeasures,
  ),
  doubleWeightCategoriesAtAnyGrade: constant(
    'headcount.doubleWeightCategoriesAtAnyGrade',
    [5, 6],
    'categories',
    text('任何等级均按2名计算的残疾类别（残疾人证类别代码）', 'categories (certificate codes) counted as 2 persons at any grade'),
    levyMeasures,
  ),
  veteranDoubleWeightMaxGrade: constant(
    'headcount.veteranDoubleWeightMaxGrade',
    3,
    'grade',
    text('残疾军人按2名计算的最轻等级（含）', 'least severe veteran grade counted as 2 persons (inclusive)'),
    levyMeasures,
  ),
  minContractMonths: constant(
    'headcount.minContractMonths',
    12,
    'months',
    text('计入比例的劳动合同最短期限（含）', 'shortest labour contract that counts (inclusive)'),
    f72,
  ),
  monthsPerYear: constant('headcount.monthsPerYear', 12, 'months', text('不足一年的按月折算的月数', 'months a part year is counted against'), f72),
};

export type WageClass = 1 | 2 | 3;

const t2021 = { document: '内蒙古自治区最低工资标准（2021年12月1日起执行）' };
const t2024 = { document: '内政办发〔2024〕46号' };
const wageHistory = (v2021: string, v2024: string): Dated<string>[] => [
  { from: '2021-12-01', value: v2021, source: t2021 },
  { from: '2024-12-01', value: v2024, source: t2024 },
];

/** 自治区月最低工资标准 by class 一类, 二类, 三类 (yuan a month). A date before the first entry has no answer. */
export const minimumWage: Record<WageClass, Parameter<string>> = {
  1: dated('minimumWage.class1', 'yuan/month', text('一类区月最低工资标准', 'monthly minimum wage, class 1'), wageHistory('1980', '2270')),
  2: dated('minimumWage.class2', 'yuan/month', text('二类区月最低工资标准', 'monthly minimum wage, class 2'), wageHistory('1910', '2200')),
  3: dated('minimumWage.class3', 'yuan/month', text('三类区月最低工资标准', 'monthly minimum wage, class 3'), wageHistory('1850', '2140')),
};

export const wageClassNames: Record<WageClass, string> = { 1: '一类', 2: '二类', 3: '三类' };

/** Each table's classes as it lists Baotou's districts (a district no class lists, 稀土高新区, has no table: interpretation `hi-tech-zone-wage`). */
const classHistory = (districtIds: readonly string[]): Dated<readonly string[]>[] => [
  { from: '2021-12-01', value: districtIds, source: t2021 },
  { from: '2024-12-01', value: districtIds, source: t2024 },
];

/** Baotou's districts by wage class, as the tables list them. */
export const wageClassDistricts: Record<WageClass, Parameter<readonly string[]>> = {
  1: dated(
    'minimumWage.class1.districts',
    'districts',
    text('属一类区的旗县区', 'districts in class 1'),
    classHistory(['kundulun', 'qingshan', 'donghe', 'jiuyuan', 'shiguai', 'bayan-obo']),
  ),
  2: dated(
    'minimumWage.class2.districts',
    'districts',
    text('属二类区的旗县区', 'districts in class 2'),
    classHistory(['tumed-right', 'darhan-muminggan', 'guyang']),
  ),
  3: dated('minimumWage.class3.districts', 'districts', text('属三类区的旗县区', 'districts in class 3'), classHistory([])),
};
